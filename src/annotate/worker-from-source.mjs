// The annotation worker's entry when Chronicle runs from its TypeScript sources (tests, tsx):
// Node 20 does not apply a parent's `--import` loader to a worker's entry, so the worker registers
// tsx itself before loading worker.ts. Compiled, the pool starts dist/annotate/worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
