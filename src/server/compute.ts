// What the server computes from the store, through the same retrieval path as the CLI: each
// request reads only the articles its selection names. The work is CPU-bound (a topic timeline is
// tens of milliseconds), so the server runs it on worker threads (compute-worker.ts), each with
// the store open for reading (SQLite in WAL mode lets readers run beside the writer; PostgreSQL
// has a connection pool per thread), and with one thread it runs on the main thread: the same
// code either way. Answers come back as the JSON body the route sends, made off the main thread.
// The main thread keeps the bounded cache of answers by store version (views.ts).
import { storableArticles, type IngestPool } from '../ingest/pool.js';
import type { Article, Selection, TimelineOptions } from '../model.js';
import { buildTimeline, corpusFromStore, isBroad, timelineOptions, timelineSelection } from '../pipeline.js';
import type { StorableArticle } from '../store/storable.js';
import type { Store } from '../store/store.js';
import { createServicePool, defaultPoolSize, PoolBusyError, siblingModule } from '../threads.js';
import type { TimelineCorpus } from '../timeline/index.js';
import { conflictingFigures } from './figures.js';
import { BusyError } from './limits.js';
import { RecentResults } from './recent.js';
import { dailySignal } from './signal.js';

/** Corpora kept by each computing thread: each holds a selection's annotated articles, so only the last few. */
const REMEMBERED_CORPORA = 2;
/** Requests that may wait for a thread; more are answered 503 rather than queued without end. */
const MAX_WAITING = 256;

/** What a timeline is built from: the timeline query's fields (not an export's format). */
export interface TimelineRequest {
  query?: string | undefined;
  entity?: string | undefined;
  story?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  dates: number;
  sentences: number;
  method: string;
}

/** A job whose answer is the JSON body of its route. */
export type BodyJob = { kind: 'timeline'; request: TimelineRequest } | { kind: 'signal'; selection: Selection };

/** Uploaded articles to annotate and make ready for the store, which the main thread then writes. */
export type StorableJob = { kind: 'storable'; articles: Article[] };

export type ComputeJob = BodyJob | StorableJob;

/** The answer to a job: the JSON body of its route. */
export type ComputedBody = string;

/** What a thread answers to a job. */
export type ComputeAnswer = ComputedBody | StorableArticle[];

/** A job done on the calling thread: what each computing thread does with the jobs it is sent. */
export function compute(computation: Computation, job: ComputeJob): Promise<ComputeAnswer> {
  return job.kind === 'storable' ? Promise.resolve(storableArticles(job.articles)) : computation.run(job);
}

/** The computations over one store, with the corpora they read kept until the store changes. */
export class Computation {
  private readonly corpora = new RecentResults(REMEMBERED_CORPORA);
  private version: number | undefined;

  constructor(private readonly store: Store) {}

  run(job: BodyJob): Promise<ComputedBody> {
    return job.kind === 'timeline' ? this.timeline(job.request) : this.signal(job.selection);
  }

  /** `{timeline, conflicts}`: the timeline and, per entry, its conflicting and updated figures. */
  private async timeline(request: TimelineRequest): Promise<ComputedBody> {
    const options = timelineOptions({ ...request, sentencesPerDate: request.sentences });
    const corpus = await this.corpus(timelineSelection(request), options);
    const timeline = buildTimeline(corpus, options, request.method);
    return JSON.stringify({
      timeline,
      conflicts: timeline.entries.map((entry) => conflictingFigures(entry.quantities)),
    });
  }

  /**
   * `{days}`: the evidence plot's days. For a broad selection the store counts them without reading
   * the articles, and a day's references are then the articles referring to it, not their expressions.
   */
  private async signal(selection: Selection): Promise<ComputedBody> {
    const days = !(await isBroad(this.store, selection))
      ? dailySignal(await this.corpus(selection))
      : (await this.store.dateSignal(selection)).flatMap(({ date, published, reported, planned }) =>
          date.granularity === 'day' ? [{ day: date.value, articles: published, references: reported + planned }] : [],
        );
    return JSON.stringify({ days });
  }

  /**
   * The articles and duplicate groups of a selection, read from the store once per version. With
   * a timeline's options, a broad selection reads only the articles about its dates in contention.
   */
  private async corpus(selection: Selection, timeline?: TimelineOptions): Promise<TimelineCorpus> {
    const version = await this.store.version();
    if (version !== this.version) {
      this.version = version;
      this.corpora.clear();
    }
    return this.corpora.get(JSON.stringify([selection, timeline]), () =>
      corpusFromStore(this.store, selection, timeline),
    );
  }
}

export interface Computer {
  run(job: BodyJob): Promise<ComputedBody>;
  /** The annotation of uploads, on the same threads (absent with one: uploads annotate as the CLI does). */
  readonly annotator?: IngestPool;
  /** Starts the threads now (a server about to listen), not on the first request. */
  start(): void;
  close(): Promise<void>;
}

/** What each computing thread is started with. */
export interface ComputeThreadData {
  storeLocation: string;
}

/** Stores that only the process holding them can read: an in-memory SQLite database. */
function privateStore(location: string): boolean {
  return location === '' || location === ':memory:' || location.startsWith('file::memory:');
}

/**
 * `threads` computing threads over the store at `location` (default: one per core, at most four),
 * or the main thread with `store` for one thread or a store other threads cannot open.
 */
export function createComputer(store: Store, location: string, threads = defaultPoolSize()): Computer {
  if (threads <= 1 || privateStore(location)) {
    const computation = new Computation(store);
    return { run: (job) => computation.run(job), start: () => undefined, close: async () => undefined };
  }
  const pool = createServicePool<ComputeJob, ComputeAnswer>(siblingModule(import.meta.url, 'compute-worker'), {
    size: threads,
    data: { storeLocation: location } satisfies ComputeThreadData,
    maxWaiting: MAX_WAITING,
  });
  const busy = (error: unknown) => {
    throw error instanceof PoolBusyError
      ? new BusyError('the server is busy computing other timelines: retry in 5 seconds')
      : error;
  };
  return {
    run: (job) => (pool.run(job) as Promise<ComputedBody>).catch(busy),
    annotator: {
      run: (articles) => (pool.run({ kind: 'storable', articles }) as Promise<StorableArticle[]>).catch(busy),
      // The pool is the server's: it closes with it.
      close: async () => undefined,
    },
    start: () => pool.start(),
    close: () => pool.close(),
  };
}
