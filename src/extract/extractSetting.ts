/**
 * The story's setting: where and when the text is, for acts that do not say. Where is the country
 * named most often before the act (ties to the first named), shown by its first region or city —
 * so "Cinco ativistas foram presos" in an article about Chechnya is placed in Chechnya. When is the
 * last date stated earlier in the same paragraph, the narrative time of the passage.
 */
import type { PlaceMention } from '../core/suggestions.ts';
import type { DateFound } from './dates.ts';
import type { DocContext, Sentence } from './extractContext.ts';
import type { PlaceFound } from './places.ts';

interface Tally {
  count: number;
  first: PlaceFound;
  specific: PlaceFound | null;
}

export class Setting {
  private readonly tallies = new Map<string, Tally>();
  private best: Tally | null = null;
  private cursor = 0;
  private readonly paragraphStart = new Map<number, number>();
  private readonly wholeText: Tally | null;

  constructor(private readonly ctx: DocContext) {
    for (const s of ctx.sentences)
      if (!this.paragraphStart.has(s.paragraph)) this.paragraphStart.set(s.paragraph, s.start);
    this.wholeText = Setting.tally(ctx.places);
  }

  private static keyOf(place: PlaceFound): string {
    return place.country ?? `name:${place.name}`;
  }

  private static tally(places: readonly PlaceFound[]): Tally | null {
    const tallies = new Map<string, Tally>();
    let best: Tally | null = null;
    for (const p of places) best = Setting.add(tallies, p, best);
    return best;
  }

  private static add(tallies: Map<string, Tally>, place: PlaceFound, best: Tally | null): Tally | null {
    const key = Setting.keyOf(place);
    let t = tallies.get(key);
    if (!t) {
      t = { count: 0, first: place, specific: null };
      tallies.set(key, t);
    }
    t.count++;
    if (!t.specific && place.kind !== 'country') t.specific = place;
    return !best || t.count > best.count ? t : best;
  }

  /** Where the story is set as of this sentence (places named before it; else the whole text's). */
  placeBefore(sentence: Sentence): PlaceMention | null {
    if (this.cursor > 0 && this.ctx.places[this.cursor - 1]!.start >= sentence.start) {
      this.tallies.clear();
      this.best = null;
      this.cursor = 0;
    }
    const places = this.ctx.places;
    while (this.cursor < places.length && places[this.cursor]!.start < sentence.start) {
      this.best = Setting.add(this.tallies, places[this.cursor]!, this.best);
      this.cursor++;
    }
    const chosen = this.best ?? this.wholeText;
    if (!chosen) return null;
    const place = chosen.specific ?? chosen.first;
    return { name: place.name, country: place.country, text: place.text };
  }

  /** The last date stated before this sentence in its paragraph. */
  dateBefore(sentence: Sentence): DateFound | undefined {
    const from = this.paragraphStart.get(sentence.paragraph) ?? sentence.start;
    const dates = this.ctx.dates;
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]!.start < sentence.start) lo = mid + 1;
      else hi = mid;
    }
    const last = dates[lo - 1];
    return last && last.start >= from ? last : undefined;
  }
}
