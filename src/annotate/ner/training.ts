// Training examples from annotated articles: the article is cut by Chronicle's own tokenizer and
// sentence splitter, exactly as at run time, and each token takes its tag from the gold character
// spans. So the model learns on the tokens it will see ("U.S.", "'s", "al-Hol" as Chronicle cuts
// them), not on the corpus's own tokenisation.
import { sentenceTokens } from '../sentences.js';
import { tokenSpans, type TokenSpan } from '../tokens.js';
import { documentFeatures } from './features.js';
import type { TrainingSentence } from './perceptron.js';
import { OUTSIDE, beginTag, insideTag, type EntityClass } from './tags.js';

export interface GoldArticle {
  text: string;
  /** Character spans with their class, in any order, not overlapping. */
  entities: readonly { start: number; end: number; type: EntityClass }[];
}

/**
 * Tags of tokens from gold spans: a token starting inside an entity belongs to it (B- on the
 * entity's first such token, I- after).
 */
export function goldTags(tokens: readonly TokenSpan[], entities: GoldArticle['entities']): number[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let e = 0;
  let lastEntity = -1;
  return tokens.map((token) => {
    while (e < sorted.length && (sorted[e] as GoldArticle['entities'][number]).end <= token.start) e++;
    const entity = sorted[e];
    if (entity === undefined || token.start < entity.start) return OUTSIDE;
    const tag = lastEntity === e ? insideTag(entity.type) : beginTag(entity.type);
    lastEntity = e;
    return tag;
  });
}

/** The training sentences of one article, features included. */
export function trainingSentencesOf(article: GoldArticle): TrainingSentence[] {
  const groups = sentenceTokens(article.text, tokenSpans(article.text));
  const features = documentFeatures(groups.map((tokens) => tokens.map((t) => t.text)));
  return groups.map((tokens, i) => ({ features: features[i] as string[][], tags: goldTags(tokens, article.entities) }));
}
