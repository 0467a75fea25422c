// JSON Lines, one article per line, news-tls style: {id?, time|date, title?, text, url?, source?}.
// Files are streamed line by line (and gunzipped on the fly for .gz): each article is handed on as
// soon as its line is read, so a corpus of gigabytes needs memory for what the consumer keeps only.
// A bad line is reported with its number and reading goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Article, ReadResult } from '../model.js';
import { collectItems, issue, makeArticle, publicationDay, sourceFor, type ReadItem, type ReadOptions } from './reader.js';

/** A file with thousands of bad lines is one problem, not thousands: list the first ones only. */
export const MAX_LISTED_BAD_LINES = 100;

const OPTIONAL_STRING_FIELDS = ['time', 'date', 'title', 'url', 'source'] as const;

export function isJsonlFile(file: string): boolean {
  return /\.(jsonl|ndjson)(\.gz)?$/i.test(file);
}

export async function readJsonlFile(file: string, options: ReadOptions): Promise<ReadResult> {
  return withoutNotes(await collectItems(streamJsonlFile(file, options)));
}

export async function readJsonlLines(lines: AsyncIterable<string> | Iterable<string>, file: string, options: ReadOptions): Promise<ReadResult> {
  return withoutNotes(await collectItems(streamJsonlLines(lines, file, options)));
}

/** JSONL yields no notes: its callers get the plain ReadResult they always had. */
function withoutNotes({ articles, skipped }: ReadResult): ReadResult {
  return { articles, skipped };
}

/**
 * The articles and bad lines of a file as they are read. `onBytes` hears how many bytes of the
 * file (compressed bytes for .gz) have been read so far.
 */
export async function* streamJsonlFile(file: string, options: ReadOptions, onBytes?: (bytesRead: number) => void): AsyncGenerator<ReadItem> {
  const raw = createReadStream(file);
  if (onBytes) raw.on('data', () => onBytes(raw.bytesRead));
  // pipeline() destroys the gunzip stream with the file's or the decompressor's error, and
  // readline passes that error on to the loop, so a corrupt archive ends the read cleanly.
  const input = file.toLowerCase().endsWith('.gz') ? pipeline(raw, createGunzip(), () => undefined) : raw;
  try {
    yield* streamJsonlLines(createInterface({ input, crlfDelay: Infinity }), file, options);
  } finally {
    // A consumer that stops early closes readline only, which leaves the file open.
    raw.destroy();
  }
}

export async function* streamJsonlLines(lines: AsyncIterable<string> | Iterable<string>, file: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  let lineNumber = 0;
  let listed = 0;
  let unlisted = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      // A byte-order mark is not JSON, but editors on Windows write one.
      const content = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (content.trim() === '') continue;
      const outcome = articleFromLine(content, file, lineNumber, options);
      if (typeof outcome !== 'string') yield { kind: 'article', article: outcome };
      else if (listed < MAX_LISTED_BAD_LINES) {
        listed += 1;
        yield { kind: 'skipped', issue: issue(file, outcome, lineNumber) };
      } else unlisted += 1;
    }
  } catch (error) {
    yield { kind: 'skipped', issue: issue(file, `reading stopped after line ${lineNumber}: ${streamFailure(error)}`) };
  }
  if (unlisted > 0) yield { kind: 'skipped', issue: issue(file, `${unlisted} more bad lines not listed`) };
}

function streamFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code?.startsWith('Z_')) return `corrupt or truncated gzip data (${message})`;
  return message ?? String(error);
}

/** The article on one line, or why the line cannot be one. */
export function articleFromLine(line: string, file: string, lineNumber: number, options: ReadOptions): Article | string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return `invalid JSON: ${(error as Error).message}`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return `expected a JSON object, got ${describeType(record)}`;
  }
  const fields = record as Record<string, unknown>;
  const strings: Partial<Record<(typeof OPTIONAL_STRING_FIELDS)[number], string>> = {};
  for (const name of OPTIONAL_STRING_FIELDS) {
    const value = fields[name];
    if (typeof value === 'string') strings[name] = value;
    else if (value !== undefined && value !== null) return `'${name}' must be a string, got ${describeType(value)}`;
  }
  const { id, text } = fields;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    return `'id' must be a string or a number, got ${describeType(id)}`;
  }
  if (text === undefined || text === null) return "missing 'text'";
  if (typeof text !== 'string') return `'text' must be a string, got ${describeType(text)}`;
  if (text.trim() === '') return "empty 'text'";
  const day = publicationDay(strings.time ?? strings.date, options, "missing date (expected a 'time' or 'date' field)");
  if (!day.ok) return day.reason;
  return makeArticle({
    id: id === undefined || id === null || id === '' ? undefined : String(id),
    source: sourceFor(file, options, strings.source),
    publishedOn: day.day,
    title: strings.title?.trim(),
    url: strings.url?.trim(),
    text,
    origin: { file, line: lineNumber },
  });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
