// Annotation is CPU-bound and articles are independent, so on a machine with several cores worker
// threads annotate side by side while the main thread reads and stores.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnnotatedArticle, Article } from '../model.js';
import { annotateArticle } from './index.js';
import type { AnnotateJob } from './worker.js';

export interface AnnotatorPool {
  /** Annotated articles in the order given. */
  annotate(articles: Article[]): Promise<AnnotatedArticle[]>;
  close(): Promise<void>;
}

type Reply = { id: number; annotated: AnnotatedArticle[] } | { id: number; error: string };

interface Pending {
  resolve(annotated: AnnotatedArticle[]): void;
  reject(error: Error): void;
}

/** One thread per core, at most four: beyond that, reading and storing on the main thread is the limit. */
export function defaultPoolSize(): number {
  return Math.min(4, availableParallelism());
}

/** Annotates on the calling thread: for small inputs, where starting threads costs more than it saves. */
export const inlineAnnotator: AnnotatorPool = {
  annotate: async (articles) => articles.map(annotateArticle),
  close: async () => undefined,
};

/** Compiled, the worker is worker.js; from TypeScript sources, a small entry loads worker.ts through tsx. */
function workerEntry(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './worker-from-source.mjs' : './worker.js', import.meta.url);
}

export function createAnnotatorPool(size = defaultPoolSize()): AnnotatorPool {
  if (size <= 1) return inlineAnnotator;
  const entry = workerEntry();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(entry);
    worker.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) job?.reject(new Error(`annotation failed in a worker: ${reply.error}`));
      else job?.resolve(reply.annotated);
    });
    worker.on('error', failAll);
    return worker;
  });

  const run = (worker: Worker, articles: Article[]) =>
    new Promise<AnnotatedArticle[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, articles } satisfies AnnotateJob);
    });

  return {
    async annotate(articles) {
      const chunk = Math.ceil(articles.length / workers.length);
      const parts = workers
        .map((worker, i) => ({ worker, part: articles.slice(i * chunk, (i + 1) * chunk) }))
        .filter(({ part }) => part.length > 0);
      return (await Promise.all(parts.map(({ worker, part }) => run(worker, part)))).flat();
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
