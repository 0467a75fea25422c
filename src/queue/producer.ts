// The producer side of distributed ingestion: read articles here, leave annotating and storing to
// whichever workers are listening on the queue.
import { Queue, type JobsOptions } from 'bullmq';
import type { Article, ReadIssue } from '../model.js';
import { readInputs } from '../read/index.js';
import {
  assertReachable,
  batchJobId,
  connectionFor,
  DEFAULT_PREFIX,
  INGEST_QUEUE,
  type IngestJob,
  type QueueLocation,
} from './queue.js';

export interface EnqueueOptions {
  /** Articles per job (default 50): a job is annotated and stored as one transaction. */
  batchSize?: number;
  /** Tries per job before it lands in the failed (dead-letter) list (default 5). */
  attempts?: number;
  /** Wait before the first retry; each further retry waits twice as long (default 2 s). */
  backoffMs?: number;
  onRead?: (done: number, total: number) => void;
}

export interface EnqueueReport {
  read: number;
  skipped: ReadIssue[];
  /** Jobs added by this call. */
  enqueued: number;
  /** Jobs whose batch was already in the queue (waiting, done or failed): not added again. */
  alreadyQueued: number;
}

const DEFAULT_BATCH = 50;
const DEFAULT_ATTEMPTS = 5;
const DEFAULT_BACKOFF_MS = 2_000;
/** Finished jobs are kept a week, so re-sending the same batches meanwhile is recognised by id. */
const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;

export function batchesOf<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** Enqueues articles (or the articles read from paths) in batches, one job per batch. */
export async function enqueueArticles(
  input: string[] | Article[],
  location: QueueLocation,
  options: EnqueueOptions = {},
): Promise<EnqueueReport> {
  await assertReachable(location.url);
  const { articles, skipped } = await articlesOf(input, options.onRead);
  const jobOptions: JobsOptions = {
    attempts: options.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
    removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
    // Failed jobs stay: they are the dead-letter list that `chronicle queue status` shows.
    removeOnFail: false,
  };
  const queue = new Queue<IngestJob>(INGEST_QUEUE, {
    connection: connectionFor(location.url),
    prefix: location.prefix ?? DEFAULT_PREFIX,
  });
  try {
    const fresh = [];
    let alreadyQueued = 0;
    for (const batch of batchesOf(articles, options.batchSize ?? DEFAULT_BATCH)) {
      const jobId = batchJobId(batch);
      if (await queue.getJob(jobId)) alreadyQueued++;
      else fresh.push({ name: 'ingest', data: { articles: batch }, opts: { ...jobOptions, jobId } });
    }
    await queue.addBulk(fresh);
    return { read: articles.length, skipped, enqueued: fresh.length, alreadyQueued };
  } finally {
    await queue.close();
  }
}

async function articlesOf(
  input: string[] | Article[],
  onRead?: (done: number, total: number) => void,
): Promise<{ articles: Article[]; skipped: ReadIssue[] }> {
  if (input.every((item): item is string => typeof item === 'string'))
    return readInputs(input, { ...(onRead && { onProgress: onRead }) });
  return { articles: input, skipped: [] };
}
