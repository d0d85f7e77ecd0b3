/**
 * Exact-match lookup on a protected value without storing it: a keyed BLAKE2b hash (crypto_generichash)
 * of the normalised value, keyed per compartment and key id. Without the compartment key the index
 * cannot be computed, so a dictionary of likely names cannot be tested against a seized database.
 * It does reveal equality within a compartment (two records with the same name share an index):
 * that is the price of lookup, and why only the name is indexed.
 */
import { sodium } from './sodium.ts';

/** Case, width and spacing differences should not defeat an exact-match lookup. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

export function blindIndex(indexKey: Uint8Array, field: string, value: string): Uint8Array {
  // The field name is hashed in too, so equal values in different fields do not share an index.
  return sodium.crypto_generichash(32, `${field}\u0000${normaliseForIndex(value)}`, indexKey);
}
