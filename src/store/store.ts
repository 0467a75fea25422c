// The store contract. SQLite (sqlite.ts) is the embedded default, PostgreSQL (postgres.ts) the
// server database; the pipeline, CLI and server see only this interface. Every method returns a
// promise because a server database answers over the network; SQLite answers at once inside one.
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
  /** Lower is better (SQLite: bm25; PostgreSQL: the negated ts_rank, see postgres.ts). */
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
  add(batch: AnnotatedArticle[]): Promise<AddResult>;
  /** Which of these content hashes are already stored: one lookup for a whole batch lets ingest resume cheaply. */
  storedContent(contentHashes: readonly string[]): Promise<Set<string>>;
  /** Annotated articles matching the filter, ordered by publication date then id. */
  articles(filter?: ArticleFilter): Promise<AnnotatedArticle[]>;
  /** Every stored article without its annotations: what duplicate grouping needs, at a fraction of the cost. */
  plainArticles(): Promise<Article[]>;
  /** Best-matching sentences for a full-text query (every query word in the sentence). */
  searchSentences(query: string, limit?: number): Promise<SentenceHit[]>;
  /** Replaces the stored duplicate groups (they are recomputed over the whole store after ingest). */
  replaceDuplicateGroups(groups: DuplicateGroup[]): Promise<void>;
  duplicateGroups(): Promise<DuplicateGroup[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open for reading only: no migrations, and the store must already be at the current schema. */
  readonly?: boolean;
}

/**
 * A store that cannot be used (missing, not a database, unreachable, wrong version). The message
 * names the store and says why; the CLI prints it without a stack, as it is not a bug.
 */
export class StoreError extends Error {
  constructor(
    /** The file, or the server address without its password. */
    readonly location: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot use store '${location}': ${reason}`, options);
    this.name = 'StoreError';
  }
}
