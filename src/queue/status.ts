// What the queue holds, for `chronicle queue status`, and the step that closes a distributed
// ingest: duplicate grouping needs every article, so it runs once, over the whole store, after the
// workers have emptied the queue (`chronicle queue finalize`), not per batch in each worker.
import { Queue } from 'bullmq';
import { groupDuplicates } from '../select/duplicates.js';
import { openStore } from '../store/index.js';
import { assertReachable, connectionFor, DEFAULT_PREFIX, INGEST_QUEUE, type IngestJob, type QueueLocation } from './queue.js';

export interface DeadLetter {
  jobId: string;
  articleIds: string[];
  /** The error of the last attempt. */
  reason: string;
  attempts: number;
  failedAt?: Date;
}

export interface QueueStatus {
  /** Jobs no worker has taken yet. */
  waiting: number;
  active: number;
  /** Jobs waiting out their backoff before the next attempt. */
  delayed: number;
  completed: number;
  /** Jobs out of attempts: the dead-letter list. */
  failed: number;
  /** Workers connected now. */
  workers: number;
  /** The most recent dead letters, newest first. */
  deadLetters: DeadLetter[];
}

/** Dead letters listed by default: enough to see a pattern, short enough to read. */
const DEAD_LETTERS_SHOWN = 20;

async function withQueue<T>(location: QueueLocation, use: (queue: Queue<IngestJob>) => Promise<T>): Promise<T> {
  await assertReachable(location.url);
  const queue = new Queue<IngestJob>(INGEST_QUEUE, { connection: connectionFor(location.url), prefix: location.prefix ?? DEFAULT_PREFIX });
  try {
    return await use(queue);
  } finally {
    await queue.close();
  }
}

/** Jobs not finished one way or the other: while any remain, the store is still growing. */
export function pendingJobs(status: Pick<QueueStatus, 'waiting' | 'active' | 'delayed'>): number {
  return status.waiting + status.active + status.delayed;
}

export async function queueStatus(location: QueueLocation, deadLettersShown = DEAD_LETTERS_SHOWN): Promise<QueueStatus> {
  return withQueue(location, async (queue) => {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const count = (type: string) => counts[type] ?? 0;
    const failedJobs = deadLettersShown > 0 ? await queue.getFailed(0, deadLettersShown - 1) : [];
    return {
      waiting: count('waiting') + count('prioritized'),
      active: count('active'),
      delayed: count('delayed'),
      completed: count('completed'),
      failed: count('failed'),
      workers: await queue.getWorkersCount(),
      deadLetters: failedJobs.map((job) => ({
        jobId: String(job.id),
        articleIds: (job.data as IngestJob).articles.map((article) => article.id),
        reason: job.failedReason,
        attempts: job.attemptsMade,
        ...(job.finishedOn !== undefined && { failedAt: new Date(job.finishedOn) }),
      })),
    };
  });
}

/** Failed jobs fetched per round trip when retrying them. */
const RETRY_PAGE = 500;

/**
 * Sends every dead letter back to the queue with its attempts reset, for when the cause is fixed
 * (a store that was down, a bug since deployed); returns how many. Sending the same articles again
 * with `ingest --queue` would not do it: a job's id comes from its articles, and the dead letter
 * still holds that id.
 */
export async function retryDeadLetters(location: QueueLocation): Promise<number> {
  return withQueue(location, async (queue) => {
    // The list is read whole before any job moves: a job failing again at once while this runs
    // lands back in the list and must not be retried in a loop.
    const failed = await queue.getFailedCount();
    const jobs = [];
    for (let start = 0; start < failed; start += RETRY_PAGE) jobs.push(...(await queue.getFailed(start, start + RETRY_PAGE - 1)));
    for (const job of jobs) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return jobs.length;
  });
}

export type FinalizeReport = { finished: false; pending: number } | { finished: true; duplicateGroups: number; duplicates: number };

/**
 * Groups duplicates over the whole store once the queue holds no unfinished job. With jobs still
 * pending it does nothing and says how many: grouping a partial store would be overwritten anyway.
 */
export async function finalizeIngest(location: QueueLocation, storeLocation: string): Promise<FinalizeReport> {
  const pending = pendingJobs(await queueStatus(location, 0));
  if (pending > 0) return { finished: false, pending };
  const store = await openStore(storeLocation);
  try {
    const groups = groupDuplicates(await store.plainArticles());
    await store.replaceDuplicateGroups(groups);
    return { finished: true, duplicateGroups: groups.length, duplicates: groups.reduce((n, g) => n + g.memberIds.length - 1, 0) };
  } finally {
    await store.close();
  }
}
