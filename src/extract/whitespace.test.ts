import { describe, expect, it } from 'vitest';
import { isSpaceAt } from './whitespace.ts';

describe('isSpaceAt', () => {
  it('answers as /\\s/ does for every code unit, twice (asked, then remembered)', () => {
    for (let round = 0; round < 2; round++) {
      for (let unit = 0; unit < 0x10000; unit++) {
        const char = String.fromCharCode(unit);
        if (isSpaceAt(char, 0) !== /\s/.test(char)) expect.fail(`U+${unit.toString(16)}`);
      }
    }
  });

  it('is false past either end of the text', () => {
    expect([isSpaceAt(' ', -1), isSpaceAt(' ', 1), isSpaceAt('', 0)]).toEqual([false, false, false]);
  });
});
