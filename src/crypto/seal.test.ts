import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCompartmentKey } from './compartmentKeys.ts';
import {
  decodeEnvelope,
  ENVELOPE_VERSION,
  envelopeFromText,
  envelopeKeyId,
  envelopeToText,
} from './envelope.ts';
import { keyRing, openBytes, openText, SealOpenFailed, sealBytes, sealText } from './seal.ts';

const KEY_ID = '0b6f3a0e-8c1d-4c55-9d0e-7c2f1a9b3e44';
const OTHER_ID = '5d1c2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';
const context = { recordType: 'person', recordId: 'p-1', field: 'name' };

describe('sealing protected values', () => {
  const key = newCompartmentKey(KEY_ID);
  const ring = keyRing([key]);

  it('round-trips any bytes and any text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        expect(openBytes(ring, sealBytes(key, bytes, context), context)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(openText(ring, sealText(key, text, context), context)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('carries the format version and the key id in the envelope, also as text', () => {
    const envelope = sealText(key, 'Zarema', context);
    expect(decodeEnvelope(envelope).version).toBe(ENVELOPE_VERSION);
    expect(envelopeKeyId(envelope)).toBe(KEY_ID);
    expect(envelopeFromText(envelopeToText(envelope))).toEqual(envelope);
  });

  it('never produces the same ciphertext twice for the same value', () => {
    expect(sealText(key, 'same', context)).not.toEqual(sealText(key, 'same', context));
  });

  it('fails when any single bit is flipped', () => {
    const envelope = sealText(key, 'a protected name', context);
    for (let bit = 0; bit < envelope.byteLength * 8; bit += 1) {
      const altered = envelope.slice();
      altered[bit >> 3]! ^= 1 << (bit & 7);
      expect(() => openText(ring, altered, context), `bit ${bit}`).toThrow(SealOpenFailed);
    }
  });

  it('fails when any bit is flipped (property, random values and positions)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 256 }), fc.nat(), (bytes, position) => {
        const envelope = sealBytes(key, bytes, context);
        const bit = position % (envelope.byteLength * 8);
        envelope[bit >> 3]! ^= 1 << (bit & 7);
        expect(() => openBytes(ring, envelope, context)).toThrow(SealOpenFailed);
      }),
      { numRuns: 300 },
    );
  });

  it('fails with the wrong key, even one claiming the same id', () => {
    const envelope = sealText(key, 'secret', context);
    const impostor = { id: KEY_ID, bytes: newCompartmentKey(KEY_ID).bytes };
    expect(() => openText(keyRing([impostor]), envelope, context)).toThrow(SealOpenFailed);
    expect(() => openText(keyRing([newCompartmentKey(OTHER_ID)]), envelope, context)).toThrow(SealOpenFailed);
    expect(() => openText(keyRing([]), envelope, context)).toThrow(SealOpenFailed);
  });

  it('fails when moved to another record, record type or field (associated data)', () => {
    const envelope = sealText(key, 'secret', context);
    for (const other of [
      { ...context, recordId: 'p-2' },
      { ...context, field: 'note' },
      { ...context, recordType: 'case' },
      // Length-prefixed parts: shifting characters between parts changes the associated data.
      { recordType: 'person', recordId: 'p-1n', field: 'ame' },
    ]) {
      expect(() => openText(ring, envelope, other)).toThrow(SealOpenFailed);
    }
  });

  it('opens old envelopes with an old key id from the ring after rotation', () => {
    const next = newCompartmentKey(OTHER_ID);
    const old = sealText(key, 'before rotation', context);
    const fresh = sealText(next, 'after rotation', context);
    const both = keyRing([next, key]);
    expect(openText(both, old, context)).toBe('before rotation');
    expect(openText(both, fresh, context)).toBe('after rotation');
    expect(() => openText(keyRing([key]), fresh, context)).toThrow(SealOpenFailed);
  });

  it('rejects garbage and unknown versions without throwing anything but SealOpenFailed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 128 }), (bytes) => {
        expect(() => openBytes(ring, bytes, context)).toThrow(SealOpenFailed);
      }),
    );
  });
});
