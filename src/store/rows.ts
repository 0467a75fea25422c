// Rows back to the model, shared by the SQLite and PostgreSQL stores (their tables have the same
// columns). Absent optional fields stay absent (not `undefined`), so what comes out is deep-equal
// to what went in.
import type { Article, DateRef, DateSignal, Granularity, GroupMember, IsoDay, Sentence } from '../model.js';
import type { ArticleSummary } from './store.js';

/** The article columns both stores keep. */
export interface ArticleColumns {
  id: string;
  source: string;
  published_on: string;
  title: string | null;
  url: string | null;
  text: string;
  origin_file: string;
  origin_line: number | null;
}

/**
 * A sentence as the stores keep it: its span and what the annotator found in it. Its text is not
 * kept, as it is the article's text sliced at the span (see model.ts); its index is its position.
 * Both stores keep an article's sentences together, as one document: every reader wants them
 * all, and one document per article cost a row and a copy of the text per sentence.
 */
export interface StoredSentence {
  span: [number, number];
  tokens: Sentence['tokens'];
  timexes: Sentence['timexes'];
  mentions: Sentence['mentions'];
  quantities: Sentence['quantities'];
}

export function storedSentences(sentences: readonly Sentence[]): StoredSentence[] {
  return sentences.map(({ span, tokens, timexes, mentions, quantities }) => ({
    span: [span.start, span.end],
    tokens,
    timexes,
    mentions,
    quantities,
  }));
}

export function sentencesFrom(text: string, stored: readonly StoredSentence[]): Sentence[] {
  return stored.map(({ span: [start, end], tokens, timexes, mentions, quantities }, index) => ({
    index,
    text: text.slice(start, end),
    span: { start, end },
    tokens,
    timexes,
    mentions,
    quantities,
  }));
}

/** How many temporal expressions the sentences hold: kept beside them, so counting reads no document. */
export function timexCount(sentences: readonly Sentence[]): number {
  return sentences.reduce((n, s) => n + s.timexes.length, 0);
}

/** The values of the article columns, in their order (id, content_hash, source, …, origin_line), for an insert. */
export function articleColumnValues(article: Article, storedId: string, contentHash: string): unknown[] {
  const { source, publishedOn, title, url, text, origin } = article;
  return [
    storedId,
    contentHash,
    source,
    publishedOn,
    title ?? null,
    url ?? null,
    text,
    origin.file,
    origin.line ?? null,
  ];
}

/** Rows in the order every article query returns them: publication day, then id. */
export function inPublicationOrder<Row extends ArticleColumns>(rows: Iterable<Row>): Row[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => compare(a.published_on, b.published_on) || compare(a.id, b.id));
}

export function toArticle(row: ArticleColumns): Article {
  const article: Article = {
    id: row.id,
    source: row.source,
    publishedOn: row.published_on,
    text: row.text,
    origin: row.origin_line === null ? { file: row.origin_file } : { file: row.origin_file, line: row.origin_line },
  };
  if (row.title !== null) article.title = row.title;
  if (row.url !== null) article.url = row.url;
  return article;
}

/** A stored article as duplicate grouping sees it, with the key the store indexes it by. */
export interface MemberRow {
  seq: number | string;
  id: string;
  published_on: string;
  content_hash: string;
}

export function toGroupMember(row: MemberRow): GroupMember {
  return { id: row.id, publishedOn: row.published_on, contentHash: row.content_hash };
}

/** What an article list shows of an article, from its stored row and sentences. */
export function toSummary(row: ArticleColumns, sentences: readonly StoredSentence[]): ArticleSummary {
  const opening = sentences[0]?.span;
  return {
    id: row.id,
    source: row.source,
    publishedOn: row.published_on,
    ...(row.title !== null && { title: row.title }),
    sentences: sentences.length,
    opening: opening ? row.text.slice(opening[0], opening[1]) : '',
  };
}

/** A date an article refers to, as the date-reference index keeps it. */
export interface DateReference extends DateRef {
  /** Referred to ahead of the article's publication: a plan or a forecast. */
  planned: boolean;
}

/** The distinct dates an article refers to. "Ahead" compares the values as strings, as the timeline methods do. */
export function dateReferences(publishedOn: IsoDay, sentences: readonly Sentence[]): DateReference[] {
  const found = new Map<string, DateReference>();
  for (const sentence of sentences) {
    for (const { refersTo } of sentence.timexes) {
      if (refersTo)
        found.set(`${refersTo.granularity}:${refersTo.value}`, { ...refersTo, planned: refersTo.value > publishedOn });
    }
  }
  return [...found.values()];
}

/** A date-signal row, as both stores' signal queries return it (PostgreSQL's sums arrive as strings). */
export interface DateSignalRow {
  date: string;
  granularity: Granularity;
  published: number | string;
  reported: number | string;
  planned: number | string;
}

export function toDateSignal(row: DateSignalRow): DateSignal {
  return {
    date: { value: row.date, granularity: row.granularity },
    published: Number(row.published),
    reported: Number(row.reported),
    planned: Number(row.planned),
  };
}
