import { describe, expect, it } from 'vitest';
import { annotated } from '../../test/support/builders.js';
import type { SentenceRef } from './corpus.js';
import { selectSentences } from './summarize.js';

const refsOf = (article: ReturnType<typeof annotated>): SentenceRef[] =>
  article.sentences.map((sentence) => ({ article, sentence }));

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
          text: 'Coast guard crews evacuated the ferry passengers on Sunday, officials said, in an operation that, according to several people who were there and who asked not to be named because they were not allowed to speak, lasted far longer than the harbour authorities had expected it to last.',
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
    const [first] = selectSentences(refsOf(later), { count: 1, query: [], reportsOfTheDay: refsOf(sameDay) });
    expect(first!.sentence.text).toMatch(/evacuated/);
  });

  it('takes a report of the day that says what the references say, not one about something else', () => {
    const later = annotated({
      id: 'f',
      source: 'Gazette',
      publishedOn: '2025-04-09',
      sentences: [
        { text: 'Ferry ticket prices to Lunholm island rose sharply on Sunday, travel agents said.' },
        { text: 'Islanders said the ferry evacuation on Sunday left passengers cold and frightened.' },
      ],
    });
    const sameDay = annotated({
      id: 'g',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        { text: 'Dock workers have been on strike over pay and night shifts at the port since early April.' },
        { text: 'Coast guard crews evacuated hundreds of cold passengers from a stranded Lunholm ferry.' },
      ],
    });
    const chosen = selectSentences(refsOf(later), { count: 3, query: [], reportsOfTheDay: refsOf(sameDay) });
    const fromReports = chosen.filter((ref) => ref.article.article.id === 'g').map((ref) => ref.sentence.index);
    expect(fromReports).toEqual([1]);
    // Without references there is nothing to summarise: reports alone do not make a date.
    expect(selectSentences([], { count: 1, query: [], reportsOfTheDay: refsOf(sameDay) })).toEqual([]);
  });

  it('prefers a sentence that stands alone to one leaning on the sentence before it or quoting', () => {
    const article = annotated({
      id: 'h',
      source: 'Wire',
      publishedOn: '2025-04-06',
      sentences: [
        { text: 'But coast guard crews evacuated the stranded ferry passengers near Velmora on Sunday.' },
        { text: '"Coast guard crews evacuated the stranded ferry passengers near Velmora," the mayor said.' },
        { text: 'Coast guard crews evacuated the stranded ferry passengers near Velmora on Sunday night.' },
        { text: 'Lunholm islanders count the cost of a night at sea' },
      ],
    });
    const [first] = selectSentences(refsOf(article), { count: 1, query: [] });
    expect(first!.sentence.index).toBe(2);
    // A headline, with no full stop, is no candidate at all.
    expect(selectSentences(refsOf(article), { count: 4, query: [] }).map((ref) => ref.sentence.index)).not.toContain(3);
  });
});
