import { describe, expect, it } from 'vitest';
import { articleOfDocument, entitiesOfTags, parseConll } from './conll.js';
import { evaluateOnConll } from './evaluate.js';
import { formatNerScore, scoreArticles } from './score.js';

// Invented sentences in the CoNLL layout (word POS chunk NER).
const SAMPLE = [
  '-DOCSTART- -X- -X- O',
  '',
  'Anna NNP B-NP B-PER',
  'Kovac NNP I-NP I-PER',
  'visited VBD B-VP O',
  'Velmora NNP B-NP B-LOC',
  '. . O O',
  '',
  'The DT B-NP O',
  'Ostravian JJ I-NP B-MISC',
  'Harbour NNP I-NP B-ORG',
  'Union NNP I-NP I-ORG',
  'agreed VBD B-VP O',
  '. . O O',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'Kessar NNP B-NP B-LOC',
  'wins VBZ B-VP O',
].join('\n');

describe('CoNLL reading', () => {
  it('reads documents and sentences and builds the scoring article with character spans', () => {
    const documents = parseConll(SAMPLE);
    expect(documents.map((d) => d.sentences.length)).toEqual([2, 1]);
    const article = articleOfDocument(documents[0]!);
    expect(article.text).toBe('Anna Kovac visited Velmora .\nThe Ostravian Harbour Union agreed .');
    expect(article.entities.map((e) => [article.text.slice(e.start, e.end), e.type])).toEqual([
      ['Anna Kovac', 'PER'],
      ['Velmora', 'LOC'],
      ['Ostravian', 'MISC'],
      ['Harbour Union', 'ORG'],
    ]);
  });

  it('reads IOB1 as well as IOB2', () => {
    expect(entitiesOfTags(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
  });
});

describe('strict scoring', () => {
  const gold = [
    { start: 0, end: 10, type: 'PER' as const },
    { start: 20, end: 27, type: 'LOC' as const },
    { start: 30, end: 39, type: 'MISC' as const },
  ];

  it('counts exact span and class only, per class and micro', () => {
    const score = scoreArticles([
      {
        gold,
        predicted: [
          { start: 0, end: 10, type: 'PER' }, // right
          { start: 20, end: 27, type: 'ORG' }, // right span, wrong class: a false positive and a miss
          { start: 50, end: 55, type: 'LOC' }, // not there at all
        ],
      },
    ]);
    expect(score.perClass.PER).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, f1: 1 });
    expect(score.perClass.ORG).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 0 });
    expect(score.perClass.LOC).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(score.micro).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(score.micro.precision).toBeCloseTo(1 / 3);
    expect(score.micro.recall).toBeCloseTo(1 / 2);
  });

  it('lets a prediction overlapping a MISC entity count neither way, and never scores MISC itself', () => {
    const score = scoreArticles([
      {
        gold,
        predicted: [
          { start: 32, end: 39, type: 'ORG' },
          { start: 0, end: 10, type: 'PER' },
        ],
      },
    ]);
    expect(score.micro).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 1 });
  });

  it('matches each gold entity once', () => {
    const once = scoreArticles([{ gold, predicted: [gold[0]!, gold[0]!] }]);
    expect(once.perClass.PER).toMatchObject({ truePositives: 1, falsePositives: 1 });
  });

  it('scores a finder over a CoNLL file, mapping Chronicle kinds to classes', () => {
    const evaluation = evaluateOnConll(SAMPLE, (text) =>
      text.startsWith('Anna')
        ? [
            { text: 'Anna Kovac', span: { start: 0, end: 10 }, kind: 'person' },
            { text: 'Harbour Union', span: { start: 43, end: 56 }, kind: 'organization' },
          ]
        : [],
    );
    expect(evaluation.documents).toBe(2);
    expect(evaluation.sentences).toBe(3);
    expect(evaluation.score.micro).toMatchObject({ truePositives: 2, falsePositives: 0, falseNegatives: 2 });
    expect(formatNerScore(evaluation.score).split('\n')).toHaveLength(5);
  });
});
