// A queue worker in a process of its own, for the tests that kill one mid-run.
// Usage: worker-child.ts <redis url> <key prefix> <store url> <ms per batch>
// Each batch is held for at least <ms per batch>, so that a kill lands while a job is in hand.
// Prints one JSON line per worker event; SIGTERM finishes the job in hand and exits.
import { setTimeout as sleep } from 'node:timers/promises';
import { inlineIngest } from '../../../src/ingest/pool.js';
import { runWorker } from '../../../src/queue/worker.js';
import { TEST_LOCK_MS, TEST_STALLED_INTERVAL_MS } from './timing.js';

const [url, prefix, storeLocation, msPerBatch] = process.argv.slice(2);
if (url === undefined || prefix === undefined || storeLocation === undefined || msPerBatch === undefined) {
  throw new Error('usage: worker-child.ts <redis url> <key prefix> <store url> <ms per batch>');
}
const worker = await runWorker({
  queue: { url, prefix },
  storeLocation,
  concurrency: 1,
  annotator: {
    async run(articles) {
      await sleep(Number(msPerBatch));
      return inlineIngest.run(articles);
    },
    close: () => inlineIngest.close(),
  },
  lockDurationMs: TEST_LOCK_MS,
  stalledIntervalMs: TEST_STALLED_INTERVAL_MS,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});
process.stdout.write(`${JSON.stringify({ type: 'ready' })}\n`);
process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
