// The store contract. SQLite (sqlite.ts) is the embedded default; a server database can
// implement the same interface later without the pipeline noticing.
import type { AnnotatedArticle, Article, DuplicateGroup, IsoDay } from '../model.js';

export interface ArticleFilter {
  /** Full-text query over sentences (FTS syntax of plain words; all words must match one article). */
  query?: string;
  /** Inclusive publication-date bounds. */
  from?: IsoDay;
  to?: IsoDay;
}

export interface SentenceHit {
  articleId: string;
  sentenceIndex: number;
  text: string;
  publishedOn: IsoDay;
  source: string;
  /** Lower is better (bm25). */
  rank: number;
}

export interface AddResult {
  /** Ids of articles that were new and are now stored (the stored id for renamed ones). */
  added: string[];
  /** Ids of articles whose content was already stored (idempotent re-ingest). */
  alreadyStored: string[];
  /**
   * New articles whose id was already taken by different content (two feeds both numbering
   * from 1, a corrected story re-sent under its old id). Both are kept: the newcomer is stored
   * under `storedId`, its id suffixed with a prefix of its content hash, so nothing is lost or
   * overwritten and re-ingesting it later still finds it by content.
   */
  renamed: RenamedArticle[];
}

export interface RenamedArticle {
  requestedId: string;
  storedId: string;
}

export interface StoreCounts {
  articles: number;
  sentences: number;
  timexes: number;
  duplicateGroups: number;
}

export interface Store {
  /** Stores a batch in one transaction: either the whole batch lands or none of it. */
  add(batch: AnnotatedArticle[]): AddResult;
  /** True when an article with this content hash is already stored (lets ingest resume cheaply). */
  hasContent(contentHash: string): boolean;
  /** Annotated articles matching the filter, ordered by publication date then id. */
  articles(filter?: ArticleFilter): AnnotatedArticle[];
  /** Every stored article without its annotations: what duplicate grouping needs, at a fraction of the cost. */
  plainArticles(): Article[];
  /** Best-matching sentences for a full-text query. */
  searchSentences(query: string, limit?: number): SentenceHit[];
  /** Replaces the stored duplicate groups (they are recomputed over the whole store after ingest). */
  replaceDuplicateGroups(groups: DuplicateGroup[]): void;
  duplicateGroups(): DuplicateGroup[];
  counts(): StoreCounts;
  close(): void;
}
