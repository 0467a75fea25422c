// Annotation of one article: sentences, and per sentence its tokens, temporal expressions, named
// mentions and quantities. The text is tokenised once; every span is an offset into Article.text.
import type { AnnotatedArticle, Article, Sentence, Span } from '../model.js';
import { contentHashOf } from './content-hash.js';
import { findMentions } from './mentions.js';
import { findQuantities } from './quantities.js';
import { sentenceIndexAt, sentenceTokens, spanOfTokens } from './sentences.js';
import { tagTemporal } from './time/index.js';
import { tokenSpans } from './tokens.js';

// contentHashOf, contentTerms, preferredNameForm and splitSentences are public from their own light
// modules (content-hash.ts, terms.ts, name-form.ts, sentences.ts), which load no tagger.
export { tagTemporal } from './time/index.js';

export function annotateArticle(article: Article): AnnotatedArticle {
  const { text } = article;
  const tokens = tokenSpans(text);
  const groups = sentenceTokens(text, tokens);
  const spans = groups.map(spanOfTokens);
  const sentences: Sentence[] = groups.map((group, index) => {
    const span = spans[index] as Span;
    return {
      index,
      text: text.slice(span.start, span.end),
      span,
      tokens: group.map((t) => t.text),
      timexes: [],
      mentions: [],
      // Per sentence, so that a count never reads its unit from the next sentence.
      quantities: findQuantities(text, group),
    };
  });
  const place = (start: number): Sentence | undefined => sentences[sentenceIndexAt(spans, start)];
  for (const timex of tagTemporal(text, article.publishedOn, spans)) place(timex.span.start)?.timexes.push(timex);
  for (const mention of findMentions(text, groups)) place(mention.span.start)?.mentions.push(mention);
  return { article, contentHash: contentHashOf(text), sentences };
}
