// What the queue holds, for `chronicle queue status`, and sending dead letters back. There is no
// closing step: each worker groups duplicates as it stores its batch.
import { Queue } from 'bullmq';
import {
  assertReachable,
  connectionFor,
  DEFAULT_PREFIX,
  INGEST_QUEUE,
  type IngestJob,
  type QueueLocation,
} from './queue.js';

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
  const queue = new Queue<IngestJob>(INGEST_QUEUE, {
    connection: connectionFor(location.url),
    prefix: location.prefix ?? DEFAULT_PREFIX,
  });
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

export async function queueStatus(
  location: QueueLocation,
  deadLettersShown = DEAD_LETTERS_SHOWN,
): Promise<QueueStatus> {
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
        articleIds: job.data.articles.map((article) => article.id),
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
    for (let start = 0; start < failed; start += RETRY_PAGE)
      jobs.push(...(await queue.getFailed(start, start + RETRY_PAGE - 1)));
    for (const job of jobs) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return jobs.length;
  });
}
