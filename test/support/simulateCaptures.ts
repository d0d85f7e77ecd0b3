/**
 * Simulated closed populations for multiple systems estimation (tests and the estimate bench): the
 * true size is known, so an estimator's bias and its intervals' coverage can be measured.
 */
import type { CaptureTable } from '../../src/analysis/mse/captureTable.ts';
import { seededRandom, seededStream } from '../../src/analysis/seededRandom.ts';

/** Six lists capturing each of 20,000 people independently with probabilities 0.15–0.4. */
export function simulatedSixLists(): CaptureTable {
  const random = seededRandom(6);
  const probabilities = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
  const counts = new Float64Array(64);
  for (let person = 0; person < 20_000; person += 1) {
    let pattern = 0;
    probabilities.forEach((p, bit) => {
      if (random() < p) pattern |= 1 << bit;
    });
    if (pattern !== 0) counts[pattern]! += 1;
  }
  return { lists: ['A', 'B', 'C', 'D', 'E', 'F'], strata: [{ name: null, counts }] };
}

/**
 * Heterogeneous capture: two kinds of people, as with victims who are visible (known to
 * organisations, in cities) and hidden. Within a class the five lists are independent; across the
 * population they are not, so the independence model underestimates, while LCMCR's assumptions
 * hold exactly.
 */
export const HETEROGENEOUS_CLASSES = [
  { share: 0.4, probabilities: [0.55, 0.5, 0.6, 0.45, 0.5] },
  { share: 0.6, probabilities: [0.2, 0.25, 0.15, 0.3, 0.2] },
] as const;

export function simulateHeterogeneous(size: number, seed: number): { lists: string[]; counts: Float64Array } {
  const random = seededStream(seed, 99);
  const counts = new Float64Array(32);
  for (let person = 0; person < size; person += 1) {
    const kind =
      random() < HETEROGENEOUS_CLASSES[0].share ? HETEROGENEOUS_CLASSES[0] : HETEROGENEOUS_CLASSES[1];
    let pattern = 0;
    kind.probabilities.forEach((p, bit) => {
      if (random() < p) pattern |= 1 << bit;
    });
    if (pattern !== 0) counts[pattern]! += 1;
  }
  return { lists: ['A', 'B', 'C', 'D', 'E'], counts };
}
