/** The signed-in user as services see them: identity, role and the unlocked private key. */

import type { Role } from '../../core/roles.ts';
import { type KeyPair, wipeKeyPair } from '../../crypto/userKeys.ts';

export interface Actor {
  userId: string;
  email: string;
  role: Role;
  keyPair: KeyPair;
}

/** Zeroes the private key; call when the request or command is done. */
export function releaseActor(actor: Actor): void {
  wipeKeyPair(actor.keyPair);
}
