// Worker threads for CPU-bound work on independent items (annotating articles): a pool of threads
// that take the items of a batch one at a time, whichever thread is free, and the loop a thread
// runs. Results come back in the order given, so a pool and the calling thread give the same
// output.
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

export interface ThreadPool<Item, Result> {
  /** Results in the order of the items. */
  run(items: Item[]): Promise<Result[]>;
  close(): Promise<void>;
}

interface Job<Item> {
  id: number;
  items: Item[];
}

type Reply<Result> = { id: number; results: Result[] } | { id: number; error: string };

/** One thread per core, at most four: beyond that, reading and storing on the main thread is the limit. */
export function defaultPoolSize(): number {
  return Math.min(4, availableParallelism());
}

/**
 * The entry to start for a worker module. Compiled, it is the module itself; from TypeScript
 * sources (tests, tsx), Node 20 does not apply a parent's `--import` loader to a worker's entry, so
 * a small loader registers tsx in the thread before importing the module.
 */
function entryOf(module: URL): { entry: URL; workerData?: { module: string } } {
  if (!module.pathname.endsWith('.ts')) return { entry: module };
  return { entry: new URL('./worker-from-source.mjs', import.meta.url), workerData: { module: module.href } };
}

/** A worker module beside `importMetaUrl` by its base name: compiled `.js`, or the `.ts` source under tsx. */
export function siblingModule(importMetaUrl: string, name: string): URL {
  return new URL(`./${name}${importMetaUrl.endsWith('.ts') ? '.ts' : '.js'}`, importMetaUrl);
}

/** The work of a pool done on the calling thread: for small inputs, where starting threads costs more than it saves. */
export function inlinePool<Item, Result>(work: (items: Item[]) => Result[]): ThreadPool<Item, Result> {
  return { run: async (items) => work(items), close: async () => undefined };
}

/** `size` threads running `module` (which serves `work` with `serveJobs`), or `work` inline for one thread. */
export function createPool<Item, Result>(
  module: URL,
  work: (items: Item[]) => Result[],
  size = defaultPoolSize(),
): ThreadPool<Item, Result> {
  return size <= 1 ? inlinePool(work) : createThreadPool(module, size);
}

/**
 * Items each thread has in hand: two, so that a thread finishing one has the next at once. A thread
 * holds no more than these, whatever the batch, so its memory follows the largest item, not the
 * batch (handing each thread half a batch at once kept ingest's peak memory above 400 MB).
 */
const ITEMS_PER_THREAD = 2;

/** `size` threads running `module`, which calls `serveJobs`. */
function createThreadPool<Item, Result>(module: URL, size: number): ThreadPool<Item, Result> {
  const { entry, workerData } = entryOf(module);
  const pending = new Map<number, { resolve(results: Result[]): void; reject(error: Error): void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(entry, { workerData });
    worker.on('message', (reply: Reply<Result>) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) job?.reject(new Error(`a worker thread failed: ${reply.error}`));
      else job?.resolve(reply.results);
    });
    worker.on('error', failAll);
    return worker;
  });
  const send = (worker: Worker, items: Item[]) =>
    new Promise<Result[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, items } satisfies Job<Item>);
    });
  return {
    async run(items) {
      const results = new Array<Result>(items.length);
      let next = 0;
      let failed = false;
      // A lane sends one item and takes the next when its answer is back: a thread that finishes
      // early takes more, so none waits for a slower share.
      const lane = async (worker: Worker) => {
        try {
          while (!failed && next < items.length) {
            const index = next++;
            [results[index]] = (await send(worker, [items[index]!])) as [Result];
          }
        } catch (error) {
          failed = true;
          throw error;
        }
      };
      await Promise.all(workers.flatMap((worker) => Array.from({ length: ITEMS_PER_THREAD }, () => lane(worker))));
      return results;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The loop of a pool's thread: each job's items through `work`, the results (or the failure) back. */
export function serveJobs<Item, Result>(work: (items: Item[]) => Result[]): void {
  parentPort?.on('message', ({ id, items }: Job<Item>) => {
    try {
      parentPort!.postMessage({ id, results: work(items) } satisfies Reply<Result>);
    } catch (error) {
      parentPort!.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Reply<Result>);
    }
  });
}
