import { describe, expect, it } from 'vitest';
import { sentenceTokens } from '../sentences.js';
import { tokenSpans } from '../tokens.js';
import { combineMentions, withOneKindPerName } from './combine.js';
import { START_ROW, TRANSITION_ROWS, viterbi } from './decode.js';
import { casingOf, documentContextOf, isCapitalsLine, sentenceFeatures, shapeOf } from './features.js';
import { deserialiseModel, serialiseModel } from './model-file.js';
import { tagSequence } from './model.js';
import { trainPerceptron } from './perceptron.js';
import { tagEntities } from './tagger.js';
import { goldTags, trainingSentencesOf } from './training.js';
import { OUTSIDE, TAG_COUNT, TAGS, beginTag, entitiesOfTagSequence, insideTag, mayFollow } from './tags.js';

const tag = (name: string) => TAGS.indexOf(name);

describe('features', () => {
  it('describes spelling by shape and casing', () => {
    expect(['Velmora', 'U.S.', '1996', 'al-Hol', 'NATO'].map(shapeOf)).toEqual(['Xx', 'X.X.', 'd', 'x-Xx', 'X']);
    expect(['Velmora', 'NATO', 'iPhone', 'dock', '42', ','].map(casingOf)).toEqual(['init', 'caps', 'lowmixed', 'lower', 'num', 'punct']);
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
    { text: 'General Tolland spoke in Kessar.', entities: [{ start: 8, end: 15, type: 'PER' as const }, { start: 25, end: 31, type: 'LOC' as const }] },
    { text: 'General Brell arrived in Velmora.', entities: [{ start: 8, end: 13, type: 'PER' as const }, { start: 25, end: 32, type: 'LOC' as const }] },
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
    for (const sentence of sentences) expect(Array.from(tagSequence(loaded, sentence.features))).toEqual(Array.from(tagSequence(model, sentence.features)));
    const text = 'General Brell spoke in Kessar.';
    const found = tagEntities(sentenceTokens(text, tokenSpans(text)), loaded).map((e) => [e.tokens.map((t) => t.text).join(' '), e.entityClass]);
    expect(found).toEqual([['Brell', 'PER'], ['Kessar', 'LOC']]);
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
    const entity = (i: number, entityClass: 'PER' | 'MISC') => ({ entityClass, tokens: [tokens[i]!], sentence: 0, knownName: true, knownWord: true, sentenceInitial: i === 0 });
    const mentions = combineMentions(text, [entity(0, 'PER'), entity(2, 'MISC')], [
      { text: 'Kessar', span: { start: 33, end: 39 }, kind: 'place', evidence: 'name' },
      { text: 'Ostravian', span: { start: 10, end: 19 }, kind: 'person', evidence: 'name' },
    ]);
    expect(mentions.map((m) => [m.text, m.kind])).toEqual([['Kovac', 'person'], ['Kessar', 'place']]);
  });
});
