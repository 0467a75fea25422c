// What every format reader shares: the options they honour, the shape of their answer, and how
// an Article is completed when the input leaves fields out.
import { createHash } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { Article, IsoDay, ReadIssue, ReadResult } from '../model.js';
import { parseDay, type DayParse } from './day.js';
import { parseHtmlDocument } from './dom.js';
import { measureHtml, plainTextOfHtml } from './html-scan.js';

export interface ReadOptions {
  /** The outlet for inputs that do not name one (otherwise the file's folder name is used). */
  defaultSource?: string;
  /** The publication day for inputs that carry none (otherwise such inputs are skipped). */
  defaultDate?: IsoDay;
}

/** A ReadResult plus notes: things that were read, but that a careful user wants to hear about. */
export interface ReadReport extends ReadResult {
  notes: ReadIssue[];
}

/** One thing found while reading, in input order: an article, an input that was skipped, or a note. */
export type ReadItem =
  { kind: 'article'; article: Article } | { kind: 'skipped'; issue: ReadIssue } | { kind: 'note'; issue: ReadIssue };

/** Everything a stream of items holds, gathered into one report. */
export async function collectItems(items: AsyncIterable<ReadItem>): Promise<ReadReport> {
  const report: ReadReport = { articles: [], skipped: [], notes: [] };
  for await (const item of items) {
    if (item.kind === 'article') report.articles.push(item.article);
    else if (item.kind === 'skipped') report.skipped.push(item.issue);
    else report.notes.push(item.issue);
  }
  return report;
}

/** What a reader hands back: articles, skipped inputs, and notes on what was read but changed. */
export interface ReaderResult extends ReadResult {
  notes?: ReadIssue[];
}

/** A whole-file reader: the decoded text of one file in, its articles and problems out. */
export type TextReader = (text: string, file: string, options: ReadOptions) => ReaderResult;

/** An Article whose input may not carry an id. */
export type ArticleFields = Omit<Article, 'id'> & { id?: string };

/**
 * Completes an article: an id derived from the content when the input has none (so re-reading the
 * same input gives the same ids), and no keys for absent optional fields (so articles compare and
 * serialise cleanly).
 */
export function makeArticle(fields: ArticleFields): Article {
  const article: Article = {
    id: fields.id ?? contentId(fields.source, fields.publishedOn, fields.text),
    source: fields.source,
    publishedOn: fields.publishedOn,
    text: fields.text,
    origin: fields.origin,
  };
  const title = fields.title === undefined ? undefined : withoutControls(fields.title);
  if (title) article.title = title;
  if (fields.url) article.url = fields.url;
  article.source = withoutControls(article.source) || 'unknown';
  return article;
}

/** A short sha256 of what makes an article itself: who published what on which day. */
export function contentId(source: string, publishedOn: IsoDay, text: string): string {
  return createHash('sha256').update(`${source}\n${publishedOn}\n${text}`).digest('hex').slice(0, 16);
}

/** The folder a file sits in, as the outlet name of last resort ("harbour-gazette/a.txt"). */
export function folderSource(file: string): string {
  return basename(dirname(file)) || 'unknown';
}

export function sourceFor(file: string, options: ReadOptions, named?: string): string {
  return nonEmpty(named) ?? nonEmpty(options.defaultSource) ?? folderSource(file);
}

// C0 and C1 control characters other than tab, line feed, form feed and carriage return: no text
// is written with them, and printed to a terminal they move the cursor or fake lines.
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** The number of control characters (see CONTROLS) in a text. */
export function countControls(text: string): number {
  return text.match(CONTROLS)?.length ?? 0;
}

/** A text without control characters (see CONTROLS). */
export function removeControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** A one-line field (title, outlet) with control characters and line breaks as single spaces. */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

export function nonEmpty(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function issue(file: string, reason: string, line?: number): ReadIssue {
  return line === undefined ? { file, reason } : { file, line, reason };
}

export function skippedOnly(reason: ReadIssue): ReadResult {
  return { articles: [], skipped: [reason] };
}

/**
 * The publication day of one input: its own date when it has one, else the user's default day.
 * A date that is present but wrong is never replaced by the default: that is a data error to report.
 */
export function publicationDay(raw: string | undefined, options: ReadOptions, whenMissing: string): DayParse {
  if (raw !== undefined && raw.trim() !== '') return parseDay(raw);
  return options.defaultDate ? { ok: true, day: options.defaultDate } : { ok: false, reason: whenMissing };
}

// Elements that start a new line of text in a browser; without the breaks, textContent runs the
// last sentence of one paragraph into the first of the next ("...said.About 500...").
const BLOCK_ELEMENTS =
  'p, div, li, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, table, tr, section, article, header, footer, figure, figcaption, dl, dt, dd';

/**
 * Readable text of an HTML fragment: paragraphs separated by blank lines, no scripts or styles.
 * A fragment too deep or too large for a DOM in good time (see html-scan.ts) is read in one pass.
 */
export function htmlToText(html: string): string {
  if (measureHtml(html).over) return linearHtmlText(html);
  const document = parseHtmlDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const body = document.body;
  for (const hidden of body.querySelectorAll('script, style, noscript, template')) hidden.remove();
  for (const br of body.querySelectorAll('br')) br.replaceWith('\n');
  for (const block of body.querySelectorAll(BLOCK_ELEMENTS)) {
    block.before('\n\n');
    block.after('\n\n');
  }
  return tidyWhitespace(body.textContent ?? '');
}

/** The same text as htmlToText, in one pass over the markup and without a DOM (for pages over budget). */
export function linearHtmlText(html: string): string {
  return tidyWhitespace(decodeEntities(plainTextOfHtml(html)));
}

/** Character references (&amp;, &eacute;, &#8217;) decoded by the HTML parser: a text without tags parses in linear time. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const document = parseHtmlDocument(
    `<!doctype html><html><head></head><body>${text.replaceAll('<', '&lt;')}</body></html>`,
  );
  return document.body.textContent ?? '';
}

/** Single spaces within lines, at most one blank line between paragraphs, nothing at either end. */
export function tidyWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
