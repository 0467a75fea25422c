import { describe, expect, it } from 'vitest';
import { isOneSentencePerLine, splitSentences } from './sentences.js';

const sentencesOf = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    [
      'Gen. Tolland arrived in the U.S. on Monday. He met Mr. Brell at 10 a.m. Tuesday.',
      ['Gen. Tolland arrived in the U.S. on Monday.', 'He met Mr. Brell at 10 a.m. Tuesday.'],
    ],
    [
      'J. R. Smith said prices rose 2.5 percent. "We will stay," he said. "Nobody leaves." Next came rain.',
      ['J. R. Smith said prices rose 2.5 percent.', '"We will stay," he said.', '"Nobody leaves."', 'Next came rain.'],
    ],
    [
      'The talks ... were long... Then they ended. Did it work? yes, it did!',
      ['The talks ... were long...', 'Then they ended.', 'Did it work? yes, it did!'],
    ],
    [
      'VELMORA, Ostravia -- Police said 15 trucks were seized.\n\nHarbour strike enters second week\nWorkers marched.',
      [
        'VELMORA, Ostravia -- Police said 15 trucks were seized.',
        'Harbour strike enters second week',
        'Workers marched.',
      ],
    ],
    [
      'They left the U.S. The end came at 9 p.m. Officials agreed. Acme Inc. said so.',
      ['They left the U.S.', 'The end came at 9 p.m.', 'Officials agreed.', 'Acme Inc. said so.'],
    ],
    [
      'He said: "It is over." Then he left (quietly.) Jan. 5 was cold.',
      ['He said: "It is over."', 'Then he left (quietly.)', 'Jan. 5 was cold.'],
    ],
  ])('%s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('keeps one sentence per line in PTB-tokenised text', () => {
    const text =
      'A flood hit Velmora , officials said . \nThe U.S. sent aid -LRB- 15 trucks -RRB- . \nMore rain is due ... Residents wait \n';
    expect(isOneSentencePerLine(text)).toBe(true);
    expect(sentencesOf(text)).toEqual([
      'A flood hit Velmora , officials said .',
      'The U.S. sent aid -LRB- 15 trucks -RRB- .',
      'More rain is due ... Residents wait',
    ]);
  });

  it('does not take ordinary prose for PTB', () => {
    expect(isOneSentencePerLine('A flood hit Velmora, officials said.\nThe U.S. sent aid.\nMore rain is due.')).toBe(
      false,
    );
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
