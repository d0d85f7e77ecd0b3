import type { ReactNode } from 'react';
import type { Span } from '../api/types.ts';

export interface Highlight extends Span {
  /** Distinguishes kinds of highlight (event, denial, pii) and the selected one, via CSS classes. */
  className?: string;
  /** Put on the first piece of this span, so it can be scrolled to. */
  id?: string;
}

/**
 * Text with spans marked. Offsets are UTF-16 code units, the same unit as String.prototype.slice,
 * so `text.slice(start, end)` is exactly what is marked. Spans may overlap (an act and the
 * intervention in the same sentence): the text is cut at every span boundary and each piece carries
 * the classes of all spans covering it, so no span is lost to another.
 */
export function HighlightedText({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const spans = highlights
    .map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(h.end, text.length) }))
    .filter((h) => h.end > h.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((h) => [h.start, h.end])])].sort(
    (a, b) => a - b,
  );
  const parts: ReactNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = spans.filter((h) => h.start <= start && h.end >= end);
    const piece = text.slice(start, end);
    if (!covering.length) {
      parts.push(piece);
      continue;
    }
    const className =
      covering
        .map((h) => h.className ?? '')
        .join(' ')
        .trim() || undefined;
    const id = covering.find((h) => h.start === start && h.id)?.id;
    parts.push(
      <mark key={start} id={id} className={className}>
        {piece}
      </mark>,
    );
  }
  return <>{parts}</>;
}
