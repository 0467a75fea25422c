// Ingest's CPU-bound half: annotating articles and working out what the store writes for them
// (store/storable.ts), on worker threads while the main thread reads the input and writes the
// store. Everything the writer derives from an article alone is done here, so the single writer,
// which runs one transaction at a time, is not what limits ingest.
import { annotateArticle } from '../annotate/index.js';
import type { Article } from '../model.js';
import { duplicateDetector, storyTracker } from '../select/index.js';
import { packSentences, sentencesJson, storableArticle, type StorableArticle } from '../store/storable.js';
import { createPool, inlinePool, siblingModule, type ThreadPool } from '../threads.js';

export type IngestPool = ThreadPool<Article, StorableArticle>;

/** What each ingest thread (worker.ts) does with a job. */
export const storableArticles = (articles: Article[]): StorableArticle[] =>
  articles.map((article) => storableArticle(annotateArticle(article), duplicateDetector, storyTracker));

export const inlineIngest: IngestPool = inlinePool(storableArticles);

/**
 * What a thread sends back for an article: its storable article without the article itself (the
 * caller has it) and with the sentences only deflated, so that a thread sends an eighth of the
 * bytes, a batch in flight holds as little, and the writer thread does not deflate.
 */
export type ThreadResult = Omit<StorableArticle, 'article' | 'sentences'> & { packedSentences: Uint8Array };

/** What each ingest thread (worker.ts) does with a job. */
export const threadResults = (articles: Article[]): ThreadResult[] =>
  storableArticles(articles).map(({ article: _article, sentences, ...storable }) => {
    const packed = packSentences(sentencesJson({ sentences }));
    // A small deflated buffer is a view of a larger one, all of which a message would copy.
    return {
      ...storable,
      packedSentences: packed.byteLength === packed.buffer.byteLength ? packed : new Uint8Array(packed),
    };
  });

export function createIngestPool(size?: number): IngestPool {
  const pool = createPool(siblingModule(import.meta.url, 'worker'), threadResults, size);
  return {
    run: async (articles) =>
      (await pool.run(articles)).map((result, index) => ({ article: articles[index]!, ...result })),
    close: () => pool.close(),
  };
}
