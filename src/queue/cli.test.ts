// The distributed ingest through the real command line: ingest --queue, worker, queue status/retry.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../read/index.js';
import { groupDuplicates } from '../select/index.js';
import { openStore } from '../store/index.js';
import { MISSING_QUEUE_SERVERS, TEST_REDIS_URL } from '../../test/support/queue/servers.js';
import { TEST_POSTGRES_URL, testSchemas } from '../../test/support/store/postgres.js';
import { INGEST_QUEUE } from './queue.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/harbour-strike', import.meta.url));

function chronicle(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('an unreachable queue', () => {
  it('is explained without a stack or the password, exit 3', () => {
    for (const args of [
      ['queue', 'status', '--queue', 'redis://reader:hunter2@127.0.0.1:1'],
      ['ingest', EXAMPLE, '--queue', 'redis://reader:hunter2@127.0.0.1:1'],
    ]) {
      const run = chronicle(...args);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(
        /^chronicle: cannot use queue 'redis:\/\/reader:\*\*\*@127\.0\.0\.1:1': Redis does not answer \(connect ECONNREFUSED 127\.0\.0\.1:1\)\n$/,
      );
    }
  });
});

const missing = MISSING_QUEUE_SERVERS;

describe.skipIf(missing.length > 0)(
  missing.length > 0 ? `with Redis and PostgreSQL: skipped, ${missing.join('; ')}` : 'with Redis and PostgreSQL',
  () => {
    const schemas = testSchemas(TEST_POSTGRES_URL ?? '');
    const queueUrl = TEST_REDIS_URL ?? '';
    // A key prefix of its own keeps this run apart from other tests and deployments on the same Redis.
    const prefix = `chronicle-cli-test-${randomBytes(4).toString('hex')}`;
    const onQueue = ['--queue', queueUrl, '--queue-prefix', prefix];

    afterAll(async () => {
      const queue = new Queue(INGEST_QUEUE, { connection: { url: queueUrl }, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
      await schemas.dropAll();
    });

    it('enqueues, a worker stores and groups duplicates, status shows it done', async () => {
      const storeUrl = await schemas.create();
      const enqueued = chronicle('ingest', EXAMPLE, ...onQueue, '--batch', '5');
      expect(enqueued.code).toBe(0);
      expect(enqueued.stderr).toContain('read 18 article(s): 4 job(s) of up to 5 added to');

      const underPrefix = new Queue(INGEST_QUEUE, { connection: { url: queueUrl }, prefix });
      expect(await underPrefix.getWaitingCount()).toBe(4);
      await underPrefix.close();
      const waiting = chronicle('queue', 'status', ...onQueue);
      expect(waiting.stdout).toBe(
        '4 waiting, 0 active, 0 waiting to retry, 0 done, 0 failed · 0 worker(s) connected\n',
      );

      const worker = spawn(
        process.execPath,
        ['--import', 'tsx', MAIN, 'worker', ...onQueue, '--store', storeUrl, '--threads', '1'],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const log: string[] = [];
      await new Promise<void>((resolve) => {
        createInterface({ input: worker.stderr }).on('line', (line) => {
          log.push(line);
          if (line.includes('this worker: 18 added of 18')) resolve();
        });
      });
      worker.kill('SIGTERM');
      const code = await new Promise((resolve) => worker.on('close', resolve));
      expect(code).toBe(0);
      expect(log.filter((line) => line.startsWith('chronicle: job batch-'))).toHaveLength(4);

      const status = JSON.parse(chronicle('queue', 'status', ...onQueue, '--json').stdout) as Record<string, unknown>;
      expect(status).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 4, failed: 0, deadLetters: [] });
      expect(chronicle('queue', 'retry', ...onQueue)).toMatchObject({
        code: 0,
        stderr: 'chronicle: no dead letters to retry\n',
      });
      // No closing step: the worker grouped the duplicates as it stored, as one ingest would have.
      const store = await openStore(storeUrl);
      try {
        const read = await readInputs([EXAMPLE]);
        expect(await store.counts()).toMatchObject({
          articles: 18,
          duplicateGroups: groupDuplicates(read.articles).length,
        });
        expect(chronicle('queue', 'finalize', ...onQueue, '--store', storeUrl).code).toBe(2);
      } finally {
        await store.close();
      }
    });
  },
);
