/**
 * `/\s/.test(text[i])` without making a one-character string and running an expression for each
 * unit: window edges and sentence ends step over text unit by unit. Each unit's answer is asked of
 * the expression itself the first time it is met and remembered, so the two cannot disagree.
 */
const SPACE = /\s/;
const UNKNOWN = 0;
const SPACE_UNIT = 1;
const OTHER_UNIT = 2;
const known = new Uint8Array(65536);

/** Is the unit at `i` whitespace? False past either end of the text, as `/\s/.test('')` is. */
export function isSpaceAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const unit = text.charCodeAt(i);
  let answer = known[unit];
  if (answer === UNKNOWN) {
    answer = SPACE.test(String.fromCharCode(unit)) ? SPACE_UNIT : OTHER_UNIT;
    known[unit] = answer;
  }
  return answer === SPACE_UNIT;
}
