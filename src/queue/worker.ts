// The worker side of distributed ingestion: take batches off the queue, annotate the articles the
// store does not hold yet, store them in one transaction. Any number of workers, on any number of
// machines, can share one queue and one store: a job is held under a lock the worker keeps
// renewing, so the job of a worker that dies (even SIGKILLed) is handed to another once the lock
// lapses, and storing is idempotent by content hash, so a batch done twice is stored once.
import { Worker, type Job } from 'bullmq';
import { createIngestPool, type IngestPool } from '../ingest/pool.js';
import type { Article } from '../model.js';
import { unstoredArticles } from '../pipeline.js';
import { duplicateDetector, storyTracker } from '../select/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import {
  assertReachable,
  connectionFor,
  DEFAULT_PREFIX,
  INGEST_QUEUE,
  type IngestJob,
  type IngestJobResult,
  type QueueLocation,
} from './queue.js';

export type WorkerEvent =
  | { type: 'completed'; jobId: string; articles: number; added: number; alreadyStored: number }
  /** `final`: no attempts are left, the job is now in the dead-letter list. */
  | { type: 'failed'; jobId: string; attempt: number; final: boolean; reason: string }
  /** A job whose worker stopped renewing its lock (it died) went back to the queue. */
  | { type: 'stalled'; jobId: string }
  /** Trouble with Redis itself; the worker keeps reconnecting. */
  | { type: 'error'; reason: string };

export interface WorkerOptions {
  queue: QueueLocation;
  /** A SQLite file (one machine) or a PostgreSQL URL (any number of machines). */
  storeLocation: string;
  /** Jobs in progress at once (default 2: one can be stored while the next is annotated). */
  concurrency?: number;
  /** Annotation threads when no annotator is given (default: one per core, at most four). */
  threads?: number;
  /** How articles are annotated; the worker-thread pool unless given (tests inject failures here). */
  annotator?: IngestPool;
  /**
   * How long a job stays with a worker that stopped renewing its lock (default 30 s) — i.e. how
   * soon the job of a dead worker is handed to another. The worker renews it every half period.
   */
  lockDurationMs?: number;
  /** How often each worker looks for jobs whose lock lapsed (default 30 s). */
  stalledIntervalMs?: number;
  onEvent?: (event: WorkerEvent) => void;
}

export interface RunningWorker {
  /** Finishes the jobs in hand, then lets go of the queue, the annotator and the store. */
  close(): Promise<void>;
}

/**
 * A job may lose its worker this many times before it is failed: a dead worker says nothing about
 * the batch, but a batch that kills every worker that takes it must end somewhere.
 */
const MAX_STALLED = 3;

/** Annotates and stores one batch: only articles not already stored are annotated. */
export async function processBatch(articles: Article[], store: Store, annotator: IngestPool): Promise<IngestJobResult> {
  const pending = await unstoredArticles(articles, store);
  const added =
    pending.length > 0 ? (await store.add(await annotator.run(pending), duplicateDetector)).added.length : 0;
  // The batch's articles join their stories at once; other workers' pages take turns with ours.
  if (added > 0) await store.updateStories(storyTracker);
  return { added, alreadyStored: articles.length - added };
}

export async function runWorker(options: WorkerOptions): Promise<RunningWorker> {
  await assertReachable(options.queue.url);
  const store = await openStore(options.storeLocation);
  const annotator = options.annotator ?? createIngestPool(options.threads);
  const emit = options.onEvent ?? (() => undefined);
  const worker = new Worker<IngestJob, IngestJobResult>(
    INGEST_QUEUE,
    (job: Job<IngestJob>) => processBatch(job.data.articles, store, annotator),
    {
      connection: connectionFor(options.queue.url),
      prefix: options.queue.prefix ?? DEFAULT_PREFIX,
      concurrency: options.concurrency ?? 2,
      maxStalledCount: MAX_STALLED,
      ...(options.lockDurationMs !== undefined && { lockDuration: options.lockDurationMs }),
      ...(options.stalledIntervalMs !== undefined && { stalledInterval: options.stalledIntervalMs }),
    },
  );
  worker.on('completed', (job, result) =>
    emit({ type: 'completed', jobId: String(job.id), articles: job.data.articles.length, ...result }),
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    emit({
      type: 'failed',
      jobId: String(job.id),
      attempt: job.attemptsMade,
      final: job.attemptsMade >= attempts,
      reason: error.message,
    });
  });
  worker.on('stalled', (jobId) => emit({ type: 'stalled', jobId }));
  worker.on('error', (error) => emit({ type: 'error', reason: error.message }));
  return {
    async close() {
      try {
        await worker.close();
      } finally {
        await annotator.close();
        await store.close();
      }
    },
  };
}
