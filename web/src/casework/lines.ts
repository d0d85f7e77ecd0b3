/** The non-empty lines of a textarea, trimmed: aliases, contacts and other one-per-line lists. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
