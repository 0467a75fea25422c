// Uploaded or pasted articles go through the same readers and ingest as files on the command
// line: each is written to a private temporary folder and ingested on its own, so one bad file
// is reported with its reasons while the others are still stored.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { IngestPool } from '../ingest/pool.js';
import { ingest } from '../pipeline.js';
import type { Store } from '../store/store.js';
import type { UploadFile } from './schemas.js';

export interface FileProblem {
  line?: number;
  reason: string;
}

export interface UploadedFileReport {
  name: string;
  read: number;
  added: number;
  alreadyStored: number;
  skipped: FileProblem[];
}

/**
 * The folder uploads are written to: plain texts that name no outlet (and whose text names no
 * agency) are stored as from "upload". An outlet the user typed is handed to the reader as data,
 * never made into a path, so "Le Monde", "Reuters/AP" and "Süddeutsche Zeitung" stay as written.
 */
const UPLOAD_FOLDER = 'upload';

/**
 * A file name safe to create: no folders, no dot-files, only plain characters. The extension is
 * kept because it picks the reader (.jsonl, .html, .xml, .txt).
 */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replaceAll('\\', '/'))
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[.-]+/, '');
  return cleaned || 'article.txt';
}

/** Stores the files, annotating them on `pool` when given (the server's threads, so reads are not held up). */
export async function ingestUploads(
  files: UploadFile[],
  store: Store,
  pool?: IngestPool,
): Promise<UploadedFileReport[]> {
  const dir = await mkdtemp(join(tmpdir(), 'chronicle-upload-'));
  try {
    const reports: UploadedFileReport[] = [];
    for (const [i, file] of files.entries()) {
      // One folder per file, so equal names cannot overwrite each other.
      const folder = join(dir, String(i), UPLOAD_FOLDER);
      await mkdir(folder, { recursive: true });
      const path = join(folder, safeFileName(file.name));
      await writeFile(path, file.content);
      const source = file.source?.trim();
      const report = await ingest([path], store, { ...(source && { defaultSource: source }), ...(pool && { pool }) });
      reports.push({
        name: file.name,
        read: report.read,
        added: report.added,
        alreadyStored: report.alreadyStored,
        skipped: report.skipped.map((s) =>
          s.line === undefined ? { reason: s.reason } : { line: s.line, reason: s.reason },
        ),
      });
    }
    return reports;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
