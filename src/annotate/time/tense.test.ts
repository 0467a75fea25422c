import { describe, expect, it } from 'vitest';
import { splitSentences } from '../sentences.js';
import { sentenceOf, tenseReader } from './tense.js';

const spanOf = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  return { start, end: start + words.length };
};

describe('sentenceOf', () => {
  const text = 'The pier closed on Monday. Divers will return at 8 a.m. Crews left.';
  const sentences = splitSentences(text);
  const sentenceText = (words: string) => {
    const s = sentenceOf(sentences, spanOf(text, words));
    return text.slice(s.start, s.end);
  };

  it('finds the sentence an expression sits in', () => {
    expect(sentenceText('Monday')).toBe('The pier closed on Monday.');
    expect(sentenceText('8 a.m.')).toBe('Divers will return at 8 a.m.');
    expect(sentenceText('Crews')).toBe('Crews left.');
  });

  it('extends a sentence to an expression that runs past its end ("8 a.m. Crews")', () => {
    const s = sentenceOf(sentences, spanOf(text, '8 a.m. Crews'));
    expect(text.slice(s.start, s.end)).toBe('Divers will return at 8 a.m. Crews');
  });

  it('gives an expression between sentences the one before, and one before all sentences the first', () => {
    const gap = { start: text.indexOf(' Divers'), end: text.indexOf(' Divers') + 1 };
    expect(sentenceOf(sentences, gap)).toEqual({ start: 0, end: gap.end });
    expect(sentenceOf(sentences.slice(1), { start: 0, end: 3 })).toEqual({ start: 0, end: sentences[1]!.end });
    expect(sentenceOf([], { start: 4, end: 8 })).toEqual({ start: 4, end: 8 });
  });

  it('bounds a long sentence to a window around the expression', () => {
    const long = `${'the crews waited '.repeat(100)}on Monday${' and the crews waited'.repeat(100)}.`;
    const span = spanOf(long, 'Monday');
    const s = sentenceOf(splitSentences(long), span);
    expect(s.start).toBeGreaterThan(0);
    expect(s.end).toBeLessThan(long.length);
    expect(span.start - s.start).toBeLessThanOrEqual(600);
    expect(s.end - span.end).toBeLessThanOrEqual(600);
  });
});

describe('tenseReader', () => {
  it('reads no cue across a sentence boundary of the shared splitter', () => {
    const text = 'The board will meet. On Monday the pier was shut.';
    const read = tenseReader(text, splitSentences(text));
    expect(read(spanOf(text, 'Monday'))).toEqual({ tense: 'past', cue: 'was' });
  });

  it('keeps a clock, its time zone and its day in one sentence', () => {
    const text = 'Rangers said the ferry will sail at 9 p.m. GMT Friday.';
    const read = tenseReader(text, splitSentences(text));
    expect(read(spanOf(text, 'Friday')).tense).toBe('future');
  });
});
