// A worker thread's entry when Chronicle runs from its TypeScript sources (tests, tsx): Node 20
// does not apply a parent's `--import` loader to a worker's entry, so the thread registers tsx
// itself before loading the module it was started for (see threads.ts). Compiled, pools start
// their dist/ modules directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
