// User mistakes end with a plain message and a meaningful exit code; only real bugs show a stack.
import { QueueError } from '../queue/location.js';
import { StoreError } from '../store/store.js';

export const ExitCode = {
  ok: 0,
  /** An unexpected failure inside Chronicle (a bug: please report it). */
  internal: 1,
  /** The command line itself is wrong (unknown option, bad number, conflicting options). */
  usage: 2,
  /** The inputs held nothing usable (every file skipped, empty store). */
  noInput: 3,
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

export function reportFailure(error: unknown): number {
  // A store or queue that cannot be used (missing, unreachable, not ours) is the user's to fix.
  if (error instanceof UserError || error instanceof StoreError || error instanceof QueueError) {
    process.stderr.write(`chronicle: ${error.message}\n`);
    return error instanceof UserError ? error.exitCode : ExitCode.noInput;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`chronicle: internal error — this is a bug, please report it with the input that caused it.\n${detail}\n`);
  return ExitCode.internal;
}
