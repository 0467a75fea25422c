// User mistakes end with a plain message and a meaningful exit code; only real bugs show a stack.
import { QueueError } from '../queue/location.js';
import { StoreError } from '../store/store.js';
import { printable } from './report.js';

export const ExitCode = {
  ok: 0,
  /** An unexpected failure inside Chronicle (a bug: please report it). */
  internal: 1,
  /** The command line itself is wrong (unknown option, bad number, conflicting options). */
  usage: 2,
  /** The inputs held nothing usable (every file skipped, empty store). */
  noInput: 3,
  /** The machine refused: the disk (or the quota) is full, or the place written to is read-only. */
  environment: 4,
} as const;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * What the system said when it refused a write, as a sentence for the user, or undefined when the
 * error is not one of those. The store writes in transactions (a batch per transaction), and a
 * failed transaction rolls back, so what was stored before stays stored and whole.
 */
export function environmentFailure(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === '53100' /* PostgreSQL disk_full */) {
    return (
      'the disk is full (or the quota is used up): nothing more could be written. The store is intact: ' +
      'the batch being written was rolled back and everything stored before it is still there. Free some space ' +
      '(or write to a disk with room) and run the command again: an ingest resumes where it stopped.'
    );
  }
  if (code === 'EROFS' || code === 'SQLITE_READONLY') {
    return 'the place being written to is read-only: nothing was written there. Give a writable location (--store, --out).';
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === 'EIO') {
    return 'the disk reported an input/output error: nothing more could be written. Transactions roll back, so the store holds what was stored before the error; check the disk and run the command again.';
  }
  return undefined;
}

export function reportFailure(error: unknown): number {
  // A store or queue that cannot be used (missing, unreachable, not ours) is the user's to fix.
  if (error instanceof UserError || error instanceof StoreError || error instanceof QueueError) {
    process.stderr.write(`chronicle: ${printable(error.message)}\n`);
    return error instanceof UserError ? error.exitCode : ExitCode.noInput;
  }
  const environment =
    environmentFailure(error) ?? environmentFailure((error as { cause?: unknown } | undefined)?.cause);
  if (environment) {
    process.stderr.write(
      `chronicle: ${environment}\n  (${printable(error instanceof Error ? error.message : String(error))})\n`,
    );
    return ExitCode.environment;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `chronicle: internal error — this is a bug, please report it with the input that caused it.\n${detail}\n`,
  );
  return ExitCode.internal;
}
