// The one entry point for inputs: files, folders and glob patterns in, articles and a list of
// everything that was skipped (with file, line and why) out. Nothing a user points at can make it
// throw: an unreadable input is reported and the others are still read. streamInputs hands each
// article on as it is found, so memory stays flat however large the input; readInputs gathers them.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Article } from '../model.js';
import { decodeText } from './decode.js';
import { looksLikeFeed, readFeed } from './feed.js';
import { readHtml } from './html.js';
import { isJsonlFile, streamJsonlFile } from './jsonl.js';
import { boundedArticle } from './limits.js';
import {
  collectItems,
  contentId,
  issue,
  skippedOnly,
  type ReadItem,
  type ReadOptions,
  type ReadReport,
  type TextReader,
} from './reader.js';
import { hasSeedHeader, inDayFolder, readPlainText } from './seed.js';

export { readFeed } from './feed.js';
export { readHtml } from './html.js';
export { readJsonlFile, readJsonlLines, streamJsonlFile, streamJsonlLines } from './jsonl.js';
export { readPlainText } from './seed.js';
export type { ReadItem, ReadOptions, ReadReport } from './reader.js';
export { MAX_ARTICLE_CHARS } from './limits.js';
export { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from './html-scan.js';
export { MAX_JSONL_LINE_BYTES } from './jsonl.js';
export {
  parseTimeml,
  readTimemlFile,
  TimemlFormatError,
  type TimemlDct,
  type TimemlDocument,
  type TimemlTimex,
} from './timeml.js';

/** How far streamInputs has got. Sizes are taken when reading starts. */
export interface InputProgress {
  /** Bytes of the input files read so far (compressed bytes for .gz), of `totalBytes`. */
  bytesRead: number;
  totalBytes: number;
  filesDone: number;
  files: number;
  /** Articles yielded so far. */
  articles: number;
}

export interface StreamInputsOptions extends ReadOptions {
  /** Called once the files are known, as a streamed file is read, and after each file; always with the same object, updated in place. */
  onProgress?: (progress: Readonly<InputProgress>) => void;
}

export interface ReadInputsOptions extends ReadOptions {
  /** Called after each file: files done, files found. */
  onProgress?: (done: number, total: number) => void;
}

/** Whole-file formats are read into memory; past this size only JSONL (streamed) is accepted. */
export const MAX_WHOLE_FILE_BYTES = 50 * 1024 * 1024;

const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom']);
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '']);
const GLOB_MAGIC = /[*?[\]{}]/;

export async function readInputs(paths: string[], options: ReadInputsOptions = {}): Promise<ReadReport> {
  const { onProgress, ...readOptions } = options;
  let filesDone = 0;
  const onFile = (progress: Readonly<InputProgress>) => {
    if (progress.filesDone === filesDone) return;
    filesDone = progress.filesDone;
    onProgress?.(progress.filesDone, progress.files);
  };
  return collectItems(streamInputs(paths, { ...readOptions, onProgress: onFile }));
}

/** The articles, skipped inputs and notes of every input, one by one, in path order and then file order. */
export async function* streamInputs(paths: string[], options: StreamInputsOptions = {}): AsyncGenerator<ReadItem> {
  const { onProgress, ...readOptions } = options;
  const files: string[] = [];
  for (const path of paths) {
    const found = await expandPath(path);
    if (typeof found === 'string') yield { kind: 'skipped', issue: issue(path, found) };
    else {
      files.push(...found.files);
      for (const problem of found.problems) yield { kind: 'skipped', issue: problem };
    }
  }
  const unique = [...new Set(files.map((file) => normalize(file)))];
  const sizes = await Promise.all(unique.map(sizeOf));
  const progress: InputProgress = {
    bytesRead: 0,
    totalBytes: sizes.reduce((sum, size) => sum + size, 0),
    filesDone: 0,
    files: unique.length,
    articles: 0,
  };
  onProgress?.(progress);
  const firstById = new Map<string, FirstUse>();
  for (const [index, file] of unique.entries()) {
    const before = progress.bytesRead;
    const size = sizes[index]!;
    const onBytes = (bytesRead: number) => {
      // A file that grows while it is read must not take the count past the total.
      progress.bytesRead = before + Math.min(bytesRead, size);
      onProgress?.(progress);
    };
    for await (const item of streamInputFile(file, readOptions, onBytes)) {
      if (item.kind !== 'article') yield item;
      else {
        for (const outcome of unlessDuplicate(item.article, firstById)) {
          if (outcome.kind === 'article') progress.articles += 1;
          yield outcome;
        }
      }
    }
    progress.bytesRead = before + size;
    progress.filesDone += 1;
    onProgress?.(progress);
  }
}

/** A file's size for progress; one that cannot be read counts for nothing (reading it says why). */
async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/**
 * What duplicate handling keeps of the first article under each id for the whole read: enough to
 * recognise a repeat and to say where the first one was, in a few dozen bytes. Not the article,
 * whose text would stay in memory; `file` is the string all articles of that file share.
 */
interface FirstUse {
  textHash: number;
  file: string;
  /** 0 for whole-file formats, whose articles have no line. */
  line: number;
}

/**
 * 48 bits of the text's sha256, as a number because a string takes more room. Only texts under
 * one id are compared, so a collision is out of reach.
 */
function textHash(text: string): number {
  return createHash('sha256').update(text).digest().readUIntBE(0, 6);
}

/**
 * Ids are the store's keys. The same id on the same text is a repeat (one export read twice) and
 * is set aside; the same id on a different text is a collision between two id schemes (Timeline17
 * numbers files per topic, so two topics both have a "1208"), and both articles are real: the
 * later one gets an id qualified by its content, and a note says so.
 */
function* unlessDuplicate(article: Article, firstById: Map<string, FirstUse>): Generator<ReadItem> {
  const hash = textHash(article.text);
  const first = firstById.get(article.id);
  if (!first) {
    firstById.set(article.id, { textHash: hash, file: article.origin.file, line: article.origin.line ?? 0 });
    yield { kind: 'article', article };
    return;
  }
  const where = first.line === 0 ? first.file : `${first.file}:${first.line}`;
  if (first.textHash === hash) {
    yield {
      kind: 'skipped',
      issue: issue(article.origin.file, `duplicate id ${article.id} (first at ${where})`, article.origin.line),
    };
    return;
  }
  const qualified = `${article.id}@${contentId(article.source, article.publishedOn, article.text)}`;
  yield {
    kind: 'note',
    issue: issue(
      article.origin.file,
      `id ${article.id} is already used by a different article (first at ${where}); kept as ${qualified}`,
      article.origin.line,
    ),
  };
  yield* unlessDuplicate({ ...article, id: qualified }, firstById);
}

/** One file, whatever its format. */
export async function readInputFile(file: string, options: ReadOptions = {}): Promise<ReadReport> {
  return collectItems(streamInputFile(file, options));
}

/**
 * The items of one file, each article held to the budgets of limits.ts (control characters out,
 * long texts split).
 */
async function* streamInputFile(
  file: string,
  options: ReadOptions,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<ReadItem> {
  for await (const item of readerItems(file, options, onBytes)) {
    if (item.kind === 'article') yield* boundedArticle(item.article);
    else yield item;
  }
}

/**
 * The items of one file as its reader gives them: JSONL as it is read, other formats once the
 * whole file is. `onBytes` hears bytes read so far. Readers report what they cannot read; should
 * one throw all the same (a parser's own limit, a stack overflow), the file is skipped with that
 * reason and the run goes on.
 */
async function* readerItems(
  file: string,
  options: ReadOptions,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<ReadItem> {
  if (isJsonlFile(file)) {
    let lines = 0;
    try {
      for await (const item of streamJsonlFile(file, options, onBytes)) {
        lines += 1;
        yield item;
      }
    } catch (error) {
      yield { kind: 'skipped', issue: issue(file, `reading stopped after ${lines} item(s): ${readerFailure(error)}`) };
    }
    return;
  }
  let result: ReadReport;
  try {
    result = await readWholeFile(file, options);
  } catch (error) {
    result = { ...skippedOnly(issue(file, `could not be read: ${readerFailure(error)}`)), notes: [] };
  }
  for (const article of result.articles) yield { kind: 'article', article };
  for (const skipped of result.skipped) yield { kind: 'skipped', issue: skipped };
  for (const note of result.notes) yield { kind: 'note', issue: note };
}

async function readWholeFile(file: string, options: ReadOptions): Promise<ReadReport> {
  const skip = (reason: string): ReadReport => ({ ...skippedOnly(issue(file, reason)), notes: [] });
  let bytes: Buffer;
  try {
    const { size } = await stat(file);
    if (size > MAX_WHOLE_FILE_BYTES) {
      return skip(
        `too large (${Math.round(size / 2 ** 20)} MB): whole-file formats are limited to 50 MB; convert it to JSONL, which is streamed`,
      );
    }
    bytes = await readFile(file);
  } catch (error) {
    return skip(fileSystemFailure(error));
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return skip(decoded.reason);
  const reader = readerFor(file, decoded.text);
  if (typeof reader === 'string') return skip(reader);
  const notes = decoded.note ? [issue(file, decoded.note)] : [];
  const read = reader(decoded.text, file, options);
  return { articles: read.articles, skipped: read.skipped, notes: [...notes, ...(read.notes ?? [])] };
}

/** A reader's exception as a reason: what a user can act on, not a stack. */
function readerFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return 'too deeply nested to read (the parser ran out of stack)';
  if (error instanceof RangeError && /string length/i.test(error.message))
    return 'a piece of it is larger than a string can hold';
  return error instanceof Error ? error.message : String(error);
}

/** The reader for a file: by extension, and by content where the extension says little. */
function readerFor(file: string, text: string): TextReader | string {
  const extension = extname(file).toLowerCase();
  if (HTML_EXTENSIONS.has(extension)) return readHtml;
  if (FEED_EXTENSIONS.has(extension) || looksLikeFeed(text)) return readFeed;
  if (TEXT_EXTENSIONS.has(extension)) return readPlainText;
  if (/^\s*<(!doctype html|html)[\s>]/i.test(text)) return readHtml;
  if (hasSeedHeader(text) || inDayFolder(file)) return readPlainText;
  return `unsupported file type '${extension}' (expected .jsonl, .jsonl.gz, .ndjson, .html, .htm, .xml, .rss, .atom, .txt, .md or a ' date YYYY-MM-DD' text file)`;
}

/** The files found under a path, and the folders under it that could not be read (with why). */
interface Found {
  files: string[];
  problems: ReturnType<typeof issue>[];
}

/** The files a path stands for, or why it stands for none. */
async function expandPath(path: string): Promise<Found | string> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    if (GLOB_MAGIC.test(path)) return expandGlob(path);
    return fileSystemFailure(error);
  }
  if (!isDirectory) return { files: [path], problems: [] };
  const found: Found = { files: [], problems: [] };
  try {
    await walk(path, Infinity, found);
  } catch (error) {
    return fileSystemFailure(error);
  }
  return found;
}

async function expandGlob(pattern: string): Promise<Found | string> {
  const normalized = normalize(pattern);
  const segments = normalized.split(sep);
  const literal = segments.findIndex((segment) => GLOB_MAGIC.test(segment));
  const base = segments.slice(0, literal).join(sep) || (normalized.startsWith(sep) ? sep : '.');
  // Without "**" a pattern cannot match deeper than it has segments: do not walk further.
  const depth = normalized.includes('**') ? Infinity : segments.length - literal - 1;
  const matcher = globToRegExp(normalized);
  const found: Found = { files: [], problems: [] };
  try {
    await walk(base, depth, found);
  } catch (error) {
    return fileSystemFailure(error);
  }
  const matches = found.files.filter((file) => matcher.test(file));
  return matches.length > 0 || found.problems.length > 0
    ? { files: matches, problems: found.problems }
    : 'no files match this pattern';
}

/** Glob syntax: *, ?, [abc], [!abc], {a,b} and ** for any number of folders. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let openBraces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (pattern.startsWith('**/', i)) {
      source += '(?:[^/]+/)*';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (char === '{') {
      source += '(?:';
      openBraces += 1;
    } else if (char === '}' && openBraces > 0) {
      source += ')';
      openBraces -= 1;
    } else if (char === ',' && openBraces > 0) source += '|';
    else source += char.replace(/[.+^$()|\\{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

// A corpus folder's own documentation (README.md, LICENSE) describes the articles; it is not one.
const FOLDER_DOCUMENTATION = /^(readme|license|licence|changelog)(\.[a-z]+)?$/i;

/**
 * Every file under a folder, in name order, leaving out hidden files and folders (".git") and the
 * folder's documentation files. A file named on the command line is always read. The folder
 * itself must be readable (its failure is thrown); a subfolder that is not is reported in
 * `found.problems` and the rest of the tree is still walked.
 */
async function walk(dir: string, depth: number, found: Found): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.') || FOLDER_DOCUMENTATION.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth <= 0) continue;
      try {
        await walk(path, depth - 1, found);
      } catch (error) {
        found.problems.push(issue(path, `folder not read: ${fileSystemFailure(error)}`));
      }
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileLink(path)))) {
      found.files.push(path);
    }
  }
}

/** Symbolic links to files are followed; links to folders are not, so a link loop cannot hang. */
async function isFileLink(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function fileSystemFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return message ?? String(error);
}
