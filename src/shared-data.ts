// Where the benchmark data lives. It is read at run time and never copied into the repository:
// `../shared` beside the project by default, or the folder named by CHRONICLE_SHARED.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This file sits one level below the project root, in src/ and in dist/ alike. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export function sharedRoot(): string {
  return resolve(process.env.CHRONICLE_SHARED ?? join(projectRoot, '..', 'shared'));
}

/** A path inside the shared folder, e.g. sharedPath('data', 't17'). */
export function sharedPath(...parts: string[]): string {
  return join(sharedRoot(), ...parts);
}

/** The path when it exists, otherwise a message a user can act on. */
export function findShared(...parts: string[]): { ok: true; path: string } | { ok: false; message: string } {
  const path = sharedPath(...parts);
  if (existsSync(path)) return { ok: true, path };
  return {
    ok: false,
    message: `${path} not found: put the shared data folder beside the project or set CHRONICLE_SHARED to it.`,
  };
}
