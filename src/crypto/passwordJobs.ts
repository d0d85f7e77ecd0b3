/** The messages between passwordPool.ts and passwords.worker.ts. */
import type { KdfParams } from './passwords.ts';

export type PasswordJob =
  /** A new verifier (crypto_pwhash_str). */
  | { kind: 'hash'; password: string; params: KdfParams }
  /** The key-encryption key for a password and salt. */
  | { kind: 'derive'; password: string; salt: Uint8Array; params: KdfParams }
  /** Checks the password against the verifier and, only if it matches, derives the key (else null). */
  | { kind: 'verify'; hash: string; password: string; salt: Uint8Array; params: KdfParams }
  /** A verification against a throwaway verifier, so refusals cost what a wrong password costs. */
  | { kind: 'burn'; password: string };

export interface PasswordJobResults {
  hash: string;
  derive: Uint8Array;
  verify: Uint8Array | null;
  burn: null;
}

export interface PasswordJobMessage {
  id: number;
  job: PasswordJob;
}

export type PasswordJobReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };
