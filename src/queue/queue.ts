// What producers and workers agree on: the queue's name, the shape of a job, how a job is named,
// and how a Redis URL becomes a BullMQ connection. A job is one batch of articles; its id comes
// from the articles' content, so enqueueing the same batch twice adds nothing.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import { contentHashOf } from '../annotate/content-hash.js';
import { articleIdentity } from '../store/storable.js';
import type { Article } from '../model.js';
import { QueueError, redactedRedisUrl } from './location.js';

export { DEFAULT_PREFIX, QueueError, redactedRedisUrl, type QueueLocation } from './location.js';

export const INGEST_QUEUE = 'chronicle-ingest';

export interface IngestJob {
  articles: Article[];
}

/** What a worker reports for a job: how its articles ended up in the store. */
export interface IngestJobResult {
  added: number;
  alreadyStored: number;
}

const REDIS_URL = /^rediss?:\/\//i;

/** The job id of a batch: a digest of its articles' identities (as the store knows them), in order. */
export function batchJobId(articles: Article[]): string {
  const digest = createHash('sha256');
  for (const article of articles) digest.update(articleIdentity(article, contentHashOf(article.text))).update('\n');
  // A prefix keeps the id from ever being all digits, which BullMQ reserves for its own ids.
  return `batch-${digest.digest('hex')}`;
}

/**
 * BullMQ connection options for a URL. `maxRetriesPerRequest: null` is what BullMQ requires of a
 * worker's blocking connection: commands wait through a reconnect instead of failing.
 */
export function connectionFor(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Checks once that Redis answers at `url`. BullMQ's clients reconnect forever, which is right for
 * a running worker but would leave a mistyped URL hanging without a word; this fails fast instead.
 */
export async function assertReachable(url: string): Promise<void> {
  const location = redactedRedisUrl(url);
  if (!REDIS_URL.test(url)) throw new QueueError(location, 'expected a redis:// or rediss:// URL');
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: PROBE_TIMEOUT_MS,
  });
  // The error event says why (refused, unknown host, wrong password); the rejected promise only
  // that the connection closed. Listening also keeps ioredis from reporting it as unhandled.
  let cause: Error | undefined;
  client.on('error', (error: Error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = (cause ?? (error instanceof Error ? error : new Error(String(error)))).message;
    throw new QueueError(location, `Redis does not answer (${reason})`, { cause: error });
  } finally {
    client.disconnect();
  }
}
