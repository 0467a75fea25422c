import { describe, expect, it } from 'vitest';
import type { Article } from '../model.js';
import { contentHashOf } from './content-hash.js';
import { annotateArticle } from './index.js';

const ARTICLE: Article = {
  id: 'harbour-1',
  source: 'harbour-gazette',
  publishedOn: '2026-03-10',
  title: 'Dock strike spreads',
  text:
    'Dock strike spreads to Kessar\n\n' +
    'VELMORA, Ostravia -- Dock workers at the port of Velmora walked out on Monday, the Harbour Workers Union said. ' +
    'Union leader Tomas Brell said some 2,000 members had joined the picket lines.\n\n' +
    '"We will not move," Brell told reporters. Labour Minister Anna Kovac met Gen. Marcus Tolland at 10 a.m. Tuesday. ' +
    'Police said 15 trucks were turned back near the U.S. embassy.',
  origin: { file: 'harbour/1.json' },
};

describe('annotateArticle', () => {
  const annotated = annotateArticle(ARTICLE);
  const { text } = ARTICLE;

  it('splits the article into its sentences, headline first', () => {
    expect(annotated.sentences.map((s) => s.text)).toEqual([
      'Dock strike spreads to Kessar',
      'VELMORA, Ostravia -- Dock workers at the port of Velmora walked out on Monday, the Harbour Workers Union said.',
      'Union leader Tomas Brell said some 2,000 members had joined the picket lines.',
      '"We will not move," Brell told reporters.',
      'Labour Minister Anna Kovac met Gen. Marcus Tolland at 10 a.m. Tuesday.',
      'Police said 15 trucks were turned back near the U.S. embassy.',
    ]);
    expect(annotated.sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps every span consistent with the article text', () => {
    for (const sentence of annotated.sentences) {
      expect(text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
      for (const item of [...sentence.mentions, ...sentence.quantities, ...sentence.timexes]) {
        expect(text.slice(item.span.start, item.span.end)).toBe(item.text);
        expect(item.span.start).toBeGreaterThanOrEqual(sentence.span.start);
        expect(item.span.end).toBeLessThanOrEqual(sentence.span.end);
      }
    }
  });

  it('attaches mentions and quantities to their sentences', () => {
    const perSentence = annotated.sentences.map((s) => s.mentions.map((m) => `${m.kind}:${m.text}`));
    expect(perSentence).toEqual([
      ['place:Kessar'],
      ['place:VELMORA', 'place:Ostravia', 'place:Velmora', 'organization:Harbour Workers Union'],
      ['person:Tomas Brell'],
      ['person:Brell'],
      ['person:Anna Kovac', 'person:Marcus Tolland'],
      ['place:U.S.'],
    ]);
    expect(annotated.sentences.map((s) => s.quantities.map((q) => [q.text, q.value, q.approximate, q.unit]))).toEqual([
      [],
      [],
      [['some 2,000 members', 2000, true, 'members']],
      [],
      [],
      [['15 trucks', 15, false, 'trucks']],
    ]);
  });

  it('gives the tokens of each sentence', () => {
    expect(annotated.sentences[3]?.tokens).toEqual([
      '"',
      'We',
      'will',
      'not',
      'move',
      ',',
      '"',
      'Brell',
      'told',
      'reporters',
      '.',
    ]);
  });

  it('hashes the text so that spacing differences do not matter', () => {
    expect(annotated.contentHash).toBe(contentHashOf(`  ${text.replace(/ /g, '  ')}\n`));
    expect(annotated.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf('Dock strike spreads')).not.toBe(contentHashOf('Dock strike ends'));
  });
});
