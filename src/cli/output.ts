// Writing a result to --out. The destination is checked before anything is computed (a timeline
// can take minutes: it must not be lost to a typo in a folder name), and the file is written
// atomically: to a temporary file beside it, then renamed over it, so a reader never sees half a
// file and a failed write leaves the old one in place.
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { environmentFailure, ExitCode, UserError } from './errors.js';

export interface PreparedOutput {
  /** Writes the whole content and puts it in place. */
  commit(content: string): void;
  /** Removes what prepare left (the temporary file), when nothing is to be written after all. */
  discard(): void;
}

/** Checks that `path` can be written, and reserves a temporary file beside it; throws a UserError saying why not. */
export function prepareOutput(path: string, option = '--out'): PreparedOutput {
  if (path.trim() === '') throw new UserError(`${option} needs a file name.`);
  const target = resolve(path);
  const existing = statOrUndefined(target);
  if (existing?.isDirectory())
    throw new UserError(`${option} ${path} is a folder: give a file name (for example ${join(path, 'timeline.md')}).`);
  // A device or pipe (/dev/stdout, a named pipe) is written in place: it cannot be renamed over.
  if (existing && !existing.isFile()) return directOutput(target, option);
  const folder = dirname(target);
  const folderInfo = statOrUndefined(folder);
  if (!folderInfo)
    throw new UserError(`${option} ${path}: the folder ${dirname(path)} does not exist; create it first.`);
  if (!folderInfo.isDirectory()) throw new UserError(`${option} ${path}: ${dirname(path)} is not a folder.`);
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let descriptor: number;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
  } catch (error) {
    throw new UserError(
      `${option} ${path}: cannot write in ${dirname(path)} (${writeFailure(error)}).`,
      exitCodeFor(error),
    );
  }
  let done = false;
  const cleanUp = () => {
    if (done) return;
    done = true;
    try {
      closeSync(descriptor);
    } catch {
      // already closed
    }
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  };
  process.once('exit', cleanUp);
  return {
    commit(content) {
      try {
        writeAll(descriptor, content);
        closeSync(descriptor);
        renameSync(temporary, target);
        done = true;
      } catch (error) {
        cleanUp();
        throw new UserError(
          `could not write ${option} ${path}: ${writeFailure(error)}; nothing was written there.`,
          exitCodeFor(error),
        );
      } finally {
        process.removeListener('exit', cleanUp);
      }
    },
    discard() {
      cleanUp();
      process.removeListener('exit', cleanUp);
    },
  };
}

function directOutput(target: string, option: string): PreparedOutput {
  return {
    commit(content) {
      try {
        writeFileSync(target, content);
      } catch (error) {
        throw new UserError(`could not write ${option} ${target}: ${writeFailure(error)}.`, exitCodeFor(error));
      }
    },
    discard() {},
  };
}

function writeAll(descriptor: number, content: string): void {
  const bytes = Buffer.from(content);
  for (let offset = 0; offset < bytes.length;) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function exitCodeFor(error: unknown): number {
  return environmentFailure(error) && (error as NodeJS.ErrnoException).code !== 'EROFS'
    ? ExitCode.environment
    : ExitCode.usage;
}

function writeFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return message ?? String(error);
}
