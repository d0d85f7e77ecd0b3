/**
 * Typed errors shared by every layer. The CLI maps them to exit codes and the HTTP layer to status
 * codes, each in one place. Messages name the problem (file, field, setting) but never carry a
 * protected value: they may end up in logs.
 */
export abstract class AttestError extends Error {
  abstract readonly code: string;
  override readonly name: string = this.constructor.name;
}

/** Input that cannot be accepted: names the field (or file, row, column) and the reason. */
export class InvalidInput extends AttestError {
  readonly code = 'invalid_input';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The command line itself is wrong (unknown option, missing argument): exit code 2. */
export class UsageError extends AttestError {
  readonly code = 'usage';
}

export class NotFound extends AttestError {
  readonly code = 'not_found';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} not found: ${id}`);
  }
}

export class Forbidden extends AttestError {
  readonly code = 'forbidden';
}

export class Unauthenticated extends AttestError {
  readonly code = 'unauthenticated';
}

export class Conflict extends AttestError {
  readonly code = 'conflict';
}

/**
 * An edit made on a version of a record that is no longer the current one: someone else changed it
 * meanwhile. Carries the current record so the editor can compare theirs and yours (HTTP 409).
 */
export class VersionConflict extends Conflict {
  constructor(
    readonly what: string,
    readonly current: { id: string; version: number; fields: Record<string, unknown> },
    editedVersion: number,
  ) {
    super(
      `${what} was changed by someone else: you edited version ${editedVersion}, it is now at version ${current.version}`,
    );
  }
}

/** Too many attempts (login, public intake), or too many sign-ins waiting for password hashing. */
export class RateLimited extends AttestError {
  readonly code = 'rate_limited';
  constructor(
    message: string,
    /** When to try again (HTTP Retry-After), if known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * A record read back from storage without the shape the code writes (a JSON column damaged by hand or
 * by a fault): refused where it is read, naming the record and the damaged field, never its content.
 * An internal fault to the HTTP layer (500), with this message, which names no value.
 */
export class DamagedRecord extends AttestError {
  readonly code = 'internal';
  constructor(
    readonly record: string,
    readonly id: string,
    readonly where: string,
  ) {
    super(`${record} ${id} is damaged: ${where}`);
  }
}

/** Storage cannot be used: database down, data directory not ours, migration failure. */
export class StorageUnavailable extends AttestError {
  readonly code = 'storage_unavailable';
}

export function isAttestError(error: unknown): error is AttestError {
  return error instanceof AttestError;
}
