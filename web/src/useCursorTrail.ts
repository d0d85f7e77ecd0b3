import { useState } from 'react';

/**
 * Previous and Next for a list paged by cursor: the server gives only the next page's cursor, so the
 * cursors of the pages walked through are kept here (a small stack, reset by a filter change) for
 * Previous, and tell which page this is. Opened from a link in the middle of a list, the page number
 * is unknown and Previous goes back to the first page. The browser's back button also works: a
 * cursor found in the stack is where the user went back to.
 */
export function useCursorTrail(filtersKey: string, after: string, go: (next: { after: string }) => void) {
  const [trail, setTrail] = useState<{ filtersKey: string; cursors: string[] }>({
    filtersKey,
    cursors: [],
  });
  const stored = trail.filtersKey === filtersKey ? trail.cursors : [];
  const back = stored.lastIndexOf(after);
  const cursors = back >= 0 ? stored.slice(0, back) : stored;
  return {
    /** The page's index from 0, when known. */
    pageIndex: after === '' ? 0 : cursors[0] === '' ? cursors.length : null,
    hasPrevious: after !== '',
    next: (cursor: string) => {
      setTrail({ filtersKey, cursors: [...cursors, after] });
      go({ after: cursor });
    },
    previous: () => {
      setTrail({ filtersKey, cursors: cursors.slice(0, -1) });
      go({ after: cursors.at(-1) ?? '' });
    },
  };
}
