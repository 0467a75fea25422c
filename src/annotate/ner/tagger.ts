// Tagging an article's tokens (as Chronicle's tokenizer and sentence splitter cut them) with the
// linear model, and reading entities off the tags as character spans.
import type { TokenSpan } from '../tokens.js';
import { viterbi } from './decode.js';
import { emissionScorerOf } from './emissions.js';
import { documentContextOf } from './features.js';
import type { TaggerModel } from './model.js';
import { entitiesOfTagSequence, type EntityClass } from './tags.js';

export interface TaggedEntity {
  entityClass: EntityClass;
  /** The entity's tokens, all in one sentence. */
  tokens: TokenSpan[];
  /** Index of the sentence in the groups given. */
  sentence: number;
  /**
   * Every capitalised word of the entity was seen in training, so its class is learnt rather than
   * only inferred from spelling and context ("Kessar" and "Tomas" were never seen; "London" was).
   */
  knownName: boolean;
  /** Some word of the entity was seen in training (a weaker knowledge than knownName). */
  knownWord: boolean;
  /** The entity opens its sentence. */
  sentenceInitial: boolean;
}

const CAPITALISED = /^\p{Lu}/u;

/** Entities of an article given its tokens grouped by sentence, in text order. */
export function tagEntities(sentences: readonly (readonly TokenSpan[])[], model: TaggerModel): TaggedEntity[] {
  const scorer = emissionScorerOf(model);
  const words = sentences.map((tokens) => tokens.map((t) => t.text));
  const context = documentContextOf(words);
  return sentences.flatMap((tokens, sentence) => {
    const tags = viterbi(
      scorer.sentenceEmissions(words[sentence] as string[], context),
      model.transitions,
      tokens.length,
    );
    return entitiesOfTagSequence(tags).map(({ start, end, entityClass }) => {
      const entityTokens = tokens.slice(start, end);
      return {
        entityClass,
        tokens: entityTokens,
        sentence,
        knownName: entityTokens.every((token) => !CAPITALISED.test(token.text) || scorer.knowsWord(token.text)),
        knownWord: entityTokens.some((token) => scorer.knowsWord(token.text)),
        sentenceInitial: start === 0,
      };
    });
  });
}
