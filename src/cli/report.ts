// The end-of-run summary on stderr: what was read, what was skipped and exactly why, and the
// warnings (inputs read, but changed on the way). File names and reasons come from the inputs, so
// every control character in them is shown escaped: a newline in a file name cannot fake a line
// of the report, and an escape sequence in an article cannot drive the terminal.
import type { ReadIssue } from '../model.js';

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides and
// isolates (which can make a terminal show a name backwards).
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A text safe for one terminal line: control characters as \n, \t, \x1b, \u202e. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED[char] ?? escapeCode(char.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

function where(issue: ReadIssue): string {
  return `${printable(issue.file)}${issue.line !== undefined ? `:${issue.line}` : ''}`;
}

export function describeSkipped(skipped: ReadIssue[]): string[] {
  return skipped.map((issue) => `  skipped ${where(issue)}: ${printable(issue.reason)}`);
}

export function describeNotes(notes: ReadIssue[]): string[] {
  return notes.map((issue) => `  warning ${where(issue)}: ${printable(issue.reason)}`);
}

export function printReadSummary(lines: string[], skipped: ReadIssue[], notes: ReadIssue[] = []): void {
  const out = [
    ...lines,
    ...(notes.length > 0 ? [`${notes.length} warning(s) on inputs that were read:`, ...describeNotes(notes)] : []),
    ...(skipped.length > 0 ? [`skipped ${skipped.length} input(s):`, ...describeSkipped(skipped)] : []),
  ];
  process.stderr.write(out.map((l) => `${l}\n`).join(''));
}
