// Story tracking as both stores run it (Store.updateStories): a page of articles not yet in a
// story, in publication order, is handed to the tracker with the stored stories near it, and what
// the tracker changed is written back in the same transaction. The rows and their conversions
// are shared here; each store has its own SQL.
import { addDays } from '../calendar.js';
import type {
  AnnotatedArticle,
  Article,
  EntityCount,
  IsoDay,
  Story,
  StoredStory,
  StoryArrival,
  StoryProfile,
  StoryTracker,
} from '../model.js';
import { profileOf } from './storable.js';
import type { StoryQuery } from './store.js';

/** Articles placed per transaction: a crash loses at most one page's work, and the next update redoes it. */
export const STORY_PAGE = 500;

/** An article waiting for its story, as the stores read it. */
export interface UnstoriedArticle {
  seq: number | string;
  profile: StoryProfile;
  /** When it is a copy (a duplicate group's member, not its representative): the original and its story. */
  copyOf?: { articleId: string; storyId?: string };
}

/** What both stores' page query gives for an article waiting for its story, besides the article. */
export interface UnstoriedRow {
  seq: number | string;
  /** The representative of its duplicate group, when it is another member of one. */
  original_id: string | null;
  original_story: string | null;
}

/**
 * An unstoried row as the tracker takes it. `storedProfile` is the profile kept at ingest (JSON),
 * null for articles stored before profiles were kept, which are profiled from their annotations.
 */
export function toUnstoried(
  row: UnstoriedRow,
  article: Pick<Article, 'id' | 'publishedOn' | 'source'>,
  storedProfile: string | null,
  annotated: () => AnnotatedArticle,
  tracker: StoryTracker,
): UnstoriedArticle {
  return {
    seq: row.seq,
    profile: storedProfile === null ? tracker.profile(annotated()) : profileOf(article, storedProfile),
    ...(row.original_id !== null && {
      copyOf: { articleId: row.original_id, ...(row.original_story !== null && { storyId: row.original_story }) },
    }),
  };
}

export interface StoryPage {
  arrivals: StoryArrival[];
  /** Stored seq of each arrival's article id. */
  seqOf: Map<string, number | string>;
  /** Every term of the page's profiles: the stories and counts to fetch. */
  terms: string[];
  /** The stories of the originals of the page's copies, which the copies join wherever they are. */
  originalStories: string[];
  /** The days within which a stored story may meet one of the page's articles. */
  fromDay: IsoDay;
  toDay: IsoDay;
}

export function storyPage(unstoried: readonly UnstoriedArticle[], windowDays: number): StoryPage {
  const arrivals = unstoried.map(({ profile, copyOf }) => ({ profile, ...(copyOf && { copyOf }) }));
  const terms = new Set<string>();
  for (const { profile } of arrivals) for (const [term] of profile.terms) terms.add(term);
  const days = arrivals.map((a) => a.profile.publishedOn).sort();
  return {
    arrivals,
    seqOf: new Map(unstoried.map(({ seq, profile }) => [profile.articleId, seq])),
    terms: [...terms].sort(),
    originalStories: [...new Set(unstoried.flatMap(({ copyOf }) => (copyOf?.storyId ? [copyOf.storyId] : [])))],
    fromDay: addDays(days[0]!, -windowDays),
    toDay: addDays(days[days.length - 1]!, windowDays),
  };
}

/** The ORDER BY of a story list: biggest or most recent first, ties broken so that pages never overlap. */
export function storyListOrder(order: StoryQuery['order']): string {
  return order === 'recent' ? 'last_day DESC, articles DESC, id' : 'articles DESC, last_day DESC, id';
}

/** A stories row as both stores keep it. */
export interface StoryRow {
  id: string;
  label: string;
  first_day: string;
  last_day: string;
  articles: number | string;
  independent: number | string;
  outlets: number | string;
  names: string;
  places: string;
  state: string;
}

export function toStory(row: Omit<StoryRow, 'state'>): Story {
  return {
    id: row.id,
    label: row.label,
    firstDay: row.first_day,
    lastDay: row.last_day,
    articles: Number(row.articles),
    independent: Number(row.independent),
    outlets: Number(row.outlets),
    names: JSON.parse(row.names) as EntityCount[],
    places: JSON.parse(row.places) as EntityCount[],
  };
}

export function toStoredStory(row: StoryRow, keys: readonly string[]): StoredStory {
  return { story: toStory(row), state: row.state, keys };
}

/** The values of a stories row, in column order (id, label, …, state), for an insert. */
export function storyColumnValues({ story, state }: StoredStory): unknown[] {
  return [
    story.id,
    story.label,
    story.firstDay,
    story.lastDay,
    story.articles,
    story.independent,
    story.outlets,
    JSON.stringify(story.names),
    JSON.stringify(story.places),
    state,
  ];
}
