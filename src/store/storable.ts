// What a store writes for one article, worked out from the annotated article alone: the sentence
// document both stores keep, the words of the full-text index, the dates of the date-reference
// index and the duplicate detector's lookup keys. During ingest it is made on the annotation
// threads (see ingest/pool.ts), so the one writer only writes; it also crosses between threads as a
// few strings and numbers, where the annotated article would cost every token.
import type { AnnotatedArticle, Article, DuplicateDetector } from '../model.js';
import { indexedWords } from '../query.js';
import { dateReferences, storedSentences, timexCount, type DateReference } from './rows.js';

export interface StorableArticle {
  article: Article;
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

export function storableArticle({ article, contentHash, sentences }: AnnotatedArticle, duplicates: DuplicateDetector): StorableArticle {
  return {
    article,
    contentHash,
    sentences: JSON.stringify(storedSentences(sentences)),
    sentenceCount: sentences.length,
    timexCount: timexCount(sentences),
    words: indexedWords(article, sentences),
    dateReferences: dateReferences(article.publishedOn, sentences),
    duplicateKeys: duplicates.keys(article.text),
  };
}
