// Annotation is CPU-bound and articles are independent, so on a machine with several cores worker
// threads annotate side by side while the main thread reads (see threads.ts).
import type { AnnotatedArticle, Article } from '../model.js';
import { createPool, inlinePool, siblingModule, type ThreadPool } from '../threads.js';
import { annotateArticle } from './index.js';

export type AnnotatorPool = ThreadPool<Article, AnnotatedArticle>;

/** What each annotation thread (worker.ts) does with a job. */
export const annotateArticles = (articles: Article[]): AnnotatedArticle[] => articles.map(annotateArticle);

export const inlineAnnotator: AnnotatorPool = inlinePool(annotateArticles);

export function createAnnotatorPool(size?: number): AnnotatorPool {
  return createPool(siblingModule(import.meta.url, 'worker'), annotateArticles, size);
}
