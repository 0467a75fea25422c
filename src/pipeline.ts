// The library's front door: composes read → annotate → store → select → timeline → render.
// The CLI (and later the server and workers) are thin shells over these functions.
import type { AnnotatedArticle, Article, ReadIssue, Timeline, TimelineOptions } from './model.js';
import { annotateArticle, contentHashOf } from './annotate/index.js';
import { readInputs } from './read/index.js';
import { groupDuplicates } from './select/duplicates.js';
import { selectArticles, type Selection } from './select/index.js';
import type { Store } from './store/store.js';
import { defaultMethod, timelineMethods, type TimelineCorpus } from './timeline/index.js';

export type { OutputFormat } from './render/index.js';
export { renderTimeline } from './render/index.js';
export { openSqliteStore } from './store/sqlite.js';
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
}

const DEFAULT_BATCH = 200;

/** Reads, annotates and stores articles. Safe to re-run: stored content is recognised and skipped. */
export async function ingest(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestReport> {
  const progress = options.onProgress ?? (() => undefined);
  const read = await readInputs(paths, { onProgress: (done, total) => progress('read', done, total) });
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const pending = read.articles.filter((a) => !store.hasContent(contentHashOf(a.text)));
  let added = 0;
  let alreadyStored = read.articles.length - pending.length;
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize).map((a) => annotateArticle(a));
    const result = store.add(batch);
    added += result.added.length;
    alreadyStored += result.alreadyStored.length;
    progress('store', Math.min(start + batchSize, pending.length), pending.length);
  }
  const groups = groupDuplicates(store.plainArticles());
  store.replaceDuplicateGroups(groups);
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

export function annotateAll(articles: Article[], onProgress?: ProgressListener): AnnotatedArticle[] {
  return articles.map((article, i) => {
    const annotated = annotateArticle(article);
    onProgress?.('annotate', i + 1, articles.length);
    return annotated;
  });
}

/** Reads and annotates files in memory, without a store: the quick path for a folder of articles. */
export async function loadCorpus(paths: string[], selection: Selection = {}, onProgress?: ProgressListener): Promise<LoadedCorpus> {
  const read = await readInputs(paths, { onProgress: (done, total) => onProgress?.('read', done, total) });
  const articles = selectArticles(annotateAll(read.articles, onProgress), selection);
  return {
    corpus: { articles, duplicateGroups: groupDuplicates(articles.map((a) => a.article)) },
    skipped: read.skipped,
  };
}

/** The stored articles a timeline is about: full-text query in the store, then the same selection as in memory. */
export function corpusFromStore(store: Store, selection: Selection = {}): TimelineCorpus {
  const filter = { ...(selection.publishedFrom && { from: selection.publishedFrom }), ...(selection.publishedTo && { to: selection.publishedTo }) };
  const articles = selectArticles(store.articles(filter), selection);
  const present = new Set(articles.map((a) => a.article.id));
  const duplicateGroups = store.duplicateGroups().filter((g) => g.memberIds.some((id) => present.has(id)));
  return { articles, duplicateGroups };
}

export function buildTimeline(corpus: TimelineCorpus, options: TimelineOptions, methodName = defaultMethod.name): Timeline {
  const method = timelineMethods[methodName];
  if (!method) throw new Error(`unknown timeline method '${methodName}' (known: ${Object.keys(timelineMethods).join(', ')})`);
  return method.build(corpus, options);
}
