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
  /** The outlet ("AP", "AFP", "harbour-gazette"); the input's source field or the file's folder. */
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
// Duplicates

/** Articles that tell the same story (the same wire copy on several sites). */
export interface DuplicateGroup {
  /** The earliest article of the group: the one counted as evidence. */
  representativeId: string;
  memberIds: string[];
  kind: 'exact' | 'near';
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

export interface QuantityReport {
  text: string;
  value: number;
  approximate: boolean;
  unit: string;
  articleId: string;
  source: string;
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
