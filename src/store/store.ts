// The store contract. SQLite (sqlite.ts) is the embedded default, PostgreSQL (postgres.ts) the
// server database; the pipeline, CLI and server see only this interface. Every method returns a
// promise because a server database answers over the network; SQLite answers at once inside one.
import type {
  AnnotatedArticle,
  DateRef,
  DateSignal,
  DuplicateDetector,
  DuplicateGroup,
  IsoDay,
  Selection,
  Story,
  StoryTracker,
} from '../model.js';
import { passwordMasked } from '../redact.js';
import type { StorableArticle } from './storable.js';

export interface AddResult {
  /** Ids of articles that were new and are now stored (the stored id for renamed ones). */
  added: string[];
  /** Ids of articles already stored: the same outlet, day and text (idempotent re-ingest). */
  alreadyStored: string[];
  /**
   * New articles whose id was already taken by another article (two feeds both numbering
   * from 1, a corrected story re-sent under its old id). Both are kept: the newcomer is stored
   * under `storedId`, its id suffixed with a prefix of its identity, so nothing is lost or
   * overwritten and re-ingesting it later still finds it by its identity.
   */
  renamed: RenamedArticle[];
}

export interface RenamedArticle {
  requestedId: string;
  storedId: string;
}

/** What a list of articles shows of each: enough to pick one. */
export interface ArticleSummary {
  id: string;
  source: string;
  publishedOn: IsoDay;
  title?: string;
  sentences: number;
  /** The first sentence. */
  opening: string;
}

export interface ArticleList {
  total: number;
  articles: ArticleSummary[];
}

/** Which stories a list shows: those overlapping the window, big enough, biggest or most recent first. */
export interface StoryQuery {
  from?: IsoDay;
  to?: IsoDay;
  /** Only stories of at least this many articles (copies included). */
  minArticles?: number;
  order: 'articles' | 'recent';
  offset: number;
  limit: number;
}

export interface StoryList {
  total: number;
  stories: Story[];
}

export interface StoreCounts {
  articles: number;
  sentences: number;
  timexes: number;
  duplicateGroups: number;
  /** Articles that are copies of another (in a group, not its representative). */
  duplicates: number;
}

export interface Store {
  /**
   * Stores a batch in one transaction: either the whole batch lands or none of it. Each new
   * article is indexed for selection and grouped with the stored copies of its story that the
   * detector finds among its key candidates, in the same transaction. The articles come ready to
   * write (`storableArticle`), their keys made by the same detector.
   */
  add(batch: readonly StorableArticle[], duplicates: DuplicateDetector): Promise<AddResult>;
  /** Which of these article identities (`articleIdentity`) are already stored: one lookup for a whole batch lets ingest resume cheaply. */
  storedIdentities(identities: readonly string[]): Promise<Set<string>>;
  /**
   * The annotated articles passing the selection's window, outlet and words (`selectionQuery`),
   * found through the indexes: nothing else is read. Ordered by publication date then id. The
   * entity itself is the caller's to check, on the annotations.
   */
  articles(selection?: Selection): Promise<AnnotatedArticle[]>;
  /**
   * Per date, what the selection's independent articles (not copies of another) say of it,
   * counted from the date-reference index: the first cut of a broad timeline's dates, made
   * without reading the articles. The entity is not checked; its words are.
   */
  dateSignal(selection: Selection): Promise<DateSignal[]>;
  /**
   * A bounded sample of the selection's articles about each date: at most `perDate` referring to
   * it and at most `perDate` published on it (days), the earliest published first in both, found
   * through the date-reference and date indexes. Each article once, ordered as `articles`.
   */
  articlesAbout(selection: Selection, dates: readonly DateRef[], perDate: number): Promise<AnnotatedArticle[]>;
  /** One page of the selection's articles, without their annotations, and how many there are in all. */
  articleList(selection: Selection, page: { offset: number; limit: number }): Promise<ArticleList>;
  /** One article by its stored id. */
  article(id: string): Promise<AnnotatedArticle | undefined>;
  /** The duplicate groups with a member among these articles (every group when none are given). */
  duplicateGroups(articleIds?: readonly string[]): Promise<DuplicateGroup[]>;
  /**
   * Places every article not yet in a story (those added since the last update) with the
   * tracker, a page at a time in publication order, each page in one transaction: a crash leaves
   * the rest for the next update. Concurrent updaters (queue workers) take turns page by page, so
   * no two open one story twice. Returns how many articles it placed.
   */
  updateStories(tracker: StoryTracker): Promise<number>;
  /** Forgets every story and places every article again: what one update over the whole archive gives. */
  rebuildStories(tracker: StoryTracker): Promise<number>;
  stories(query: StoryQuery): Promise<StoryList>;
  story(id: string): Promise<Story | undefined>;
  /** Changes whenever a write lands: a key for caches of what was computed from the store. */
  version(): Promise<number>;
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

/** A PostgreSQL URL as it may be printed: its password masked. */
export function redactedUrl(url: string): string {
  return passwordMasked(url, 'postgres://…');
}
