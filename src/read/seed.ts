// Plain-text articles. Two layouts carry the publication day: the seed format, whose first line is
// " date YYYY-MM-DD" followed by the text, and the tilse / Timeline17 folder layout
// (<source>/InputDocs/<YYYY-MM-DD>/<id>.txt), where the folder a file sits in is its day.
import { basename, dirname } from 'node:path';
import type { ReadIssue } from '../model.js';
import { headlineOf } from './headline.js';
import { outletFromText } from './outlet.js';
import {
  folderSource,
  issue,
  makeArticle,
  nonEmpty,
  publicationDay,
  skippedOnly,
  type ReaderResult,
  type ReadOptions,
} from './reader.js';

// The text may continue on the header line itself (seed files do that).
const SEED_HEADER = /^[ \t]*date[ \t]+(\S+)[ \t]*(?:\r?\n)?/;
const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

export const NO_PLAIN_TEXT_DATE =
  "no publication date: expected a ' date YYYY-MM-DD' first line or a YYYY-MM-DD parent folder";

export function hasSeedHeader(text: string): boolean {
  return SEED_HEADER.test(text);
}

/** True when the file sits in a YYYY-MM-DD folder, i.e. uses the tilse / Timeline17 layout. */
export function inDayFolder(file: string): boolean {
  return DAY_FOLDER.test(basename(dirname(file)));
}

export function readPlainText(text: string, file: string, options: ReadOptions): ReaderResult {
  const header = SEED_HEADER.exec(text);
  if (header) return oneArticle(file, header[1], text.slice(header[0].length), options, 1);
  if (inDayFolder(file)) {
    // The tilse / Timeline17 layout names its outlet by folder on purpose: the text is not asked.
    const source = nonEmpty(options.defaultSource) ?? dayFolderSource(file);
    return oneArticle(file, basename(dirname(file)), text, options, undefined, source);
  }
  return oneArticle(file, undefined, text, options);
}

function oneArticle(
  file: string,
  rawDay: string | undefined,
  body: string,
  options: ReadOptions,
  dateLine?: number,
  source?: string,
): ReaderResult {
  const day = publicationDay(rawDay, options, NO_PLAIN_TEXT_DATE);
  if (!day.ok) return skippedOnly(issue(file, day.reason, dateLine));
  const text = body.trim();
  if (!text) return skippedOnly(issue(file, 'empty text'));
  const outlet = source === undefined ? outletOf(text, file, options) : { source, notes: [] };
  const title = headlineOf(text);
  const article = makeArticle({
    source: outlet.source,
    publishedOn: day.day,
    text,
    origin: { file },
    ...(title !== undefined && { title }),
  });
  return { articles: [article], skipped: [], notes: outlet.notes };
}

/**
 * The outlet of a plain-text article: the one the user gave, else a well-known agency the text
 * names (with a note saying where), else the folder the file sits in.
 */
function outletOf(text: string, file: string, options: ReadOptions): { source: string; notes: ReadIssue[] } {
  const given = nonEmpty(options.defaultSource);
  if (given !== undefined) return { source: given, notes: [] };
  const found = outletFromText(text);
  if (found === undefined) return { source: folderSource(file), notes: [] };
  const note = `outlet '${found.outlet}' taken from the ${found.how} "${found.words}", not from the folder '${folderSource(file)}'`;
  return { source: found.outlet, notes: [issue(file, note)] };
}

/**
 * In <source>/InputDocs/<day>/<file> the outlet is the folder above the day folder, passing over
 * the "InputDocs" level Timeline17 puts in between.
 */
function dayFolderSource(file: string): string {
  let dir = dirname(dirname(file));
  if (basename(dir).toLowerCase() === 'inputdocs') dir = dirname(dir);
  return nonEmpty(basename(dir)) ?? 'unknown';
}
