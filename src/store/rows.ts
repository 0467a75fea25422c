// Rows back to the model, shared by the SQLite and PostgreSQL stores (their tables have the same
// columns). Absent optional fields stay absent (not `undefined`), so what comes out is deep-equal
// to what went in.
import type { Article, Sentence } from '../model.js';
import type { SentenceHit } from './store.js';

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

/** The sentence columns both stores keep, besides the annotations. */
export interface SentenceColumns {
  idx: number;
  span_start: number;
  span_end: number;
  text: string;
}

/** What the annotations column holds: the parts of a Sentence the annotator adds to its text. */
export type SentenceAnnotations = Pick<Sentence, 'tokens' | 'timexes' | 'mentions' | 'quantities'>;

export function annotationsOf({ tokens, timexes, mentions, quantities }: Sentence): SentenceAnnotations {
  return { tokens, timexes, mentions, quantities };
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

export function toSentence(row: SentenceColumns, { tokens, timexes, mentions, quantities }: SentenceAnnotations): Sentence {
  return { index: row.idx, text: row.text, span: { start: row.span_start, end: row.span_end }, tokens, timexes, mentions, quantities };
}

/** A full-text hit as both stores' search queries return it. */
export interface SentenceHitRow {
  article_id: string;
  idx: number;
  text: string;
  published_on: string;
  source: string;
  rank: number;
}

export function toSentenceHit(row: SentenceHitRow): SentenceHit {
  return { articleId: row.article_id, sentenceIndex: row.idx, text: row.text, publishedOn: row.published_on, source: row.source, rank: row.rank };
}
