import { describe, expect, it } from 'vitest';
import { callGroups } from './callGroups.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('callGroups', () => {
  it('runs a full group at once and answers each call with its own answer, in order', async () => {
    const groups: number[][] = [];
    const grouped = callGroups(
      async (items: number[]) => {
        groups.push(items);
        return items.map((n) => n * 10);
      },
      { max: 3, waitMs: 10_000 },
    );
    const answers = await Promise.all([1, 2, 3].map((n) => grouped.add(n)));
    expect(answers).toEqual([10, 20, 30]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('runs a partial group after the wait, or at once on flush', async () => {
    const groups: string[][] = [];
    const grouped = callGroups(
      async (items: string[]) => {
        groups.push(items);
        return items;
      },
      { max: 100, waitMs: 20 },
    );
    const waited = grouped.add('a');
    await tick(5);
    expect(groups).toEqual([]);
    await waited;
    expect(groups).toEqual([['a']]);

    const flushed = grouped.add('b');
    grouped.flush();
    await flushed;
    expect(groups).toEqual([['a'], ['b']]);
  });

  it('runs one group at a time; what arrives meanwhile is the next group, split at max', async () => {
    const groups: number[][] = [];
    let active = 0;
    let mostActive = 0;
    const grouped = callGroups(
      async (items: number[]) => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        groups.push(items);
        await tick(15);
        active -= 1;
        return items;
      },
      { max: 2, waitMs: 1 },
    );
    const first = [grouped.add(1), grouped.add(2)];
    const later = [3, 4, 5].map((n) => grouped.add(n));
    await Promise.all([...first, ...later]);
    expect(mostActive).toBe(1);
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('a failing group rejects its own calls only', async () => {
    const grouped = callGroups(
      async (items: number[]) => {
        if (items.includes(2)) throw new Error('bad group');
        return items;
      },
      { max: 2, waitMs: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => grouped.add(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(results[2]).toMatchObject({ value: 3 });
  });

  it('a run answering the wrong number of items rejects the group rather than mismatching answers', async () => {
    const grouped = callGroups(async (items: number[]) => items.slice(1), { max: 2, waitMs: 1 });
    const results = await Promise.allSettled([grouped.add(1), grouped.add(2)]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('refuses a group size below one', () => {
    expect(() => callGroups(async (items: number[]) => items, { max: 0, waitMs: 1 })).toThrow(RangeError);
  });
});
