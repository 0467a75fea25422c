// JSON Lines, one article per line, news-tls style: {id?, time|date, title?, text, url?, source?}.
// Files are streamed line by line (and gunzipped on the fly for .gz): each article is handed on as
// soon as its line is read, so a corpus of gigabytes needs memory for what the consumer keeps only.
// A bad line is reported with its number and reading goes on.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Article, ReadResult } from '../model.js';
import {
  collectItems,
  issue,
  makeArticle,
  publicationDay,
  sourceFor,
  type ReadItem,
  type ReadOptions,
} from './reader.js';

/** A file with thousands of bad lines is one problem, not thousands: list the first ones only. */
export const MAX_LISTED_BAD_LINES = 100;

const OPTIONAL_STRING_FIELDS = ['time', 'date', 'title', 'url', 'source'] as const;

export function isJsonlFile(file: string): boolean {
  return /\.(jsonl|ndjson)(\.gz)?$/i.test(file);
}

export async function readJsonlFile(file: string, options: ReadOptions): Promise<ReadResult> {
  return withoutNotes(await collectItems(streamJsonlFile(file, options)));
}

export async function readJsonlLines(
  lines: AsyncIterable<string> | Iterable<string>,
  file: string,
  options: ReadOptions,
): Promise<ReadResult> {
  return withoutNotes(await collectItems(streamJsonlLines(lines, file, options)));
}

/** JSONL yields no notes: its callers get the plain ReadResult they always had. */
function withoutNotes({ articles, skipped }: ReadResult): ReadResult {
  return { articles, skipped };
}

/**
 * Longest JSONL line, in bytes. A line holds one article, and an article's text is cut into parts
 * past MAX_ARTICLE_CHARS (1,000,000 characters); in UTF-8 with JSON escapes that is at most about
 * 6 MB, so 8 MB leaves room for the longest article in any script with its other fields. A longer
 * line is skipped as it streams by, without ever being built into a string (a gzip of a few KB can
 * unpack to a "line" of gigabytes, longer than a string can be).
 */
export const MAX_JSONL_LINE_BYTES = 8 * 1024 * 1024;

/** One line as read: its text (with a note when its bytes were not valid UTF-8), or its length when it was too long to read. */
type RawLine = { text: string; invalidUtf8?: true } | { tooLong: number };

/**
 * The articles and bad lines of a file as they are read. `onBytes` hears how many bytes of the
 * file (compressed bytes for .gz) have been read so far.
 */
export async function* streamJsonlFile(
  file: string,
  options: ReadOptions,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<ReadItem> {
  const raw = createReadStream(file);
  if (onBytes) raw.on('data', () => onBytes(raw.bytesRead));
  // pipeline() destroys the gunzip stream with the file's or the decompressor's error, and the
  // error reaches the loop below, so a corrupt archive ends the read cleanly.
  const input = file.toLowerCase().endsWith('.gz') ? pipeline(raw, createGunzip(), () => undefined) : raw;
  try {
    yield* streamRawLines(boundedLines(input as AsyncIterable<Buffer>, MAX_JSONL_LINE_BYTES), file, options);
  } finally {
    // A consumer that stops early leaves the stream open.
    raw.destroy();
  }
}

export async function* streamJsonlLines(
  lines: AsyncIterable<string> | Iterable<string>,
  file: string,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  async function* raw(): AsyncGenerator<RawLine> {
    for await (const text of lines)
      yield text.length > MAX_JSONL_LINE_BYTES ? { tooLong: Buffer.byteLength(text) } : { text };
  }
  yield* streamRawLines(raw(), file, options);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * The lines of a byte stream, each at most `maxBytes` long: a longer line is counted as it goes by
 * and never held. Lines end at LF; a CR before it is dropped, and a lone CR (old Mac files) also
 * ends a line, as readline would have it.
 */
export async function* boundedLines(
  chunks: AsyncIterable<Buffer | Uint8Array>,
  maxBytes: number,
): AsyncGenerator<RawLine> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let skipping = 0; // bytes of a too-long line passed over so far (0: not skipping)
  let first = true;
  const finish = function* (): Generator<RawLine> {
    if (skipping > 0) {
      yield { tooLong: skipping };
    } else {
      let bytes = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      let text: string;
      let invalid = false;
      try {
        text = strictUtf8.decode(bytes);
      } catch {
        text = lenientUtf8.decode(bytes);
        invalid = true;
      }
      if (first) text = text.replace(/^\uFEFF/, '');
      const pieces = text.includes('\r') ? text.split('\r') : [text];
      for (const piece of pieces) yield invalid ? { text: piece, invalidUtf8: true } : { text: piece };
    }
    first = false;
    held = [];
    heldBytes = 0;
    skipping = 0;
  };
  for await (const chunk of chunks) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    let from = 0;
    while (from < buffer.length) {
      const newline = buffer.indexOf(0x0a, from);
      const end = newline < 0 ? buffer.length : newline;
      const length = end - from;
      if (skipping > 0) skipping += length;
      else if (heldBytes + length > maxBytes) {
        skipping = heldBytes + length;
        held = [];
        heldBytes = 0;
      } else if (length > 0) {
        held.push(buffer.subarray(from, end));
        heldBytes += length;
      }
      if (newline < 0) break;
      yield* finish();
      from = newline + 1;
    }
  }
  if (heldBytes > 0 || skipping > 0) yield* finish();
}

/** A file with thousands of lines of broken UTF-8 is one problem, not thousands of notes. */
const MAX_LISTED_NOTES = 100;

async function* streamRawLines(
  lines: AsyncIterable<RawLine>,
  file: string,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  let lineNumber = 0;
  let listed = 0;
  let unlisted = 0;
  let notes = 0;
  let unlistedNotes = 0;
  let sawContent = false;
  const bad = function* (reason: string): Generator<ReadItem> {
    if (listed < MAX_LISTED_BAD_LINES) {
      listed += 1;
      yield { kind: 'skipped', issue: issue(file, reason, lineNumber) };
    } else unlisted += 1;
  };
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if ('tooLong' in line) {
        yield* bad(
          `line of ${megabytes(line.tooLong)} is over the ${megabytes(MAX_JSONL_LINE_BYTES)} limit for one line: skipped without reading it`,
        );
        continue;
      }
      // A byte-order mark is not JSON, but editors on Windows write one.
      const content = lineNumber === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
      if (content.trim() === '') continue;
      sawContent = true;
      if (lineNumber === 1 && content.includes('\u0000')) {
        yield {
          kind: 'skipped',
          issue: issue(
            file,
            'not UTF-8: NUL bytes on the first line (UTF-16 or binary); JSONL is read as UTF-8, convert the file first',
          ),
        };
        return;
      }
      const outcome = articleFromLine(content, file, lineNumber, options);
      if (typeof outcome === 'string') {
        yield* bad(outcome);
        continue;
      }
      if (line.invalidUtf8) {
        if (notes < MAX_LISTED_NOTES) {
          notes += 1;
          yield {
            kind: 'note',
            issue: issue(file, 'not valid UTF-8: the bad bytes were read as U+FFFD replacement characters', lineNumber),
          };
        } else unlistedNotes += 1;
      }
      yield { kind: 'article', article: outcome };
    }
    if (!sawContent) yield { kind: 'skipped', issue: issue(file, 'empty file (no JSON lines)') };
  } catch (error) {
    yield { kind: 'skipped', issue: issue(file, `reading stopped after line ${lineNumber}: ${streamFailure(error)}`) };
  }
  if (unlisted > 0) yield { kind: 'skipped', issue: issue(file, `${unlisted} more bad lines not listed`) };
  if (unlistedNotes > 0)
    yield { kind: 'note', issue: issue(file, `${unlistedNotes} more lines with invalid UTF-8 not listed`) };
}

function megabytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

function streamFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code?.startsWith('Z_')) return `corrupt or truncated gzip data (${message})`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOENT') return 'no such file or directory';
  return message ?? String(error);
}

/** The article on one line, or why the line cannot be one. */
export function articleFromLine(
  line: string,
  file: string,
  lineNumber: number,
  options: ReadOptions,
): Article | string {
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
