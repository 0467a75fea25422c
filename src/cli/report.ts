// The end-of-run summary on stderr: what was read, what was skipped and exactly why.
import type { ReadIssue } from '../model.js';

export function describeSkipped(skipped: ReadIssue[]): string[] {
  return skipped.map((issue) => `  skipped ${issue.file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.reason}`);
}

export function printReadSummary(lines: string[], skipped: ReadIssue[]): void {
  const out = [...lines, ...(skipped.length > 0 ? [`skipped ${skipped.length} input(s):`, ...describeSkipped(skipped)] : [])];
  process.stderr.write(out.map((l) => `${l}\n`).join(''));
}
