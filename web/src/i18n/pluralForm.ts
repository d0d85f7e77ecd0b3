/**
 * Messages that depend on a count list their forms as `one:… | few:… | other:…`, named by the
 * locale's plural categories (Russian needs one/few/many; English one/other). Intl.PluralRules picks,
 * unless an exact form for the number is given (`0:…`): Brazilian Portuguese rules call 0 "one",
 * which would read "0 declaração". docs/translating.md explains this to translators.
 */
export function pluralForm(
  message: string,
  count: string | number | undefined,
  rules: Intl.PluralRules,
): string {
  if (!message.includes('|') || typeof count !== 'number') return message;
  const forms = new Map(
    message.split('|').map((part) => {
      const colon = part.indexOf(':');
      return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()] as const;
    }),
  );
  return forms.get(String(count)) ?? forms.get(rules.select(count)) ?? forms.get('other') ?? message;
}
