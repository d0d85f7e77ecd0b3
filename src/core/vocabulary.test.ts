import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../test/support/paths.ts';
import {
  EVENT_TYPE_ESF,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  INTERVENTION_TYPE_LABELS,
  LOCALES,
} from './vocabulary.ts';

const esfDir = join(fixturesDir, 'esf');

describe('vocabulary', () => {
  it('maps every event type to an existing ESF Types of Acts term with the same English label', () => {
    const csv = readFileSync(join(esfDir, 'mt04_types_of_acts.csv'), 'utf8');
    for (const type of EVENT_TYPES) {
      const term = EVENT_TYPE_ESF[type];
      const line = csv.split('\n').find((row) => row.split(',')[2] === term.vocabNumber);
      expect(line, `${type} → ${term.vocabNumber}`).toBeDefined();
      expect(line).toContain(term.label.includes(',') ? `"${term.label}"` : `,${term.label},`);
    }
  });

  it('labels every code in all five interface languages', () => {
    for (const labels of [...Object.values(EVENT_TYPE_LABELS), ...Object.values(INTERVENTION_TYPE_LABELS)]) {
      for (const locale of LOCALES) expect(labels[locale].length).toBeGreaterThan(2);
    }
  });
});
