// Where a queue lives and how it is named in messages. Apart from queue.ts, which loads ioredis,
// so that the command line can describe its options and report queue errors without it.

import { passwordMasked } from '../redact.js';

/** BullMQ's own default key prefix: queues of different deployments (or test runs) differ by prefix. */
export const DEFAULT_PREFIX = 'bull';

/** Where the queue lives: the Redis URL and the key prefix of its deployment. */
export interface QueueLocation {
  url: string;
  /** Key prefix in Redis (default `bull`); tests use one of their own. */
  prefix?: string;
}

/**
 * A queue that cannot be used (bad URL, Redis unreachable). Not a bug: the CLI prints the message,
 * which names the server with its password masked, without a stack.
 */
export class QueueError extends Error {
  constructor(
    readonly location: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot use queue '${location}': ${reason}`, options);
    this.name = 'QueueError';
  }
}

/** The URL as it may be printed: its password masked. */
export function redactedRedisUrl(url: string): string {
  return passwordMasked(url, 'redis://…');
}
