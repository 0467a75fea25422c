// What identifies an article's text, in a module of its own: the pipeline, duplicate grouping, the
// queue and the benchmarks need it without loading the taggers.
import { createHash } from 'node:crypto';

/** The sha256 (hex) of the text with runs of whitespace collapsed: equal for copies that differ only in spacing. */
export function contentHashOf(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}
