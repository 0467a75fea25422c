// The two word lists ROUGE-1.5.5 consults under `-s -m`. They live in the shared data folder and
// are read at run time only: the project does not ship copies of them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findShared } from '../../shared-data.js';

export interface RougeResources {
  /** SMART common words (ROUGE's `smart_common_words.txt`), removed before stemming. */
  stopwords: ReadonlySet<string>;
  /** WordNet 2.0 exceptions (`mice` → `mouse`); the value replaces the Porter stem. */
  exceptions: ReadonlyMap<string, string>;
}

const STOPWORDS_FILE = 'smart_common_words.txt';
const EXCEPTIONS_FILE = 'wordnet-2.0-exceptions.tsv';

/** Parses the stopword file: one entry per line, compared byte-for-byte with ROUGE's tokens. */
export function parseStopwords(text: string): Set<string> {
  return new Set(text.split('\n').filter((line) => line !== ''));
}

/** Parses the exception dump: `key<TAB>value` per line. */
export function parseExceptions(text: string): Map<string, string> {
  const exceptions = new Map<string, string>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${EXCEPTIONS_FILE} line ${index + 1}: expected key<TAB>value`);
    exceptions.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return exceptions;
}

/**
 * Reads the stopwords and the WordNet exceptions from `dir` (default: the shared `data/rouge`
 * folder). Throws an error that names the missing file and how to provide it.
 */
export function loadRougeResources(dir?: string): RougeResources {
  let folder = dir;
  if (folder === undefined) {
    const found = findShared('data', 'rouge');
    if (!found.ok) throw new Error(`ROUGE resources unavailable: ${found.message}`);
    folder = found.path;
  }
  const read = (name: string): string => {
    const path = join(folder, name);
    if (!existsSync(path))
      throw new Error(
        `ROUGE resources unavailable: ${path} not found (it comes from ROUGE-1.5.5's data folder, see shared/data/rouge/README.md).`,
      );
    return readFileSync(path, 'utf8');
  };
  return { stopwords: parseStopwords(read(STOPWORDS_FILE)), exceptions: parseExceptions(read(EXCEPTIONS_FILE)) };
}
