// @ts-check
// The source article beside the timeline: the cited sentence highlighted, every temporal
// expression marked with the day it resolved to, and the one that dated the citation singled out.
import { evidenceInWords, timexInWords } from './date-words.js';
import { el, safeLink } from './dom.js';

/**
 * @typedef {import('./api.js').ShownArticle} ShownArticle
 * @typedef {import('./api.js').ShownSentence} ShownSentence
 * @typedef {import('./api.js').Citation} Citation
 */

/**
 * The article text cut at sentence and timex boundaries into text nodes and <mark>s. Offsets are
 * UTF-16 positions into the text (what String.slice uses), as the server's spans are.
 * @param {string} text
 * @param {ShownSentence[]} sentences in text order
 * @param {Citation} [citation] the cited sentence, highlighted
 * @returns {HTMLDivElement}
 */
export function articleBody(text, sentences, citation) {
  const body = el('div', { class: 'article-text' });
  let at = 0;
  for (const sentence of sentences) {
    if (sentence.span.start > at) body.append(text.slice(at, sentence.span.start));
    const cited = citation && sentence.index === citation.sentenceIndex;
    body.append(sentenceNode(text, sentence, cited ? citation : undefined));
    at = sentence.span.end;
  }
  if (at < text.length) body.append(text.slice(at));
  return body;
}

/**
 * @param {string} text
 * @param {ShownSentence} sentence
 * @param {Citation | undefined} citation the citation of this sentence, if it is the cited one
 * @returns {HTMLSpanElement}
 */
function sentenceNode(text, sentence, citation) {
  const node = el('span', { class: citation ? 'sentence cited' : 'sentence', 'data-index': sentence.index });
  let at = sentence.span.start;
  const timexes = [...sentence.timexes].sort((a, b) => a.span.start - b.span.start);
  for (const timex of timexes) {
    if (timex.span.start < at) continue; // overlapping expressions: the first one wins
    node.append(text.slice(at, timex.span.start));
    const dating =
      citation?.dating.timex &&
      citation.dating.timex.span.start === timex.span.start &&
      citation.dating.timex.span.end === timex.span.end;
    const resolved = timex.refersTo?.value ?? timex.value;
    node.append(
      el(
        'mark',
        {
          class: dating ? 'timex dating' : 'timex',
          title: `${timexInWords(timex.value)} — ${evidenceInWords(timex.evidence)}`,
        },
        text.slice(timex.span.start, timex.span.end),
      ),
    );
    if (dating) node.append(el('span', { class: 'resolved' }, ` → ${timexInWords(resolved)}`));
    at = timex.span.end;
  }
  node.append(text.slice(at, sentence.span.end));
  return node;
}

/**
 * @param {ShownArticle} article
 * @returns {HTMLElement}
 */
export function articleHeader(article) {
  return el(
    'header',
    { class: 'article-head' },
    el(
      'h2',
      { id: 'article-heading', tabindex: '-1' },
      article.title ?? `${article.source}, ${timexInWords(article.publishedOn)}`,
    ),
    el(
      'p',
      { class: 'muted' },
      `${article.source} · published ${timexInWords(article.publishedOn)} · id ${article.id} `,
      safeLink(article.url, 'original'),
    ),
  );
}
