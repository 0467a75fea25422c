import { describe, expect, it } from 'vitest';
import { syntheticArticles } from '../../../bench/synthetic.js';
import { seededUint32 } from '../../seeded-random.js';
import { GIVEN_NAMES, KNOWN_ORGANIZATIONS, ORGANIZATION_HEADS, PERSON_TITLES } from '../lexicon/names.js';
import { PLACE_NAMES } from '../lexicon/places.js';
import { sentenceTokens } from '../sentences.js';
import { tokenSpans } from '../tokens.js';
import { combineMentions, withOneKindPerName } from './combine.js';
import { START_ROW, TRANSITION_ROWS, viterbi } from './decode.js';
import { EmissionScorer } from './emissions.js';
import { casingOf, documentContextOf, isCapitalsLine, sentenceFeatures, shapeOf } from './features.js';
import { defaultModelPath, deserialiseModel, readModelFile, serialiseModel } from './model-file.js';
import type { TaggerModel } from './model.js';
import { trainPerceptron } from './perceptron.js';
import { tagEntities } from './tagger.js';
import { goldTags, trainingSentencesOf } from './training.js';
import { OUTSIDE, TAG_COUNT, TAGS, beginTag, entitiesOfTagSequence, insideTag, mayFollow } from './tags.js';

const tag = (name: string) => TAGS.indexOf(name);

/** What the model means by a token's scores: the summed weights of its feature strings that the model knows. */
function stringFeatureEmissions(model: TaggerModel, features: readonly (readonly string[])[]): Float64Array {
  const scores = new Float64Array(features.length * TAG_COUNT);
  features.forEach((tokenFeatures, i) => {
    for (const feature of tokenFeatures) {
      const id = model.featureIds.get(feature);
      if (id === undefined) continue;
      for (let t = 0; t < TAG_COUNT; t++) scores[i * TAG_COUNT + t]! += model.emission[id * TAG_COUNT + t]!;
    }
  });
  return scores;
}

const stringFeatureTags = (model: TaggerModel, features: readonly (readonly string[])[]) =>
  Array.from(viterbi(stringFeatureEmissions(model, features), model.transitions, features.length));

describe('features', () => {
  it('describes spelling by shape and casing', () => {
    expect(['Velmora', 'U.S.', '1996', 'al-Hol', 'NATO'].map(shapeOf)).toEqual(['Xx', 'X.X.', 'd', 'x-Xx', 'X']);
    expect(['Velmora', 'NATO', 'iPhone', 'dock', '42', ','].map(casingOf)).toEqual([
      'init',
      'caps',
      'lowmixed',
      'lower',
      'num',
      'punct',
    ]);
  });

  it('reads a line of capitals by the spelling the article uses elsewhere', () => {
    const sentences = [
      ['KESSAR', 'DOCKS', 'REOPEN'],
      ['Ships', 'returned', 'to', 'Kessar', 'and', 'the', 'docks', 'reopened', '.'],
    ];
    expect(isCapitalsLine(sentences[0]!)).toBe(true);
    expect(isCapitalsLine(sentences[1]!)).toBe(false);
    const context = documentContextOf(sentences);
    const headline = sentenceFeatures(sentences[0]!, context);
    expect(headline[0]).toContain('f=Kessar');
    expect(headline[0]).toContain('capsline');
    expect(headline[1]).toContain('f=docks');
    expect(headline[1]).toContain('doc-lower=true');
  });

  it('marks lexicon words, neighbours and the sentence start', () => {
    const context = documentContextOf([['President', 'Anna', 'Kovac', 'flew', 'to', 'New', 'Zealand']]);
    const features = sentenceFeatures(['President', 'Anna', 'Kovac', 'flew', 'to', 'New', 'Zealand'], context);
    expect(features[0]).toEqual(expect.arrayContaining(['first', 'lex=title', 'lex+1=given']));
    expect(features[1]).toEqual(expect.arrayContaining(['lex=given', 'lex-1=title', 'w-1=president', 'w+1=kovac']));
    expect(features[5]).toEqual(expect.arrayContaining(['gaz=B']));
    expect(features[6]).toEqual(expect.arrayContaining(['gaz=I', 'w+1=</s>']));
  });
});

describe('tags and decoding', () => {
  it('allows I-X only after B-X or I-X', () => {
    expect(mayFollow(undefined, insideTag('PER'))).toBe(false);
    expect(mayFollow(beginTag('PER'), insideTag('PER'))).toBe(true);
    expect(mayFollow(beginTag('ORG'), insideTag('PER'))).toBe(false);
    expect(mayFollow(OUTSIDE, beginTag('LOC'))).toBe(true);
  });

  it('reads entities off a tag sequence', () => {
    const tags = [tag('B-PER'), tag('I-PER'), tag('O'), tag('B-LOC'), tag('B-LOC')];
    expect(entitiesOfTagSequence(tags)).toEqual([
      { start: 0, end: 2, entityClass: 'PER' },
      { start: 3, end: 4, entityClass: 'LOC' },
      { start: 4, end: 5, entityClass: 'LOC' },
    ]);
  });

  it('finds the best sequence and never starts an entity with I-', () => {
    const emissions = new Float32Array(2 * TAG_COUNT);
    // Token 0 prefers I-PER (not allowed at the start), then B-PER; token 1 prefers I-PER.
    emissions[tag('I-PER')] = 5;
    emissions[tag('B-PER')] = 2;
    emissions[TAG_COUNT + tag('I-PER')] = 3;
    const transitions = new Float32Array(TRANSITION_ROWS * TAG_COUNT);
    expect(Array.from(viterbi(emissions, transitions, 2))).toEqual([tag('B-PER'), tag('I-PER')]);
    // A strong penalty on B-PER → I-PER turns the second token to O.
    transitions[tag('B-PER') * TAG_COUNT + tag('I-PER')] = -10;
    expect(Array.from(viterbi(emissions, transitions, 2))).toEqual([tag('B-PER'), tag('O')]);
    expect(START_ROW).toBe(TAG_COUNT);
    expect(viterbi(new Float32Array(0), transitions, 0)).toHaveLength(0);
  });
});

describe('training and the model file', () => {
  // Invented articles: enough for the perceptron to learn that "Tolland" is a person after
  // "General" and that a word after "in" is a place.
  const articles = [
    {
      text: 'General Tolland spoke in Kessar.',
      entities: [
        { start: 8, end: 15, type: 'PER' as const },
        { start: 25, end: 31, type: 'LOC' as const },
      ],
    },
    {
      text: 'General Brell arrived in Velmora.',
      entities: [
        { start: 8, end: 13, type: 'PER' as const },
        { start: 25, end: 32, type: 'LOC' as const },
      ],
    },
    { text: 'Ships waited in Tarsa.', entities: [{ start: 16, end: 21, type: 'LOC' as const }] },
  ];

  it('tags Chronicle tokens from gold character spans', () => {
    const text = articles[0]!.text;
    const tokens = sentenceTokens(text, tokenSpans(text))[0]!;
    expect(goldTags(tokens, articles[0]!.entities).map((t) => TAGS[t])).toEqual(['O', 'B-PER', 'O', 'O', 'B-LOC', 'O']);
  });

  it('learns from the training data, deterministically, and tags the same after saving and loading', () => {
    const sentences = articles.flatMap(trainingSentencesOf);
    const train = () => trainPerceptron(sentences, { epochs: 10, seed: 7, minCount: 1 });
    const model = train();
    expect(Array.from(train().emission)).toEqual(Array.from(model.emission));
    const bytes = serialiseModel(model, { test: true }, 0);
    expect(serialiseModel(train(), { test: true }, 0).equals(bytes)).toBe(true);
    const loaded = deserialiseModel(bytes);
    for (const sentence of sentences)
      expect(stringFeatureTags(loaded, sentence.features)).toEqual(stringFeatureTags(model, sentence.features));
    const text = 'General Brell spoke in Kessar.';
    const found = tagEntities(sentenceTokens(text, tokenSpans(text)), loaded).map((e) => [
      e.tokens.map((t) => t.text).join(' '),
      e.entityClass,
    ]);
    expect(found).toEqual([
      ['Brell', 'PER'],
      ['Kessar', 'LOC'],
    ]);
  });
});

/**
 * Invented articles of sentences that mix the model's own words and word pairs, lexicon entries,
 * odd spellings and tokens with "|" in them; some sentences are lines of capitals whose words the
 * article also spells in running text.
 */
function inventedArticles(model: TaggerModel, count: number, seed: number): string[][][] {
  const random = seededUint32(seed);
  const pick = <T>(items: readonly T[]): T => items[random() % items.length] as T;
  const knownWords = [...model.featureIds.keys()].filter((f) => f.startsWith('w=')).map((f) => f.slice(2));
  const knownPairs = [...model.featureIds.keys()]
    .filter((f) => /^(?:w-1w|ww\+1|w-2w-1|w\+1w\+2)=/.test(f))
    .map((f) => f.slice(f.indexOf('=') + 1).split('|'));
  const lexicon = [GIVEN_NAMES, PERSON_TITLES, ORGANIZATION_HEADS, KNOWN_ORGANIZATIONS, PLACE_NAMES].map((set) =>
    [...set].slice(0, 200),
  );
  const odd = [
    'U.S.',
    'al-Hol',
    'iPhone',
    "O'Brien",
    '1996',
    '2,000',
    '$1.5',
    '19-year-old',
    '|',
    'a|b',
    'X|Y|Z',
    'É',
    'Ωmega',
    'Extraordinarily-long-word',
    '--',
    '"',
    '(',
    ',',
    '.',
  ];
  const phrase = (): string[] => {
    const kind = random() % 6;
    if (kind === 0)
      return pick(knownPairs).map((word) => (random() % 3 === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word));
    if (kind === 1) return pick(pick(lexicon)).split(' ');
    if (kind === 2) return [pick(odd)];
    const word = pick(knownWords);
    return [random() % 2 === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word];
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + (random() % 30) }, () => {
      const words: string[] = [];
      const length = 1 + (random() % 25);
      while (words.length < length) words.push(...phrase());
      return random() % 6 === 0 ? words.map((word) => word.toUpperCase()) : words;
    }),
  );
}

describe('emission scores without feature strings', () => {
  const shipped = readModelFile(defaultModelPath());

  const expectSameScores = (model: TaggerModel, articles: readonly (readonly string[])[][], tolerance: number) => {
    const scorer = new EmissionScorer(model);
    let tokens = 0;
    for (const sentences of articles) {
      const context = documentContextOf(sentences);
      for (const words of sentences) {
        const features = sentenceFeatures(words, context);
        const fast = Array.from(scorer.sentenceEmissions(words, context));
        const reference = Array.from(stringFeatureEmissions(model, features));
        if (tolerance === 0) expect(fast).toEqual(reference);
        else fast.forEach((score, i) => expect(Math.abs(score - reference[i]!)).toBeLessThanOrEqual(tolerance));
        expect(Array.from(viterbi(fast, model.transitions, words.length))).toEqual(stringFeatureTags(model, features));
        tokens += words.length;
      }
    }
    return tokens;
  };

  it('equals the sums of the feature strings’ weights exactly, with the shipped model, on invented articles', () => {
    expect(expectSameScores(shipped, inventedArticles(shipped, 60, 11), 0)).toBeGreaterThan(10_000);
  });

  it('equals them on a generated news archive read as one article', () => {
    const text = [...syntheticArticles(25, { stories: 5 })]
      .map((article) => `${article.title.toUpperCase()}\n\n${article.text}`)
      .join('\n\n');
    const sentences = sentenceTokens(text, tokenSpans(text)).map((tokens) => tokens.map((t) => t.text));
    expect(expectSameScores(shipped, [sentences], 0)).toBeGreaterThan(5_000);
  });

  it('equals them, to rounding, with a freshly trained model', () => {
    const articles = inventedArticles(shipped, 30, 5);
    const sentences = articles.flatMap((article) => {
      const context = documentContextOf(article);
      return article.map((words) => ({
        features: sentenceFeatures(words, context),
        tags: words.map((_, i) => (i * 7 + words.length) % TAG_COUNT),
      }));
    });
    const model = trainPerceptron(sentences, { epochs: 2, seed: 3, minCount: 1 });
    expectSameScores(model, articles, 1e-9);
  });
});

describe('combining the tagger and the rules', () => {
  it('gives one name one kind whatever its case', () => {
    const mentions = withOneKindPerName(
      [
        { text: 'VELMORA', span: { start: 0, end: 7 }, kind: 'person' },
        { text: 'Velmora', span: { start: 20, end: 27 }, kind: 'place' },
      ],
      true,
    );
    expect(mentions.map((m) => m.kind)).toEqual(['place', 'place']);
  });

  it('drops MISC, keeps the tagger’s spans and adds the names only the rules found', () => {
    const text = 'Kovac met Ostravian officials in Kessar.';
    const tokens = sentenceTokens(text, tokenSpans(text))[0]!;
    const entity = (i: number, entityClass: 'PER' | 'MISC') => ({
      entityClass,
      tokens: [tokens[i]!],
      sentence: 0,
      knownName: true,
      knownWord: true,
      sentenceInitial: i === 0,
    });
    const mentions = combineMentions(
      text,
      [entity(0, 'PER'), entity(2, 'MISC')],
      [
        { text: 'Kessar', span: { start: 33, end: 39 }, kind: 'place', evidence: 'name' },
        { text: 'Ostravian', span: { start: 10, end: 19 }, kind: 'person', evidence: 'name' },
      ],
    );
    expect(mentions.map((m) => [m.text, m.kind])).toEqual([
      ['Kovac', 'person'],
      ['Kessar', 'place'],
    ]);
  });
});
