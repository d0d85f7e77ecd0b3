/**
 * Russian place names are declined: "Чечня" is written "в Чечне", "из Чечни", "Чечнёй". The gazetteer
 * lists the nominative and this module derives the six cases, word by word ("Чеченская Республика"
 * → "Чеченской Республике"), so the data stays one entry per place.
 */

/** Endings for nominative, genitive, dative, accusative, instrumental, prepositional; "a|b" = either. */
const paradigms: readonly [RegExp, readonly string[]][] = [
  [/ия$/, ['ия', 'ии', 'ии', 'ию', 'ией', 'ии']],
  [/ая$/, ['ая', 'ой', 'ой', 'ую', 'ой', 'ой']],
  [/яя$/, ['яя', 'ей', 'ей', 'юю', 'ей', 'ей']],
  [/я$/, ['я', 'и', 'е', 'ю', 'ей|ёй', 'е']],
  [/(?<=[кгхжшчщ])а$/, ['а', 'и', 'е', 'у', 'ой|ей', 'е']],
  [/а$/, ['а', 'ы', 'е', 'у', 'ой|ей', 'е']],
  [/ый$/, ['ый', 'ого', 'ому', 'ый', 'ым', 'ом']],
  [/ий$/, ['ий', 'его|ого', 'ему|ому', 'ий', 'им', 'ем|ом']],
  [/ой$/, ['ой', 'ого', 'ому', 'ой', 'ым', 'ом']],
  [/ое$/, ['ое', 'ого', 'ому', 'ое', 'ым', 'ом']],
  [/ь$/, ['ь', 'и|я', 'и|ю', 'ь', 'ью|ем', 'и|е']],
  [/(?<=[оеиуюэы])$/, ['', '', '', '', '', '']],
  [/й$/, ['й', 'я', 'ю', 'й', 'ем', 'е']],
  // Consonant-final masculine nouns: Дагестан, Аргун, Санкт-Петербург.
  [/$/, ['', 'а', 'у', '', 'ом', 'е']],
];

function declineWord(word: string): string[][] {
  // Only Cyrillic words decline; "ООН"-style abbreviations and Latin words stay as written.
  if (!/[а-яё]$/.test(word)) return Array.from({ length: 6 }, () => [word]);
  for (const [re, endings] of paradigms) {
    const m = re.exec(word);
    if (!m) continue;
    const stem = word.slice(0, m.index);
    return endings.map((e) => e.split('|').map((alt) => stem + alt));
  }
  return Array.from({ length: 6 }, () => [word]);
}

/** All case forms of a (possibly multi-word) Russian name, nominative first, without duplicates. */
export function russianCases(name: string): string[] {
  const words = name.split(' ').map(declineWord);
  const out = new Set<string>([name]);
  for (let c = 0; c < 6; c++) {
    let forms = [''];
    for (const w of words)
      forms = forms.flatMap((prefix) => (w[c] ?? []).map((f) => (prefix ? `${prefix} ${f}` : f)));
    for (const f of forms) out.add(f);
  }
  return [...out];
}
