// Worker threads for CPU-bound work on independent items (annotating articles): a pool of threads
// that take the items of a batch one at a time, whichever thread is free, and the loop a thread
// runs. Results come back in the order given, so a pool and the calling thread give the same
// output.
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData as threadData } from 'node:worker_threads';

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
 * Items each thread has in hand, each sent and answered on its own. Enough that a thread keeps
 * working while the caller is busy elsewhere and cannot hand out more: ingest's writer stores a
 * batch in one synchronous transaction of a few hundred milliseconds, and with two items in hand
 * the threads stood idle through it, a quarter of their time. Items in hand are only inputs (an
 * article is a few KB), and each answer goes back as soon as it is made, so a thread's memory
 * still follows the item it works on, not the batch (handing each thread half a batch as one job
 * kept ingest's peak memory above 400 MB).
 */
const ITEMS_PER_THREAD = 32;

/**
 * A smaller nursery than V8's default (up to 48 MB a thread on this machine): annotation makes
 * short-lived objects by the million, and a big nursery only let each thread's heap swell between
 * collections, 50 MB of ingest's peak memory for the two threads, at no measurable saving of time.
 * The old generation stays unbounded: one article may be a million characters.
 */
const THREAD_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

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
    const worker = new Worker(entry, { workerData, resourceLimits: THREAD_RESOURCE_LIMITS });
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

/**
 * A pool of long-lived threads serving independent requests (the server's timelines), unlike
 * `createPool`'s batches: each thread works on one job at a time, the others wait in one queue in
 * the order they came and go to whichever thread is free, and at most `maxWaiting` wait (beyond
 * that `run` refuses with `PoolBusyError`, so a burst cannot pile up memory). The threads start on
 * first use (or `start`), each given `data` once (`serveRequests`); one that dies fails only the
 * job it had, and another takes its place.
 */
export interface ServicePool<Task, Result> {
  run(job: Task): Promise<Result>;
  /** Starts the threads now rather than on the first job (a server warming up before it listens). */
  start(): void;
  close(): Promise<void>;
}

export interface ServicePoolOptions {
  size?: number;
  /** Handed to each thread's `start` (a store location): structured-cloneable. */
  data?: unknown;
  /** Jobs that may wait for a thread; more are refused. */
  maxWaiting?: number;
}

/** `run` refused: every thread is busy and the queue is full. */
export class PoolBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`all worker threads are busy and ${waiting} jobs are waiting`);
    this.name = 'PoolBusyError';
  }
}

interface ServiceJob<Task, Result> {
  job: Task;
  resolve(result: Result): void;
  reject(error: Error): void;
}

interface ServiceSlot<Task, Result> {
  worker: Worker;
  current?: ServiceJob<Task, Result>;
}

const DEFAULT_MAX_WAITING = 256;

export function createServicePool<Task, Result>(
  module: URL,
  { size = defaultPoolSize(), data, maxWaiting = DEFAULT_MAX_WAITING }: ServicePoolOptions = {},
): ServicePool<Task, Result> {
  const { entry, workerData: entryData } = entryOf(module);
  const waiting: Array<ServiceJob<Task, Result>> = [];
  const slots: Array<ServiceSlot<Task, Result>> = [];
  let closed = false;

  // The slot offered the next job first. Jobs go round the threads rather than to the first idle
  // one: one request at a time would otherwise all go to the first thread, leaving the others cold
  // (code not yet compiled, nothing cached) for the first burst of concurrent requests.
  let next = 0;
  const dispatch = () => {
    for (let tried = 0; tried < slots.length && waiting.length > 0; tried++) {
      const slot = slots[next]!;
      next = (next + 1) % slots.length;
      if (slot.current) continue;
      slot.current = waiting.shift()!;
      slot.worker.postMessage({ id: 0, items: [slot.current.job] } satisfies Job<Task>);
    }
  };
  const spawn = (slot?: ServiceSlot<Task, Result>): ServiceSlot<Task, Result> => {
    const worker = new Worker(entry, { workerData: { ...entryData, data } });
    const own: ServiceSlot<Task, Result> = slot ?? { worker };
    own.worker = worker;
    worker.on('message', (reply: Reply<Result>) => {
      const job = own.current;
      delete own.current;
      if ('error' in reply) job?.reject(new Error(`a worker thread failed: ${reply.error}`));
      else job?.resolve(reply.results[0]!);
      dispatch();
    });
    // A thread that dies (out of memory, a crash) fails its job only; a fresh one takes its place.
    const lost = (error: Error) => {
      if (own.worker !== worker) return;
      const job = own.current;
      delete own.current;
      job?.reject(error);
      if (closed) return;
      spawn(own);
      dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a worker thread exited (code ${code})`)));
    return own;
  };
  const start = () => {
    if (closed || slots.length > 0) return;
    for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());
  };
  return {
    run(job) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      start();
      const idle = slots.some((slot) => !slot.current);
      if (!idle && waiting.length >= maxWaiting) return Promise.reject(new PoolBusyError(waiting.length));
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        dispatch();
      });
    },
    start,
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the worker pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * The loop of a service pool's thread: `start` runs once with the pool's `data` and gives the
 * handler (which may be asynchronous: a store's reads); each job goes through it, the result (or
 * the failure) back. A failed start fails the jobs waiting for it with its reason, and the next
 * job tries again (a store briefly locked), rather than a thread that dies and is replaced without end.
 */
export function serveRequests<Task, Result>(start: (data: unknown) => Promise<(job: Task) => Promise<Result>>): void {
  let started: Promise<(job: Task) => Promise<Result>> | undefined;
  const handler = () => {
    if (started) return started;
    const starting = start((threadData as { data?: unknown } | null)?.data);
    starting.catch(() => {
      if (started === starting) started = undefined;
    });
    return (started = starting);
  };
  // Started at once (the store opened while the first request is still on its way); a failure waits for a job.
  handler().catch(() => undefined);
  parentPort?.on('message', ({ id, items }: Job<Task>) => {
    handler()
      .then((handle) => handle(items[0]!))
      .then(
        (result) => parentPort!.postMessage({ id, results: [result] } satisfies Reply<Result>),
        (error: unknown) =>
          parentPort!.postMessage({
            id,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          } satisfies Reply<Result>),
      );
  });
}
