// Ingest's CPU-bound half: annotating articles and working out what the store writes for them
// (store/storable.ts), on worker threads while the main thread reads the input and writes the
// store. Everything the writer derives from an article alone is done here, so the single writer,
// which runs one transaction at a time, is not what limits ingest.
import { annotateArticle } from '../annotate/index.js';
import type { Article } from '../model.js';
import { duplicateDetector } from '../select/index.js';
import { storableArticle, type StorableArticle } from '../store/storable.js';
import { createPool, inlinePool, siblingModule, type ThreadPool } from '../threads.js';

export type IngestPool = ThreadPool<Article, StorableArticle>;

/** What each ingest thread (worker.ts) does with a job. */
export const storableArticles = (articles: Article[]): StorableArticle[] =>
  articles.map((article) => storableArticle(annotateArticle(article), duplicateDetector));

export const inlineIngest: IngestPool = inlinePool(storableArticles);

export function createIngestPool(size?: number): IngestPool {
  return createPool(siblingModule(import.meta.url, 'worker'), storableArticles, size);
}
