import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateArticle } from '../annotate/index.js';
import { inlineIngest } from '../ingest/pool.js';
import type { AnnotatedArticle, Article } from '../model.js';
import { readInputs } from '../read/index.js';
import { groupDuplicates } from '../select/duplicates.js';
import { openStore } from '../store/index.js';
import { MISSING_QUEUE_SERVERS, TEST_REDIS_URL } from '../../test/support/queue/servers.js';
import { TEST_POSTGRES_URL, testSchemas } from '../../test/support/store/postgres.js';
import { batchesOf, enqueueArticles } from './producer.js';
import {
  assertReachable,
  batchJobId,
  INGEST_QUEUE,
  QueueError,
  redactedRedisUrl,
  type QueueLocation,
} from './queue.js';
import { pendingJobs, queueStatus, retryDeadLetters, type QueueStatus } from './status.js';
import { TEST_LOCK_MS, TEST_STALLED_INTERVAL_MS } from '../../test/support/queue/timing.js';
import { runWorker, type WorkerEvent } from './worker.js';

const CHILD = fileURLToPath(new URL('../../test/support/queue/worker-child.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/harbour-strike', import.meta.url));

function article(id: string, text: string): Article {
  return { id, source: 'test-wire', publishedOn: '2031-04-02', text, origin: { file: `${id}.txt` } };
}

describe('job ids', () => {
  const a = article('a', 'The ferry left on Tuesday.');
  const b = article('b', 'The pier reopened on Friday.');

  it('are the same for the same content, whatever the ids or spacing', () => {
    expect(batchJobId([a, b])).toBe(
      batchJobId([
        { ...a, id: 'other' },
        { ...b, text: ' The pier  reopened on Friday. ' },
      ]),
    );
  });

  it('differ with the content or its order, and are never all digits', () => {
    expect(batchJobId([a, b])).not.toBe(batchJobId([b, a]));
    expect(batchJobId([a])).not.toBe(batchJobId([a, b]));
    expect(batchJobId([a])).toMatch(/^batch-[0-9a-f]{64}$/);
  });

  it('batches keep order and put the remainder last', () => {
    expect(batchesOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('an unusable queue', () => {
  it('is named, password masked, when Redis does not answer', async () => {
    const error = await assertReachable('redis://reader:s3cret@127.0.0.1:1/0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as Error).message).toMatch(
      /^cannot use queue 'redis:\/\/reader:\*\*\*@127\.0\.0\.1:1\/0': Redis does not answer/,
    );
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('is refused when the URL is not a Redis URL', async () => {
    await expect(assertReachable('postgres://db.example/news')).rejects.toThrow(
      "cannot use queue 'postgres://db.example/news': expected a redis:// or rediss:// URL",
    );
    expect(redactedRedisUrl('redis://:pw@host:6379')).toBe('redis://:***@host:6379');
  });
});

const missing = MISSING_QUEUE_SERVERS;

describe.skipIf(missing.length > 0)(
  missing.length > 0 ? `with Redis and PostgreSQL: skipped, ${missing.join('; ')}` : 'with Redis and PostgreSQL',
  () => {
    const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
    const locations: QueueLocation[] = [];
    const children: ChildProcess[] = [];

    /** A queue of this test alone: its own key prefix, removed after the run. */
    function freshQueue(): QueueLocation {
      const location = { url: TEST_REDIS_URL ?? '', prefix: `chronicle-test-${randomBytes(6).toString('hex')}` };
      locations.push(location);
      return location;
    }

    afterAll(async () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const location of locations) {
        const queue = new Queue(INGEST_QUEUE, { connection: { url: location.url }, prefix: location.prefix });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      await schemas.dropAll();
    });

    async function waitForQueue(
      location: QueueLocation,
      done: (status: QueueStatus) => boolean,
      timeoutMs = 40_000,
    ): Promise<QueueStatus> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = await queueStatus(location);
        if (done(status)) return status;
        if (Date.now() > deadline) throw new Error(`queue did not settle in time: ${JSON.stringify(status)}`);
        await sleep(200);
      }
    }

    interface Child {
      process: ChildProcess;
      events: WorkerEvent[];
      ready: Promise<void>;
      exited: Promise<void>;
      stderr: () => string;
    }

    function startWorkerChild(
      location: QueueLocation,
      storeUrl: string,
      msPerBatch: number,
      onEvent?: (event: WorkerEvent, child: ChildProcess) => void,
    ): Child {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CHILD, location.url, location.prefix ?? '', storeUrl, String(msPerBatch)],
        {
          cwd: PROJECT_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      children.push(child);
      const events: WorkerEvent[] = [];
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let markReady: () => void = () => undefined;
      const ready = new Promise<void>((resolve) => (markReady = resolve));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = JSON.parse(line) as WorkerEvent | { type: 'ready' };
        if (event.type === 'ready') return markReady();
        events.push(event);
        onEvent?.(event, child);
      });
      const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
      return { process: child, events, ready, exited, stderr: () => stderr };
    }

    it('two workers share a corpus; one is SIGKILLed mid-job and nothing is lost or stored twice', async () => {
      const location = freshQueue();
      const storeUrl = await schemas.create();
      const read = await readInputs([EXAMPLE]);
      expect(read.articles).toHaveLength(18);
      const enqueued = await enqueueArticles([EXAMPLE], location, { batchSize: 2 });
      expect(enqueued).toMatchObject({ read: 18, enqueued: 9, alreadyQueued: 0 });

      // Each worker holds a batch for a while, so the kill after the first completed job finds the
      // victim with its second job in hand.
      const victim = startWorkerChild(location, storeUrl, 400, (event, child) => {
        if (event.type === 'completed') child.kill('SIGKILL');
      });
      const survivor = startWorkerChild(location, storeUrl, 400);
      await Promise.all([victim.ready, survivor.ready]);

      const status = await waitForQueue(location, (s) => pendingJobs(s) === 0 && s.completed + s.failed === 9);
      expect(status).toMatchObject({ completed: 9, failed: 0, deadLetters: [] });
      await victim.exited;
      expect(victim.process.signalCode).toBe('SIGKILL');
      expect(victim.stderr()).toBe('');

      // The victim's job in hand came back to the survivor through the stalled-job check.
      const victimCompleted = victim.events.filter((e) => e.type === 'completed');
      const survivorCompleted = survivor.events.filter((e) => e.type === 'completed');
      expect(victimCompleted.length).toBeGreaterThanOrEqual(1);
      expect(survivor.events.some((e) => e.type === 'stalled')).toBe(true);
      const completedIds = [...victimCompleted, ...survivorCompleted].map((e) => e.jobId);
      // BullMQ completes a job only for the worker holding its lock: every job once, none twice.
      expect(completedIds).toHaveLength(9);
      expect(new Set(completedIds).size).toBe(9);

      // Jobs travel as JSON, so properties set to undefined (an unresolved timex's refersTo) are absent.
      const expected = JSON.parse(JSON.stringify(read.articles.map(annotateArticle))) as AnnotatedArticle[];
      const store = await openStore(storeUrl);
      try {
        const stored = await store.articles();
        expect(stored.map((a) => a.article.id).sort()).toEqual(read.articles.map((a) => a.id).sort());
        expect(byId(stored)).toStrictEqual(byId(expected));
        const sentences = expected.reduce((n, a) => n + a.sentences.length, 0);
        const timexes = expected.reduce((n, a) => n + a.sentences.reduce((m, s) => m + s.timexes.length, 0), 0);
        // The workers grouped duplicates as they stored their batches, as one ingest would have.
        const groups = groupDuplicates(read.articles);
        const duplicates = groups.reduce((n, g) => n + g.memberIds.length - 1, 0);
        expect(await store.counts()).toEqual({
          articles: 18,
          sentences,
          timexes,
          duplicateGroups: groups.length,
          duplicates,
        });
        expect((await store.duplicateGroups()).map((g) => g.representativeId).sort()).toEqual(
          groups.map((g) => g.representativeId).sort(),
        );
      } finally {
        await store.close();
      }

      // Re-sending the corpus adds no job: every batch is recognised by its content.
      expect(await enqueueArticles([EXAMPLE], location, { batchSize: 2 })).toMatchObject({
        enqueued: 0,
        alreadyQueued: 9,
      });

      survivor.process.kill('SIGTERM');
      await survivor.exited;
      expect(survivor.process.exitCode).toBe(0);
      expect(survivor.stderr()).toBe('');
    });

    it('a poisoned article ends in the dead-letter list after its attempts, the rest is stored, and a retry stores it once fixed', async () => {
      const location = freshQueue();
      const storeUrl = await schemas.create();
      const good = [
        article('quay-1', 'Dockers at the north quay stopped work on Monday.'),
        article('quay-2', 'The harbour board met the union on Wednesday.'),
      ];
      const poisoned = [
        article('quay-3', 'The tug crews joined the strike. POISON'),
        article('quay-4', 'Talks resumed a week later.'),
      ];
      let choking = true;
      const annotator = {
        async run(articles: Article[]) {
          if (choking && articles.some((a) => a.text.includes('POISON')))
            throw new Error('annotation choked on a poisoned article');
          return inlineIngest.run(articles);
        },
        close: () => inlineIngest.close(),
      };
      expect(
        await enqueueArticles([...good, ...poisoned], location, { batchSize: 2, attempts: 3, backoffMs: 50 }),
      ).toMatchObject({ enqueued: 2 });
      const events: WorkerEvent[] = [];
      const worker = await runWorker({
        queue: location,
        storeLocation: storeUrl,
        annotator,
        lockDurationMs: TEST_LOCK_MS,
        stalledIntervalMs: TEST_STALLED_INTERVAL_MS,
        onEvent: (event) => events.push(event),
      });
      try {
        const status = await waitForQueue(location, (s) => pendingJobs(s) === 0 && s.completed + s.failed === 2);
        expect(status).toMatchObject({ completed: 1, failed: 1 });
        expect(status.deadLetters).toEqual([
          {
            jobId: batchJobId(poisoned),
            articleIds: ['quay-3', 'quay-4'],
            reason: 'annotation choked on a poisoned article',
            attempts: 3,
            failedAt: expect.any(Date),
          },
        ]);
        const failures = events.filter((e) => e.type === 'failed');
        expect(failures.map((e) => [e.attempt, e.final])).toEqual([
          [1, false],
          [2, false],
          [3, true],
        ]);
      } finally {
        await worker.close();
      }
      const store = await openStore(storeUrl);
      try {
        expect((await store.articles()).map((a) => a.article.id).sort()).toEqual(['quay-1', 'quay-2']);
      } finally {
        await store.close();
      }
      // The dead letter stays put: enqueueing its batch again does not sneak it back in.
      expect(await enqueueArticles(poisoned, location, { batchSize: 2 })).toMatchObject({
        enqueued: 0,
        alreadyQueued: 1,
      });

      // Once the cause is fixed, retrying sends it back with fresh attempts, and it is stored.
      choking = false;
      expect(await retryDeadLetters(location)).toBe(1);
      const again = await runWorker({
        queue: location,
        storeLocation: storeUrl,
        annotator,
        lockDurationMs: TEST_LOCK_MS,
        stalledIntervalMs: TEST_STALLED_INTERVAL_MS,
      });
      try {
        expect(await waitForQueue(location, (s) => pendingJobs(s) === 0 && s.completed === 2)).toMatchObject({
          failed: 0,
          deadLetters: [],
        });
      } finally {
        await again.close();
      }
      const healed = await openStore(storeUrl);
      try {
        expect((await healed.articles()).map((a) => a.article.id).sort()).toEqual([
          'quay-1',
          'quay-2',
          'quay-3',
          'quay-4',
        ]);
      } finally {
        await healed.close();
      }
    });
  },
);

function byId(articles: AnnotatedArticle[]): AnnotatedArticle[] {
  return [...articles].sort((a, b) => a.article.id.localeCompare(b.article.id));
}
