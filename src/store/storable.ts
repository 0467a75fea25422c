// What a store writes for one article, worked out from the annotated article alone: the sentence
// document both stores keep, the words of the full-text index, the dates of the date-reference
// index and the duplicate detector's lookup keys. During ingest it is made on the annotation
// threads (see ingest/pool.ts), so the one writer only writes; it also crosses between threads as a
// few strings and numbers, where the annotated article would cost every token.
import { createHash } from 'node:crypto';
import type { AnnotatedArticle, Article, DuplicateDetector } from '../model.js';
import { indexedWords } from '../query.js';
import { dateReferences, storedSentences, timexCount, type DateReference } from './rows.js';

export interface StorableArticle {
  article: Article;
  /** What makes it this article and no other (articleIdentity). */
  identity: string;
  contentHash: string;
  /** The sentences as the stores keep them (`StoredSentence[]`), in JSON. */
  sentences: string;
  sentenceCount: number;
  timexCount: number;
  /** The distinct words of the lead and of the whole article, space-separated (`indexedWords`). */
  words: { lead: string; all: string };
  dateReferences: DateReference[];
  /** The detector's lookup keys for the article's text. */
  duplicateKeys: number[];
}

/**
 * What the store holds an article by: its outlet, its day and its text (by `contentHash`). The
 * same wire text printed by another outlet, or again on another day, is another article, stored
 * and grouped with its copies as a duplicate (its outlet and date are evidence); the same article
 * read again is recognised and skipped, whatever id a feed gives it. The ids are not the identity:
 * two feeds may both number from 1.
 */
export function articleIdentity(article: Pick<Article, 'source' | 'publishedOn'>, contentHash: string): string {
  return createHash('sha256').update(`${article.source}\n${article.publishedOn}\n${contentHash}`).digest('hex');
}

export function storableArticle(
  { article, contentHash, sentences }: AnnotatedArticle,
  duplicates: DuplicateDetector,
): StorableArticle {
  return {
    article,
    identity: articleIdentity(article, contentHash),
    contentHash,
    sentences: JSON.stringify(storedSentences(sentences)),
    sentenceCount: sentences.length,
    timexCount: timexCount(sentences),
    words: indexedWords(article, sentences),
    dateReferences: dateReferences(article.publishedOn, sentences),
    duplicateKeys: duplicates.keys(article.text),
  };
}
