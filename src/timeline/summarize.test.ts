import { describe, expect, it } from 'vitest';
import { annotated } from '../../test/builders.js';
import type { SentenceRef } from './corpus.js';
import { selectSentences } from './summarize.js';

const refsOf = (article: ReturnType<typeof annotated>): SentenceRef[] => article.sentences.map((sentence) => ({ article, sentence }));

describe('choosing summary sentences', () => {
  it('never picks a photo caption', () => {
    const article = annotated({
      id: 'a',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        { text: 'Passengers from the stranded ferry are helped ashore at the old harbour in Velmora.' },
        { text: '(Coastal Wire Photo/Anders Pell)' },
        { text: 'Coast guard crews took passengers off the stranded ferry outside the harbour of Velmora.' },
      ],
    });
    const chosen = selectSentences(refsOf(article), { count: 2, query: [] });
    expect(chosen.map((r) => r.sentence.index)).toEqual([2]);
  });

  it('prefers the concise of two sentences saying the same thing', () => {
    const article = annotated({
      id: 'b',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        {
          text:
            'Coast guard crews evacuated the ferry passengers on Sunday, officials said, in an operation that, according to several people who were there and who asked not to be named because they were not allowed to speak, lasted far longer than the harbour authorities had expected it to last.',
        },
        { text: 'Coast guard crews evacuated the ferry passengers on Sunday.' },
      ],
    });
    const [first] = selectSentences(refsOf(article), { count: 1, query: [] });
    expect(first!.sentence.index).toBe(1);
  });

  it('leaves out bylines glued to a sentence and pieces of a longer quote', () => {
    const article = annotated({
      id: 'c',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        { text: 'April 6, 2025 | By Lise Varn, Coastal Wire Coast guard crews reached the stranded ferry.' },
        { text: 'We will not leave anyone on board tonight," the coast guard commander told the crews.' },
        { text: 'Coast guard crews reached the stranded ferry outside the harbour before dawn.' },
      ],
    });
    const chosen = selectSentences(refsOf(article), { count: 3, query: [] });
    expect(chosen.map((r) => r.sentence.index)).toEqual([2]);
  });

  it('aims at what the reports of the day share with the references to it', () => {
    const later = annotated({
      id: 'd',
      source: 'Gazette',
      publishedOn: '2025-04-09',
      sentences: [
        { text: 'Coast guard crews evacuated the ferry passengers off the Velmora coast on Sunday.' },
        { text: 'Ferry ticket prices to Lunholm island rose sharply on Sunday, travel agents said.' },
      ],
    });
    const sameDay = annotated({
      id: 'e',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [{ text: 'Coast guard crews evacuated hundreds of passengers from a stranded ferry near Velmora.' }],
    });
    const options = { count: 1, query: [], reportsOfTheDay: refsOf(sameDay) };
    const [first] = selectSentences(refsOf(later), options);
    expect(first!.sentence.index).toBe(0);
    const [alone] = selectSentences(refsOf(later).slice(1), options);
    expect(alone!.sentence.index).toBe(1);
  });
});
