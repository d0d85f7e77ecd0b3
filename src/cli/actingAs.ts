/**
 * Runs a command's work as whoever is at the keyboard, allowed to do `action`: the signed-in account
 * once accounts exist (checked against the same policy as the HTTP route), else the operating-system
 * user of a single-person installation.
 */
import { Forbidden } from '../core/errors.ts';
import { type Actor, releaseActor } from '../services/accounts/actor.ts';
import { allows, describeAccess, type RouteAccess } from '../services/policies/index.ts';
import type { Db } from '../services/store.ts';
import type { CommandIo, ParsedArgs } from './command.ts';
import { signInOnceAccountsExist } from './signIn.ts';
import { operatingSystemUser, withStore } from './storeOption.ts';

export interface CommandActor {
  userId: string;
  mayVerify: boolean;
  /** The signed-in account (with its keys, e.g. to open a sealed source); null before accounts exist. */
  account: Actor | null;
}

export function actingAs<T>(
  args: ParsedArgs,
  io: CommandIo,
  action: RouteAccess,
  work: (db: Db, actor: CommandActor) => Promise<T>,
): Promise<T> {
  return withStore(args, io, async (store) => {
    const actor = await signInOnceAccountsExist(store.db, io, `run attest ${args.command}`);
    try {
      if (actor && !allows(actor.role, action))
        throw new Forbidden(`a ${actor.role} may not do this (${describeAccess(action)})`);
      return await work(store.db, {
        userId: actor?.userId ?? operatingSystemUser(),
        mayVerify: actor ? allows(actor.role, 'incident.verify') : true,
        account: actor,
      });
    } finally {
      if (actor) releaseActor(actor);
    }
  });
}
