// The library's front door: composes read → annotate → store → select → timeline → render.
// The shells (src/cli, src/server, src/queue) are thin layers over these functions; ARCHITECTURE.md
// draws the whole way through.
import type {
  AnnotatedArticle,
  Article,
  DuplicateGroup,
  IsoDay,
  ReadIssue,
  Selection,
  Timeline,
  TimelineOptions,
} from './model.js';
import { contentHashOf } from './annotate/content-hash.js';
import type { AnnotatorPool } from './annotate/pool.js';
import type { IngestPool } from './ingest/pool.js';
import type { InputProgress, ReadReport } from './read/index.js';
import { renderTimeml } from './render/index.js';
import { articleMatcher, duplicateDetector, groupDuplicates, mentioning, storyTracker } from './select/index.js';
import { storyTermOf } from './query.js';
import { articleIdentity, type StorableArticle } from './store/storable.js';
import type { Store } from './store/store.js';
import {
  ARTICLES_PER_DATE,
  broadDates,
  defaultMethod,
  isTimelineMethodName,
  TIMELINE_METHOD_NAMES,
  timelineMethods,
  type TimelineCorpus,
} from './timeline/index.js';

export type { OutputFormat } from './render/index.js';
export { renderStoriesJson, renderStoriesMarkdown, renderTimeline } from './render/index.js';
export { storyTracker } from './select/index.js';
export { openStore } from './store/index.js';
export { TIMELINE_METHOD_NAMES, timelineMethods } from './timeline/index.js';

export type Phase = 'read' | 'annotate' | 'ingest';
/**
 * `done` of `total`: files for 'read', articles for 'annotate', input bytes for 'ingest', which
 * reads, annotates and stores in one pass; its `articles` are those stored so far (added by this
 * run or found already stored).
 */
export type ProgressListener = (phase: Phase, done: number, total: number, articles?: number) => void;

export interface IngestReport {
  read: number;
  skipped: ReadIssue[];
  /** Things read but changed on the way (an encoding guessed, an id renamed, a text split): warnings for the user. */
  notes: ReadIssue[];
  added: number;
  alreadyStored: number;
  duplicateGroups: number;
  /** Articles that are copies of another (counted once as evidence). */
  duplicates: number;
}

export interface IngestOptions {
  onProgress?: ProgressListener;
  /** Articles per transaction: a crash loses at most one batch, which the next run redoes. */
  batchSize?: number;
  /**
   * Annotation threads (default: one per core, at most four, for an input of 1,000 articles or more, and
   * none for a smaller one; 1 annotates on the calling thread).
   */
  threads?: number;
  /** The outlet of inputs that do not name one, as given (otherwise the folder a file sits in). */
  defaultSource?: string;
  /** Annotates on this pool (the caller's to close), not on threads of its own or the calling thread: a server's threads. */
  pool?: IngestPool;
}

const DEFAULT_BATCH = 200;
/**
 * Batches being annotated while one is stored. With one, the threads finished it while the writer
 * was still storing and placing the last, and then waited for it to read and hand out the next; a
 * second keeps them busy. Both are bounded (a batch of results is a few MB), and a crash loses only
 * batches not yet stored, which a re-run annotates again.
 */
const BATCHES_AHEAD = 2;
/**
 * Articles an ingest stores before it places them in stories. Placing costs what the page's
 * neighbourhood costs (the stored stories near its days), and an input in no date order spreads each
 * batch over the whole archive: placed batch by batch, every 200 articles decoded nearly every story.
 * Gathered first, they are placed in day order, a page of 500 covering a few weeks, which is also the
 * order the tracker assumes. An interrupted ingest leaves at most these unplaced, kept in the store
 * as waiting, and the next ingest or `chronicle stories` places them first.
 */
const PLACE_STORIES_EVERY = 5_000;
/**
 * Below this many articles, annotating on worker threads costs more than it saves: each thread
 * starts cold (its own copy of the name model, its own compiling of the code), and that warm-up is
 * most of what a few hundred articles cost. Measured into a 20,000-article store on 2 cores, one
 * thread against two: 2.3 against 2.9 s for 100 articles, 7.2 against 7.6 s for 600, 17.3 against
 * 15.3 s for 2,000.
 */
const PARALLEL_THRESHOLD = 1_000;

/** How many articles the whole input holds, projected from those read so far and their bytes. */
function projectedArticles(progress: Readonly<InputProgress> | undefined): number {
  return progress && progress.bytesRead > 0 ? (progress.articles / progress.bytesRead) * progress.totalBytes : 0;
}

// The readers, the taggers and their threads are loaded by the functions that use them: a timeline
// from a store needs none of them, and loading them was a sixth of its CLI call.
async function annotatorFor(count: number, threads?: number): Promise<AnnotatorPool> {
  const { createAnnotatorPool, inlineAnnotator } = await import('./annotate/pool.js');
  return count >= PARALLEL_THRESHOLD ? createAnnotatorPool(threads) : inlineAnnotator;
}

/** The articles the store does not hold yet (by `articleIdentity`), in their order. */
export async function unstoredArticles(articles: readonly Article[], store: Store): Promise<Article[]> {
  const identities = articles.map((article) => articleIdentity(article, contentHashOf(article.text)));
  const stored = await store.storedIdentities(identities);
  return articles.filter((_, index) => !stored.has(identities[index]!));
}

/** Reads, annotates and stores articles. Safe to re-run: stored content is recognised and skipped. */
export async function ingest(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestReport> {
  const [{ streamInputs }, { createIngestPool, inlineIngest }] = await Promise.all([
    import('./read/index.js'),
    import('./ingest/pool.js'),
  ]);
  const progress = options.onProgress ?? (() => undefined);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // Articles are taken from the stream a batch at a time, so memory holds a few batches whatever the input's size.
  let reading: Readonly<InputProgress> | undefined;
  const items = streamInputs(paths, {
    onProgress: (now) => (reading = now),
    ...(options.defaultSource !== undefined && { defaultSource: options.defaultSource }),
  });
  const skipped: ReadIssue[] = [];
  const notes: ReadIssue[] = [];
  let read = 0;
  let added = 0;
  let alreadyStored = 0;
  const report = () => progress('ingest', reading?.bytesRead ?? 0, reading?.totalBytes ?? 0, added + alreadyStored);
  const readBatch = async (): Promise<Article[]> => {
    const batch: Article[] = [];
    while (batch.length < batchSize) {
      const item = await items.next();
      if (item.done) break;
      if (item.value.kind === 'article') batch.push(item.value.article);
      else if (item.value.kind === 'skipped') skipped.push(item.value.issue);
      else notes.push(item.value.issue);
    }
    read += batch.length;
    return batch;
  };
  /** The next batch's articles that the store does not hold yet; none once the inputs are read. */
  const nextPending = async (): Promise<Article[]> => {
    for (let batch = await readBatch(); batch.length > 0; batch = await readBatch()) {
      const pending = await unstoredArticles(batch, store);
      alreadyStored += batch.length - pending.length;
      if (pending.length > 0) return pending;
      report();
    }
    return [];
  };
  let pool: IngestPool | undefined;
  let sentToAnnotate = 0;
  const annotate = (articles: Article[]): Promise<StorableArticle[]> | undefined => {
    if (articles.length === 0) return undefined;
    if (options.pool) return options.pool.run(articles);
    sentToAnnotate += articles.length;
    // The total is not known while streaming: the input read so far projects it, so a large input
    // starts the pool with its first batch and a small one annotates here. Threads asked for by
    // number start with the first batch whatever its size.
    const threadsPayOff =
      options.threads !== undefined || Math.max(sentToAnnotate, projectedArticles(reading)) >= PARALLEL_THRESHOLD;
    if (!pool && threadsPayOff) pool = createIngestPool(options.threads);
    return (pool ?? inlineIngest).run(articles);
  };
  let unplaced = 0;
  // The batches handed to the annotator and not yet stored, oldest first.
  const annotating: Promise<StorableArticle[]>[] = [];
  const annotateAhead = async () => {
    while (annotating.length < BATCHES_AHEAD) {
      const next = annotate(await nextPending());
      if (!next) return;
      // Awaited when its turn comes; until then a failure (a thread dying) must not count as an
      // unhandled rejection, which would end the process before the store is closed.
      next.catch(() => undefined);
      annotating.push(next);
    }
  };
  try {
    await annotateAhead();
    while (annotating.length > 0) {
      const batch = await annotating.shift()!;
      // The next batches are read and handed out before this one is stored, so the threads work on
      // while the writer holds the store.
      await annotateAhead();
      const result = await store.add(batch, duplicateDetector);
      added += result.added.length;
      alreadyStored += result.alreadyStored.length;
      unplaced += result.added.length;
      if (unplaced >= PLACE_STORIES_EVERY) {
        await store.updateStories(storyTracker);
        unplaced = 0;
      }
      report();
    }
  } finally {
    await pool?.close();
    // After a failure the stream is left part-read: closing it closes the file it is reading.
    await items.return(undefined);
  }
  // The rest, with what an earlier, interrupted ingest left waiting; the threads are closed by now.
  await store.updateStories(storyTracker);
  // Duplicates were grouped as each batch was stored: the totals are the store's.
  const counts = await store.counts();
  return {
    read,
    skipped,
    notes,
    added,
    alreadyStored,
    duplicateGroups: counts.duplicateGroups,
    duplicates: counts.duplicates,
  };
}

export interface LoadedCorpus {
  corpus: TimelineCorpus;
  skipped: ReadIssue[];
  notes: ReadIssue[];
}

/** Reads files, folders and feeds in memory: their articles, and what was skipped or changed on the way. */
export async function readArticles(paths: string[], onProgress?: ProgressListener): Promise<ReadReport> {
  const { readInputs } = await import('./read/index.js');
  return readInputs(paths, { onProgress: (done, total) => onProgress?.('read', done, total) });
}

export async function annotateAll(articles: Article[], onProgress?: ProgressListener): Promise<AnnotatedArticle[]> {
  const annotator = await annotatorFor(articles.length);
  try {
    const annotated: AnnotatedArticle[] = [];
    for (let start = 0; start < articles.length; start += DEFAULT_BATCH) {
      annotated.push(...(await annotator.run(articles.slice(start, start + DEFAULT_BATCH))));
      onProgress?.('annotate', annotated.length, articles.length);
    }
    return annotated;
  } finally {
    await annotator.close();
  }
}

/**
 * Reads files in memory, without a store: the quick path for a folder of articles. Only the
 * selected articles are annotated. Duplicates are grouped over everything read, as a store groups
 * them over everything stored, so the same files give the same timeline either way.
 */
export async function loadCorpus(
  paths: string[],
  selection: Selection = {},
  onProgress?: ProgressListener,
): Promise<LoadedCorpus> {
  const read = await readArticles(paths, onProgress);
  const articles = mentioning(
    await annotateAll(read.articles.filter(articleMatcher(selection)), onProgress),
    selection.entity,
  );
  return {
    corpus: { articles, duplicateGroups: presentGroups(groupDuplicates(read.articles), articles) },
    skipped: read.skipped,
    notes: read.notes,
  };
}

/**
 * Above this many articles a timeline is broad: reading them all would cost what the archive
 * costs, so its dates are chosen from the store's date signal and each is summarised from a
 * bounded sample of its articles (see timeline/contention.ts). Well above one story's articles
 * (Timeline17's largest topic window holds under 2,000).
 */
export const BROAD_TIMELINE_ARTICLES = 5_000;

/**
 * The stored articles a timeline is about: the store reads only those (see Store.articles). With
 * the timeline's options, a broad selection reads only samples about the dates it will show.
 */
export async function corpusFromStore(
  store: Store,
  selection: Selection = {},
  timeline?: TimelineOptions,
  broadAbove = BROAD_TIMELINE_ARTICLES,
): Promise<TimelineCorpus> {
  const readFor =
    timeline !== undefined && (await isBroad(store, selection, broadAbove))
      ? broadDates(await store.dateSignal(selection), timeline)
      : undefined;
  const read = readFor
    ? await store.articlesAbout(selection, readFor, ARTICLES_PER_DATE)
    : await store.articles(selection);
  const articles = mentioning(read, selection.entity);
  return {
    articles,
    duplicateGroups: presentGroups(await store.duplicateGroups(articles.map((a) => a.article.id)), articles),
    ...(readFor && { readFor }),
  };
}

/** Whether the selection holds too many articles to read them all for one timeline. */
export async function isBroad(
  store: Store,
  selection: Selection,
  broadAbove = BROAD_TIMELINE_ARTICLES,
): Promise<boolean> {
  // A page of no articles is the count alone.
  return (await store.articleList(selection, { offset: 0, limit: 0 })).total > broadAbove;
}

/** The groups with a member among the articles: the others say nothing about this timeline. */
function presentGroups(groups: DuplicateGroup[], articles: readonly AnnotatedArticle[]): DuplicateGroup[] {
  const present = new Set(articles.map((a) => a.article.id));
  return groups.filter((g) => g.memberIds.some((id) => present.has(id)));
}

/**
 * The selection a timeline request names, from flags or query parameters. Its date window bounds
 * the articles read as well as the entries, as the news-tls protocol does: a timeline of April is
 * built from April's articles.
 */
export function timelineSelection(given: {
  query?: string | undefined;
  entity?: string | undefined;
  source?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  story?: string | undefined;
}): Selection {
  const { entity, source, from, to } = given;
  // A `story:` term in the query is the story flag written inline.
  const { story = given.story, words: query } = storyTermOf(given.query ?? '');
  return {
    ...(query && { query }),
    ...(entity && { entity }),
    ...(source && { source }),
    ...(from && { publishedFrom: from }),
    ...(to && { publishedTo: to }),
    ...(story && { story }),
  };
}

/** Timeline options from flags or query parameters: options not given stay absent, not `undefined`. */
export function timelineOptions(given: {
  dates: number;
  sentencesPerDate: number;
  from?: string | undefined;
  to?: string | undefined;
  query?: string | undefined;
}): TimelineOptions {
  const { dates, sentencesPerDate, from, to } = given;
  const query = given.query && storyTermOf(given.query).words;
  return { dates, sentencesPerDate, ...(from && { from }), ...(to && { to }), ...(query && { query }) };
}

export function buildTimeline(
  corpus: TimelineCorpus,
  options: TimelineOptions,
  methodName: string = defaultMethod.name,
): Timeline {
  if (!isTimelineMethodName(methodName))
    throw new Error(`unknown timeline method '${methodName}' (known: ${TIMELINE_METHOD_NAMES.join(', ')})`);
  return timelineMethods[methodName].build(corpus, options);
}

/**
 * A TimeML / TE3input document tagged with the temporal tagger, as TimeML: read, annotate, write.
 * The reference date is `dct` when given, else the day of the document's <DCT>; throws when there is
 * neither.
 */
export async function annotateTimemlText(source: string, dct?: IsoDay): Promise<string> {
  const [{ parseTimeml }, { tagTemporal }] = await Promise.all([
    import('./read/index.js'),
    import('./annotate/index.js'),
  ]);
  const document = parseTimeml(source);
  const publishedOn = dct ?? document.dct?.day;
  if (publishedOn === undefined) {
    throw new Error('the document has no <DCT> with a calendar day: give the reference date (--dct YYYY-MM-DD)');
  }
  return renderTimeml(document, tagTemporal(document.text, publishedOn));
}
