// The budgets every article is held to on its way out of the readers, whatever its format: what
// goes on (annotation, storage) is then bounded per article, so a hostile input costs time in
// proportion to its size and never stalls the run.
import type { Article } from '../model.js';
import { countControls, issue, removeControls, type ReadItem } from './reader.js';

/**
 * Longest article text, in characters (UTF-16 code units). News articles run 2,000 to 50,000
 * characters and the longest long-form features about 200,000, so no real article is touched:
 * a text over a million characters (a novel's length) is a dump of many articles or not an
 * article at all. One article is annotated, held in memory and stored as one document, so its
 * size bounds each of those (annotation needs about 100 bytes of memory per character). A longer
 * text is split into parts of at most this size at paragraph breaks, each its own article with
 * the same day and outlet, so nothing of it is lost and the cost stays linear in its length.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;

/**
 * The article as it may go on: control characters removed from its text (each said in a note),
 * and split into parts when it is longer than `maxChars`. Part 1 keeps the article's id; part k
 * is `<id>#part-k`.
 */
export function* boundedArticle(article: Article, maxChars = MAX_ARTICLE_CHARS): Generator<ReadItem> {
  const where = (reason: string) => issue(article.origin.file, reason, article.origin.line);
  let text = article.text;
  const controls = countControls(text);
  if (controls > 0) {
    text = removeControls(text);
    if (text.trim() === '') {
      yield { kind: 'skipped', issue: where('empty text (nothing but control characters)') };
      return;
    }
    yield {
      kind: 'note',
      issue: where(`removed ${controls} control character(s) from the text (terminal escapes, NUL, backspace...)`),
    };
  }
  if (text.length <= maxChars) {
    yield { kind: 'article', article: text === article.text ? article : { ...article, text } };
    return;
  }
  const parts = splitText(text, maxChars);
  yield {
    kind: 'note',
    issue: where(
      `text of ${text.length.toLocaleString('en-US')} characters is over the ${maxChars.toLocaleString('en-US')}-character limit for one article: split into ${parts.length} parts at paragraph breaks (ids ${article.id}, ${article.id}#part-2, ...)`,
    ),
  };
  for (const [index, part] of parts.entries()) {
    yield {
      kind: 'article',
      article: { ...article, id: index === 0 ? article.id : `${article.id}#part-${index + 1}`, text: part },
    };
  }
}

/**
 * Pieces of at most `max` characters, cut at the last paragraph break of each piece, else the last
 * line break, sentence end or space in its last tenth, else anywhere but inside a surrogate pair.
 * Linear: each cut looks back over one tenth of a piece at most.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    const floor = limit - Math.max(1, Math.floor(max / 10));
    const window = text.slice(floor, limit);
    let cut = -1;
    for (const separator of ['\n\n', '\n', '. ', ' ']) {
      const at = window.lastIndexOf(separator);
      if (at > 0) {
        cut = floor + at + separator.length;
        break;
      }
    }
    if (cut < 0) {
      cut = limit;
      const before = text.charCodeAt(cut - 1);
      if (before >= 0xd800 && before <= 0xdbff) cut -= 1;
    }
    const part = text.slice(start, cut).trim();
    if (part) parts.push(part);
    start = cut;
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}
