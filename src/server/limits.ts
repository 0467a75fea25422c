// How much one client may ask of the server. Reads and uploads are counted in separate buckets per
// client address, so a flood of uploads is refused long before it uses up what reads may take, and
// uploads (annotating articles is CPU-bound) are processed one at a time behind a short queue, so
// whatever gets past the buckets cannot pile up work that would stall the timeline reads.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestLimits } from './defaults.js';
import { RequestError } from './schemas.js';

/** What a client told to wait should wait before asking again, when the queue is full. */
const BUSY_RETRY_SECONDS = 5;
const MINUTE_MS = 60_000;

/** Counts every route's requests in the reads bucket; `uploadRateLimit` gives a route the other one. */
export async function registerRateLimits(app: FastifyInstance, limits: RequestLimits): Promise<void> {
  await app.register(rateLimit, {
    global: limits.requestsPerMinute > 0,
    max: limits.requestsPerMinute,
    timeWindow: MINUTE_MS,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string; max: number }) =>
      new RequestError(
        429,
        `too many requests: at most ${context.max} a minute from one address; retry in ${context.after}`,
      ),
  });
}

/** The route option putting a route in the uploads bucket (or in none, when uploads are not limited). */
export function uploadRateLimit(limits: RequestLimits): { rateLimit: false | { max: number; timeWindow: number } } {
  return { rateLimit: limits.uploadsPerMinute > 0 ? { max: limits.uploadsPerMinute, timeWindow: MINUTE_MS } : false };
}

/**
 * Runs uploads one at a time, in the order they came (so their reports do too), with at most
 * `capacity` waiting; beyond that a caller is told the server is busy rather than queued without end.
 */
export class UploadQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Uploads taken and not finished: the one being processed and those waiting behind it. */
  private taken = 0;

  constructor(private readonly capacity: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.taken > this.capacity) throw new BusyError();
    this.taken += 1;
    const done = this.tail.then(work).finally(() => (this.taken -= 1));
    this.tail = done.catch(() => undefined);
    return done;
  }
}

/** A 503 with Retry-After: the error handler sends its header. */
export class BusyError extends RequestError {
  readonly retryAfterSeconds = BUSY_RETRY_SECONDS;

  constructor(message = `the server is busy with other uploads: retry in ${BUSY_RETRY_SECONDS} seconds`) {
    super(503, message);
  }
}
