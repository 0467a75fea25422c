// What a store writes for one article, worked out from the annotated article alone: the sentence
// document both stores keep, the words of the full-text index, the dates of the date-reference
// index and the duplicate detector's lookup keys. During ingest it is made on the annotation
// threads (see ingest/pool.ts), so the one writer only writes; it also crosses between threads as a
// few strings and numbers, where the annotated article would cost every token.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type {
  AnnotatedArticle,
  Article,
  DuplicateDetector,
  StoryProfile,
  StoryTracker,
  TextFingerprint,
} from '../model.js';
import { indexedWords } from '../query.js';
import { dateReferences, storedSentences, timexCount, type DateReference } from './rows.js';

export interface StorableArticle {
  article: Article;
  /** What makes it this article and no other (articleIdentity). */
  identity: string;
  contentHash: string;
  /**
   * The sentences as the stores keep them (`StoredSentence[]`): in JSON (`sentences`), or deflated
   * as the SQLite file keeps them (`packedSentences`, see `packSentences`), one or both. The ingest
   * threads send only the packed form: an eighth of the size to copy between threads and to hold
   * per batch, and the writer thread does not deflate. Read them with `sentencesJson` and
   * `packedSentencesOf`.
   */
  sentences?: string;
  packedSentences?: Uint8Array;
  sentenceCount: number;
  timexCount: number;
  /** The distinct words of the lead and of the whole article, space-separated (`indexedWords`). */
  words: { lead: string; all: string };
  dateReferences: DateReference[];
  /** What the duplicate detector compares of the text, and its lookup keys from that. */
  fingerprint: TextFingerprint;
  duplicateKeys: number[];
  /** What story tracking compares of it (`StoredProfile` in JSON), kept so that placing it again reads no annotation. */
  storyProfile: string;
}

/** A story profile as the stores keep it: what the article row does not already say. */
export type StoredProfile = Pick<StoryProfile, 'terms' | 'names' | 'surfaces'>;

/** The profile of a stored article, from its row and its kept profile. */
export function profileOf(article: Pick<Article, 'id' | 'publishedOn' | 'source'>, stored: string): StoryProfile {
  const { terms, names, surfaces } = JSON.parse(stored) as StoredProfile;
  return { articleId: article.id, publishedOn: article.publishedOn, source: article.source, terms, names, surfaces };
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
  annotated: AnnotatedArticle,
  duplicates: DuplicateDetector,
  stories: StoryTracker,
): StorableArticle {
  const { article, contentHash, sentences } = annotated;
  const { terms, names, surfaces } = stories.profile(annotated);
  const fingerprint = duplicates.fingerprint(article.text);
  return {
    article,
    identity: articleIdentity(article, contentHash),
    contentHash,
    sentences: JSON.stringify(storedSentences(sentences)),
    sentenceCount: sentences.length,
    timexCount: timexCount(sentences),
    words: indexedWords(article, sentences),
    dateReferences: dateReferences(article.publishedOn, sentences),
    fingerprint,
    duplicateKeys: duplicates.keys(fingerprint),
    storyProfile: JSON.stringify({ terms, names, surfaces } satisfies StoredProfile),
  };
}

/** The sentence JSON deflated (raw, default level), as the SQLite store keeps it. */
export function packSentences(sentencesJson: string): Buffer {
  return deflateRawSync(sentencesJson);
}

/** The sentences of a storable article in JSON, from whichever form it has. */
export function sentencesJson(storable: Pick<StorableArticle, 'sentences' | 'packedSentences'>): string {
  if (storable.sentences !== undefined) return storable.sentences;
  if (storable.packedSentences === undefined) throw new Error('a storable article without its sentences');
  return inflateRawSync(storable.packedSentences).toString('utf8');
}

/** The sentences of a storable article deflated (`packSentences`), from whichever form it has. */
export function packedSentencesOf(storable: Pick<StorableArticle, 'sentences' | 'packedSentences'>): Uint8Array {
  return storable.packedSentences ?? packSentences(sentencesJson(storable));
}
