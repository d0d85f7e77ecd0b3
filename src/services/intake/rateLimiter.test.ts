import { describe, expect, it } from 'vitest';
import { RateLimited } from '../../core/errors.ts';
import { createRateLimiter } from './rateLimiter.ts';

describe('rate limiter', () => {
  it('allows a burst, refuses beyond it, and refills over time per key', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.tryTake('a'))).toEqual([true, true, true, false]);
    expect(limiter.tryTake('b')).toBe(true);
    expect(() => limiter.take('a')).toThrow(RateLimited);
    now = 1_000;
    expect(limiter.tryTake('a')).toBe(true);
    expect(limiter.tryTake('a')).toBe(false);
    now = 60_000;
    expect([1, 2, 3, 4].map(() => limiter.tryTake('a'))).toEqual([true, true, true, false]);
  });

  it('bounds memory under a flood of distinct keys', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, maxKeys: 100 });
    for (let i = 0; i < 1_000; i += 1) limiter.tryTake(`k${i}`);
    expect(limiter.size()).toBe(100);
  });
});
