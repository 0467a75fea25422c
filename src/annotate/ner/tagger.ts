// Tagging an article's tokens (as Chronicle's tokenizer and sentence splitter cut them) with the
// linear model, and reading entities off the tags as character spans.
import type { TokenSpan } from '../tokens.js';
import { documentFeatures } from './features.js';
import { tagSequence, type TaggerModel } from './model.js';
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
  const features = documentFeatures(sentences.map((tokens) => tokens.map((t) => t.text)));
  return sentences.flatMap((tokens, sentence) =>
    entitiesOfTagSequence(tagSequence(model, features[sentence] as string[][])).map(({ start, end, entityClass }) => ({
      entityClass,
      tokens: tokens.slice(start, end),
      sentence,
      knownName: tokens.slice(start, end).every((token) => !CAPITALISED.test(token.text) || model.featureIds.has(`w=${token.text.toLowerCase()}`)),
      knownWord: tokens.slice(start, end).some((token) => model.featureIds.has(`w=${token.text.toLowerCase()}`)),
      sentenceInitial: start === 0,
    })),
  );
}
