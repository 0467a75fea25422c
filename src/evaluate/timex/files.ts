// File and folder side of TempEval-3 Task A: tagging TE3input files and scoring folders of output.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IsoDay } from '../../model.js';
import { readTimemlFile } from '../../read/index.js';
import { annotateTimemlText } from '../../pipeline.js';
import { scoreTimex, type NamedTimeml, type TimexScore } from './score.js';

const TIMEML_FILE = /\.(tml|TE3input|xml)$/;

/** The TimeML files of a folder (`.tml`, `.TE3input`, `.xml`), sorted; a file path is itself. */
export function timemlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => TIMEML_FILE.test(name))
    .sort()
    .map((name) => join(path, name));
}

/** The output name that pairs with the gold file: `doc.tml.TE3input` → `doc.tml`. */
export function timemlOutputName(inputPath: string): string {
  return basename(inputPath).replace(/\.TE3input$/, '');
}

export interface AnnotateTimemlOptions {
  /** Reference date used instead of the document's own <DCT>. */
  dct?: IsoDay;
}

/** A TimeML / TE3input file tagged with the project's temporal tagger, as TimeML text. */
export async function annotateTimemlFile(path: string, options: AnnotateTimemlOptions = {}): Promise<string> {
  try {
    return await annotateTimemlText(readFileSync(path, 'utf8'), options.dct);
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export interface WrittenTimeml {
  input: string;
  output: string;
}

/** Tags one file or every TimeML file of a folder and writes each to `outDir` under its output name. */
export async function annotateTimemlPath(
  path: string,
  outDir: string,
  options: AnnotateTimemlOptions = {},
): Promise<WrittenTimeml[]> {
  mkdirSync(outDir, { recursive: true });
  const written: WrittenTimeml[] = [];
  for (const input of timemlFiles(path)) {
    const output = join(outDir, timemlOutputName(input));
    writeFileSync(output, await annotateTimemlFile(input, options));
    written.push({ input, output });
  }
  return written;
}

function readNamed(paths: readonly string[]): NamedTimeml[] {
  return paths.map((path) => ({ name: basename(path), document: readTimemlFile(path) }));
}

/**
 * Scores a folder of system output against a folder of gold `.tml` files, paired by file name
 * (every gold file needs a system file of the same name, as in the TE3 toolkit).
 */
export function scoreTimexDirs(goldDir: string, predDir: string): TimexScore {
  const goldPaths = timemlFiles(goldDir).filter((path) => path.endsWith('.tml'));
  if (goldPaths.length === 0) throw new Error(`${goldDir}: no gold .tml files`);
  const predictedNames = new Set(readdirSync(predDir));
  const missing = goldPaths.map((path) => basename(path)).filter((name) => !predictedNames.has(name));
  if (missing.length > 0) {
    throw new Error(
      `${predDir}: no system file for ${missing.length} gold file(s), e.g. ${missing.slice(0, 3).join(', ')}`,
    );
  }
  return scoreTimex(readNamed(goldPaths), readNamed(goldPaths.map((path) => join(predDir, basename(path)))));
}
