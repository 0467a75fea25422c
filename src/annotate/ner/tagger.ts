// Tagging an article's tokens (as Chronicle's tokenizer and sentence splitter cut them) with the
// linear model, and reading entities off the tags as character spans.
import type { TokenSpan } from '../tokens.js';
import { viterbi } from './decode.js';
import { emissionScorerOf } from './emissions.js';
import { documentContextOf, isCapitalsLine } from './features.js';
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

/** CAPITALISED.test(word), by the first character's code when it is ASCII. */
function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : CAPITALISED.test(word);
}

/**
 * The model's transitions as float64 (the same values: each float32 is exactly a float64), which
 * viterbi reads faster; made once per model, whose weights never change after training.
 */
const wideTransitions = new WeakMap<TaggerModel, Float64Array>();

function transitionsOf(model: TaggerModel): Float64Array {
  let transitions = wideTransitions.get(model);
  if (transitions === undefined) {
    transitions = Float64Array.from(model.transitions);
    wideTransitions.set(model, transitions);
  }
  return transitions;
}

/** Scratch for a sentence's tags, reused from sentence to sentence and grown as sentences need. */
let sentenceTags = new Int32Array(64);

/** Entities of an article given its tokens grouped by sentence, in text order. */
export function tagEntities(sentences: readonly (readonly TokenSpan[])[], model: TaggerModel): TaggedEntity[] {
  const scorer = emissionScorerOf(model);
  const transitions = transitionsOf(model);
  const words = sentences.map((tokens) => tokens.map((t) => t.text));
  const capitalsLines = words.map(isCapitalsLine);
  const context = documentContextOf(words, capitalsLines);
  const entities: TaggedEntity[] = [];
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const tokens = sentences[sentence] as readonly TokenSpan[];
    const length = tokens.length;
    const emissions = scorer.sentenceEmissions(words[sentence] as string[], context, capitalsLines[sentence]);
    if (sentenceTags.length < length) sentenceTags = new Int32Array(2 * length);
    const tags = viterbi(emissions, transitions, length, sentenceTags);
    for (const { start, end, entityClass } of entitiesOfTagSequence(tags, length)) {
      const entityTokens = tokens.slice(start, end);
      let knownName = true;
      let knownWord = false;
      for (const token of entityTokens) {
        const known = scorer.knowsWord(token.text);
        knownWord ||= known;
        knownName &&= known || !isCapitalised(token.text);
      }
      entities.push({
        entityClass,
        tokens: entityTokens,
        sentence,
        knownName,
        knownWord,
        sentenceInitial: start === 0,
      });
    }
  }
  return entities;
}
