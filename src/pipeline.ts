// The library's front door: composes read → annotate → store → select → timeline → render.
// The CLI (and later the server and workers) are thin shells over these functions.
import type { AnnotatedArticle, Article, ReadIssue, Timeline, TimelineOptions } from './model.js';
import { contentHashOf } from './annotate/index.js';
import { createAnnotatorPool, inlineAnnotator, type AnnotatorPool } from './annotate/pool.js';
import { readInputs } from './read/index.js';
import { groupDuplicates } from './select/duplicates.js';
import { selectArticles, type Selection } from './select/index.js';
import type { Store } from './store/store.js';
import { defaultMethod, timelineMethods, type TimelineCorpus } from './timeline/index.js';

export type { OutputFormat } from './render/index.js';
export { renderTimeline } from './render/index.js';
export { openStore } from './store/index.js';
export { annotateArticle } from './annotate/index.js';
export { readInputs } from './read/index.js';
export { timelineMethods } from './timeline/index.js';

export type Phase = 'read' | 'annotate' | 'store';
export type ProgressListener = (phase: Phase, done: number, total: number) => void;

export interface IngestReport {
  read: number;
  skipped: ReadIssue[];
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
  /** Annotation threads (default: one per core, at most four; 1 annotates on the calling thread). */
  threads?: number;
}

const DEFAULT_BATCH = 200;
/** Below this many articles, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 100;

function annotatorFor(count: number, threads?: number): AnnotatorPool {
  return count >= PARALLEL_THRESHOLD ? createAnnotatorPool(threads) : inlineAnnotator;
}

/** The articles whose content the store does not hold yet, in their order. */
export async function unstoredArticles(articles: readonly Article[], store: Store): Promise<Article[]> {
  const hashes = articles.map((article) => contentHashOf(article.text));
  const stored = await store.storedContent(hashes);
  return articles.filter((_, index) => !stored.has(hashes[index]!));
}

/** Reads, annotates and stores articles. Safe to re-run: stored content is recognised and skipped. */
export async function ingest(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestReport> {
  const progress = options.onProgress ?? (() => undefined);
  const read = await readInputs(paths, { onProgress: (done, total) => progress('read', done, total) });
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const pending = await unstoredArticles(read.articles, store);
  let added = 0;
  let alreadyStored = read.articles.length - pending.length;
  const annotator = annotatorFor(pending.length, options.threads);
  const annotateBatch = (start: number) => annotator.annotate(pending.slice(start, start + batchSize));
  let next = pending.length > 0 ? annotateBatch(0) : undefined;
  try {
    for (let start = 0; next; start += batchSize) {
      const batch = await next;
      // The workers annotate the next batch while this one is stored.
      next = start + batchSize < pending.length ? annotateBatch(start + batchSize) : undefined;
      const result = await store.add(batch);
      added += result.added.length;
      alreadyStored += result.alreadyStored.length;
      progress('store', Math.min(start + batchSize, pending.length), pending.length);
    }
  } finally {
    // A failed store leaves a batch in flight: its result no longer matters.
    next?.catch(() => undefined);
    await annotator.close();
  }
  const groups = groupDuplicates(await store.plainArticles());
  await store.replaceDuplicateGroups(groups);
  return {
    read: read.articles.length,
    skipped: read.skipped,
    added,
    alreadyStored,
    duplicateGroups: groups.length,
    duplicates: groups.reduce((n, g) => n + g.memberIds.length - 1, 0),
  };
}

export interface LoadedCorpus {
  corpus: TimelineCorpus;
  skipped: ReadIssue[];
}

export async function annotateAll(articles: Article[], onProgress?: ProgressListener): Promise<AnnotatedArticle[]> {
  const annotator = annotatorFor(articles.length);
  try {
    const annotated: AnnotatedArticle[] = [];
    for (let start = 0; start < articles.length; start += DEFAULT_BATCH) {
      annotated.push(...(await annotator.annotate(articles.slice(start, start + DEFAULT_BATCH))));
      onProgress?.('annotate', annotated.length, articles.length);
    }
    return annotated;
  } finally {
    await annotator.close();
  }
}

/** Reads and annotates files in memory, without a store: the quick path for a folder of articles. */
export async function loadCorpus(paths: string[], selection: Selection = {}, onProgress?: ProgressListener): Promise<LoadedCorpus> {
  const read = await readInputs(paths, { onProgress: (done, total) => onProgress?.('read', done, total) });
  const articles = selectArticles(await annotateAll(read.articles, onProgress), selection);
  return {
    corpus: { articles, duplicateGroups: groupDuplicates(articles.map((a) => a.article)) },
    skipped: read.skipped,
  };
}

/** The stored articles a timeline is about: full-text query in the store, then the same selection as in memory. */
export async function corpusFromStore(store: Store, selection: Selection = {}): Promise<TimelineCorpus> {
  const filter = { ...(selection.publishedFrom && { from: selection.publishedFrom }), ...(selection.publishedTo && { to: selection.publishedTo }) };
  const articles = selectArticles(await store.articles(filter), selection);
  const present = new Set(articles.map((a) => a.article.id));
  const duplicateGroups = (await store.duplicateGroups()).filter((g) => g.memberIds.some((id) => present.has(id)));
  return { articles, duplicateGroups };
}

/** Timeline options from flags or query parameters: options not given stay absent, not `undefined`. */
export function timelineOptions(given: { dates: number; sentencesPerDate: number; from?: string | undefined; to?: string | undefined; query?: string | undefined }): TimelineOptions {
  const { dates, sentencesPerDate, from, to, query } = given;
  return { dates, sentencesPerDate, ...(from && { from }), ...(to && { to }), ...(query && { query }) };
}

export function buildTimeline(corpus: TimelineCorpus, options: TimelineOptions, methodName = defaultMethod.name): Timeline {
  const method = timelineMethods[methodName];
  if (!method) throw new Error(`unknown timeline method '${methodName}' (known: ${Object.keys(timelineMethods).join(', ')})`);
  return method.build(corpus, options);
}
