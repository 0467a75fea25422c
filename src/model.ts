// The data model every stage shares. Types only: no stage imports another stage's
// internals, they meet here. Offsets are UTF-16 code-unit offsets into Article.text
// (what String.prototype.slice uses), so `article.text.slice(span.start, span.end)`
// always gives back the cited words.

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

/** How precisely a date is known. A timeline entry for "September 2018" is a month. */
export type Granularity = 'day' | 'month' | 'year';

/** A calendar date at some granularity: `2019-03-04` (day), `2019-03` (month), `2019` (year). */
export interface DateRef {
  value: string;
  granularity: Granularity;
}

export interface Span {
  start: number;
  end: number;
}

/** Where an article came from, so errors and citations can point back at the input. */
export interface Origin {
  file: string;
  /** 1-based line for line-oriented formats (JSONL); absent for whole-file formats. */
  line?: number;
}

/** One news article as read from any input format. */
export interface Article {
  /** Stable id: the input's own id when it has one, otherwise derived from the content. */
  id: string;
  /** The outlet ("AP", "AFP", "harbour-gazette"): the input's source field, the agency a plain text names (read/outlet.ts), or the file's folder. */
  source: string;
  publishedOn: IsoDay;
  title?: string;
  url?: string;
  text: string;
  origin: Origin;
}

/** A problem with one input (file, line, why). Readers return these as values, never throw them. */
export interface ReadIssue {
  file: string;
  line?: number;
  reason: string;
}

export interface ReadResult {
  articles: Article[];
  /** Inputs (or lines) that were skipped, with the reason. */
  skipped: ReadIssue[];
}

// ---------------------------------------------------------------------------------------------
// Annotation

/** TimeML TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex {
  /** The words as they appear in the text ("later Monday", "September last year"). */
  text: string;
  /** Offsets into Article.text. */
  span: Span;
  type: TimexType;
  /** TIMEX3 value: `2019-03-04`, `2018-09`, `P1W`, `PRESENT_REF`, `XXXX-WXX-1`, ... */
  value: string;
  /** TIMEX3 modifier (APPROX, START, END, ...), when the words carry one. */
  mod?: string;
  /** The calendar date the expression points at, when it points at one (durations and sets do not). */
  refersTo?: DateRef;
  /** The date the value was computed from (the publication date, or a date earlier in the text). */
  anchor: IsoDay;
  /** Why this value: a short sentence a reader can check ("Monday" in a Tuesday article → the day before). */
  evidence: string;
}

export type MentionKind = 'person' | 'organization' | 'place';

/** A named person, organisation or place. */
export interface Mention {
  text: string;
  span: Span;
  kind: MentionKind;
}

/** A figure reported in the text: "500 people", "15 trucks", "hundreds of people". */
export interface Quantity {
  text: string;
  span: Span;
  /** The number, or the lower bound of a vague amount ("hundreds" → 100). */
  value: number;
  /** True for vague amounts ("hundreds of", "some 500", "more than 20"). */
  approximate: boolean;
  /** What is counted, as written ("people", "trucks"); empty when nothing follows the number. */
  unit: string;
}

export interface Sentence {
  /** 0-based position in the article. */
  index: number;
  text: string;
  span: Span;
  tokens: string[];
  timexes: Timex[];
  mentions: Mention[];
  quantities: Quantity[];
}

export interface AnnotatedArticle {
  article: Article;
  /** Hash of the normalised text: equal for exact duplicates, the key for idempotent ingest. */
  contentHash: string;
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------------------------
// Selection

/**
 * Which articles a timeline is about. Every way to a timeline (files in memory, either store,
 * the web app, the benchmarks) takes this one type and gives it the same meaning; the stores
 * answer it with their indexes, reading nothing else.
 */
export interface Selection {
  /** Topic query: comma-separated alternatives of required word prefixes (syntax in src/query.ts). */
  query?: string;
  /** Inclusive publication-date bounds. */
  publishedFrom?: IsoDay;
  publishedTo?: IsoDay;
  /** Only this outlet's articles (exact name). */
  source?: string;
  /** Only articles in which the annotator found this name (case-insensitive). */
  entity?: string;
  /** Only the articles of this story (`Story.id`), as story tracking grouped them. */
  story?: string;
}

/**
 * What the independent articles of a selection say of one date, counted by a store's index of
 * date references without reading the articles: a broad timeline's first cut of its dates.
 */
export interface DateSignal {
  date: DateRef;
  /** Articles published on it (days only). */
  published: number;
  /** Articles referring to it from after the fact. */
  reported: number;
  /** Articles referring to it ahead of it (plans, forecasts). */
  planned: number;
}

// ---------------------------------------------------------------------------------------------
// Duplicates

/** Articles that tell the same story (the same wire copy on several sites). */
export interface DuplicateGroup {
  /** The earliest article of the group: the one counted as evidence. */
  representativeId: string;
  memberIds: string[];
  kind: 'exact' | 'near';
}

/** What duplicate grouping knows of an article: enough to order a group and tell its kind. */
export interface GroupMember {
  id: string;
  publishedOn: IsoDay;
  contentHash: string;
}

/**
 * A text as the duplicate detector compares it: the sorted, distinct hashes of its word shingles,
 * or for a text without words its normalised text. Typed arrays and strings only, so it crosses
 * between threads as it is.
 */
export interface TextFingerprint {
  shingles: Uint32Array;
  wordless?: string;
}

/**
 * How copies of one story are recognised as articles arrive, one at a time: each article gets
 * lookup keys (MinHash bands), the stored articles sharing a key are its candidates, and a
 * candidate whose text is close enough is the same story. The select stage implements it; the
 * stores keep the keys in an index and call it inside the transaction that stores the article,
 * so adding k articles costs O(k) whatever the archive holds, and a crash never leaves an article
 * stored but ungrouped.
 */
export interface DuplicateDetector {
  /** What is compared of a text, worked out once per text; a function of the text's content hash. */
  fingerprint(text: string): TextFingerprint;
  /** The article's lookup keys (32-bit signed integers, so every database can index them). */
  keys(fingerprint: TextFingerprint): number[];
  /** How many of the newest articles under one key are candidates. */
  candidatesPerKey: number;
  /** Of the candidates sharing keys (for each key, the newest first), the few worth comparing. */
  shortlist(candidatesByKey: readonly (readonly number[])[]): number[];
  /** Whether two texts tell the same story (the same copy, edited or not). */
  sameStory(a: TextFingerprint, b: TextFingerprint): boolean;
  /** The group these members form: representative, order and kind. */
  group(members: readonly GroupMember[]): DuplicateGroup;
}

// ---------------------------------------------------------------------------------------------
// Stories

/** One story of an archive: the articles story tracking put together, as a list shows it. */
export interface Story {
  /** Stable while the story only grows (made from its first article); a merged-away story's id is gone. */
  id: string;
  /** Its defining names and words, most weighty first: "Baghouz · Syrian Democratic Forces · evacuation". */
  label: string;
  firstDay: IsoDay;
  lastDay: IsoDay;
  /** Every member, copies included. */
  articles: number;
  /** Members that are no copy of another (duplicate groups count once). */
  independent: number;
  /** Distinct outlets among the members. */
  outlets: number;
  /** Most-mentioned people and organisations, then places. */
  names: EntityCount[];
  places: EntityCount[];
}

/** What an article brings to story tracking, derived from its annotations alone. */
export interface StoryProfile {
  articleId: string;
  publishedOn: IsoDay;
  source: string;
  /** Its weightiest terms (named mentions and content words) with their weights, heaviest first. */
  terms: readonly (readonly [term: string, weight: number])[];
  /** Its named mentions, counted, case folded (`key`) with the form to show. */
  names: readonly StoryName[];
  /** How its terms are written where that is not the term itself ("virus" for the term "viru"). */
  surfaces: readonly (readonly [term: string, surface: string])[];
}

export interface StoryName extends EntityCount {
  key: string;
}

/** A story as a store keeps it between updates: what the list shows, and the tracker's own state. */
export interface StoredStory {
  story: Story;
  /** Opaque to the store: the tracker's encoding of the story's centroid, names and outlets. */
  state: string;
  /** The terms under which the store indexes it: a newcomer sharing none of them is not compared. */
  keys: readonly string[];
}

/** An article to place, and the story of the article it is a copy of, when it is one. */
export interface StoryArrival {
  profile: StoryProfile;
  copyOf?: { articleId: string; storyId?: string };
}

/** The stored stories and term counts near a page of arrivals: all the tracker reads. */
export interface StoryNeighbourhood {
  stories: readonly StoredStory[];
  /** Of the arrivals' terms, how many tracked articles carry each (absent: none). */
  documentFrequency: ReadonlyMap<string, number>;
  /** How many articles were tracked so far (copies excluded). */
  documents: number;
}

/** What a page of arrivals changed: the store writes it in one transaction. */
export interface StoryUpdate {
  /** Article id → story id, for every arrival. */
  assigned: ReadonlyMap<string, string>;
  /** New or changed stories, to write as they are. */
  changed: readonly StoredStory[];
  /** Stories merged into another: the members of `id` now belong to `into`. */
  merged: readonly { id: string; into: string }[];
  /** Per term, how many of the page's independent arrivals carry it. */
  documentFrequency: ReadonlyMap<string, number>;
  /** How many of the page's arrivals were independent (no copy). */
  documents: number;
}

/**
 * Topic detection and tracking as articles arrive: each joins the story most like it within a
 * window of days, or opens one, and stories that grow alike merge. The select stage implements
 * it; the stores keep the stories, their key-term index and the term counts, hand the tracker
 * the stories near each page of new articles (`StoryNeighbourhood`) and write back what it
 * changed, so adding k articles costs O(k) whatever the archive holds.
 */
export interface StoryTracker {
  /** Stories more than this many days from an article (either side) are not candidates. */
  windowDays: number;
  profile(article: AnnotatedArticle): StoryProfile;
  /** Places a page of arrivals, in the order given (publication day, then id). Pure. */
  track(neighbourhood: StoryNeighbourhood, arrivals: readonly StoryArrival[]): StoryUpdate;
}

// ---------------------------------------------------------------------------------------------
// Timelines

/** How a cited sentence got its date. */
export interface Dating {
  how: 'reference' | 'publication';
  /** The temporal expression that dated the sentence, when `how` is 'reference'. */
  timex?: Pick<Timex, 'text' | 'span' | 'value' | 'anchor' | 'evidence'>;
  /** Human-readable: '"Monday" in an article of 2019-03-05 → 2019-03-04'. */
  evidence: string;
}

/** One summary sentence with everything needed to check it. */
export interface Citation {
  text: string;
  articleId: string;
  source: string;
  title?: string;
  url?: string;
  publishedOn: IsoDay;
  sentenceIndex: number;
  span: Span;
  dating: Dating;
  /** Other articles (ids) that carry the same story, e.g. the same wire copy. */
  alsoIn: string[];
}

export interface EntityCount {
  text: string;
  kind: MentionKind;
  count: number;
}

/** A figure as one outlet reported it about a timeline entry's day. */
export interface QuantityReport {
  text: string;
  value: number;
  approximate: boolean;
  unit: string;
  /**
   * Stemmed words of its sentence that say what the figure measures ("vote" for "members who
   * voted", "offer" for "an offer of 5 percent"); empty when the unit alone says it.
   */
  qualifiers: string[];
  articleId: string;
  source: string;
  /** The day the outlet gave the figure: a later different figure of its own is an update. */
  publishedOn: IsoDay;
}

export interface TimelineEntry {
  date: DateRef;
  /** Why this date was chosen: higher is more important. Comparable within one timeline only. */
  score: number;
  sentences: Citation[];
  entities: EntityCount[];
  quantities: QuantityReport[];
}

export interface TimelineOptions {
  /** Number of dates to keep. */
  dates: number;
  /** Summary sentences per date. */
  sentencesPerDate: number;
  /** Inclusive bounds on entry dates, `YYYY-MM-DD`. */
  from?: IsoDay;
  to?: IsoDay;
  /** Topic words: only sentences/articles matching them are used, and they raise sentence scores. */
  query?: string;
}

export interface Timeline {
  method: string;
  options: TimelineOptions;
  /** Articles considered, after query and date window, and how many were duplicates. */
  stats: { articles: number; sentences: number; duplicates: number };
  entries: TimelineEntry[];
}
