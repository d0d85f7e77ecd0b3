/**
 * East Slavic patronymics (отчество): the father's given name plus a suffix — -ович/-евич for men,
 * -овна/-евна/-ична for women (Ахмедович, Исаевич, Сергеевна, Никитична) — written in Cyrillic or
 * in one of several romanisations (Akhmedovich, Achmedowitsch, Sergeyevna, Ahmedovic), sometimes in
 * their own column, sometimes typed into the given-name field ("Руслан Ахмедович") or inside a full
 * name ("Бакаев Руслан Ахмедович"). Chechen lists often give the father's name bare (Ахмед).
 *
 * What is compared is the **stem** (the father's name): a son's Ахмедович and a daughter's
 * Akhmedovna, or a bare Ахмед, all name the same father, and the stem is then compared like any
 * other name token (transliteration skeletons absorb the spelling). Inputs here are normalised
 * tokens (`normaliseName`: romanised, lower case).
 */

// Longer endings first. Russian (BGN/ICAO-like, what normaliseName makes of Cyrillic), German
// (-owitsch, -ewna), French (-ovitch), South Slavic/Czech without diacritics (-ovic), Ukrainian
// (-ovych, -ivna).
const SUFFIX =
  /^(.{2,}?)(ovitch|evitch|owitsch|ewitsch|ovich|evich|ovych|evych|ovic|evic|ovna|evna|owna|ewna|itschna|ichna|ivna)$/;

/** True when a normalised token has a patronymic ending (and a stem of at least two letters). */
export function isPatronymic(token: string): boolean {
  return SUFFIX.test(token);
}

/** The father's-name stem of a patronymic token; any other token is returned as it is. */
export function patronymicStem(token: string): string {
  const match = SUFFIX.exec(token);
  return match ? match[1]! : token;
}

/**
 * Splits a patronymic out of a name written in one field. The patronymic is never the first word
 * (Имя Отчество Фамилия, Фамилия Имя Отчество), and a surname can itself end in -ович (Абрамович),
 * so only a later token with a patronymic ending is taken, the earliest of them when there are two
 * ("Роман Аркадьевич Абрамович"). A single word is never split. `minTokens` is 2 for a given-name
 * field, 3 for a full name (a two-word full name ending in -ович is a given name and a surname).
 */
export function splitPatronymic(
  tokens: readonly string[],
  minTokens: number,
): { rest: string[]; patronymic: string | null } {
  if (tokens.length < Math.max(2, minTokens)) return { rest: [...tokens], patronymic: null };
  for (let i = 1; i < tokens.length; i++) {
    if (isPatronymic(tokens[i]!)) {
      return { rest: tokens.filter((_, k) => k !== i), patronymic: tokens[i]! };
    }
  }
  return { rest: [...tokens], patronymic: null };
}
