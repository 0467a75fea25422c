import { describe, expect, it } from 'vitest';
import type { Article } from '../model.js';
import { groupDuplicates, jaccard, NEAR_DUPLICATE_JACCARD, normalisedText, shingleHashes } from './duplicates.js';
import { seededUnit } from '../seeded-random.js';

function article(
  id: string,
  text: string,
  publishedOn = '2025-04-08',
  source = 'coastal-wire',
  title?: string,
): Article {
  return { id, source, publishedOn, text, ...(title && { title }), origin: { file: `${id}.json` } };
}

// A fictional wire story, and what other outlets do to it.
const wireStory = [
  'Dock workers in Velmora walked off the job on Tuesday, halting cargo traffic at the busiest port on the northern coast.',
  'The Port Workers Union said the strike would continue until the Harbour Authority reopened talks on pay and night shifts.',
  '"We have waited eleven months for an answer and we are done waiting," union secretary Ilse Varga told reporters outside the main gate.',
  'The authority said in a statement that it regretted the walkout and that contingency plans were in place to keep ferries running.',
  'About forty container ships were anchored offshore by the afternoon, according to harbour pilots, and trucks queued along the coast road.',
  'Traders warned that fresh produce bound for inland markets could spoil within days if the stoppage dragged on into the weekend.',
  'The last strike at the port, in the spring of the previous year, lasted nine days and ended with a one-off bonus for night crews.',
].join('\n\n');

const republishedWithExtraParagraph = [
  'By Tomas Brell, Velmora Herald',
  wireStory,
  'Local shop owners near the harbour said they had already seen fewer customers since the morning, and several cafes closed early.',
].join('\n\n');

// Same event, independently written: shares the quote and the names, not the wording.
const independentReport = [
  'Cargo handling at Velmora stopped on Tuesday after members of the Port Workers Union left their posts at dawn.',
  '"We have waited eleven months for an answer and we are done waiting," said Ilse Varga, who leads the union.',
  'Harbour Authority officials declined to comment beyond a short written statement promising that ferry services would not be affected.',
  'Shipping agents estimated that dozens of vessels were waiting at anchor, and long lines of lorries formed on the approach roads.',
  'Economists at the regional chamber of commerce said each day of the stoppage would cost exporters millions in delayed shipments.',
].join('\n\n');

describe('normalisedText and shingles', () => {
  it('treats whitespace differences as the same text, punctuation as different', () => {
    expect(normalisedText('  The  port\n\nclosed. ')).toBe(normalisedText('The port closed.'));
    expect(normalisedText('The port closed!')).not.toBe(normalisedText('The port closed.'));
  });

  it('ignores casing and punctuation in shingles', () => {
    expect(shingleHashes('The port, it CLOSED on Tuesday -- finally.')).toEqual(
      shingleHashes('the port it closed on tuesday finally'),
    );
    expect(shingleHashes('one two three four five six')).toHaveLength(2);
    expect(shingleHashes('too short')).toHaveLength(1);
    expect(shingleHashes('...')).toHaveLength(0);
  });

  it('measures Jaccard similarity of shingle sets', () => {
    const a = shingleHashes('a b c d e f g h');
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, shingleHashes('a b c d e f g x'))).toBeCloseTo(3 / 5);
    expect(jaccard(a, shingleHashes('p q r s t u v w'))).toBe(0);
  });
});

describe('groupDuplicates', () => {
  it('groups exact copies, whitespace aside, with the earliest as representative', () => {
    const groups = groupDuplicates([
      article('herald-1', wireStory.replace(/\n\n/g, '\n'), '2025-04-09', 'velmora-herald'),
      article('wire-1', wireStory, '2025-04-08'),
      article('other', independentReport),
    ]);
    expect(groups).toEqual([{ representativeId: 'wire-1', memberIds: ['wire-1', 'herald-1'], kind: 'exact' }]);
  });

  it('groups a wire copy re-published with a new headline, a byline and an extra paragraph', () => {
    expect(jaccard(shingleHashes(wireStory), shingleHashes(republishedWithExtraParagraph))).toBeGreaterThan(
      NEAR_DUPLICATE_JACCARD,
    );
    const groups = groupDuplicates([
      article('wire-1', wireStory, '2025-04-08', 'coastal-wire', 'Velmora dockers strike'),
      article(
        'herald-7',
        republishedWithExtraParagraph,
        '2025-04-08',
        'velmora-herald',
        'Port at a standstill as workers walk out',
      ),
    ]);
    expect(groups).toEqual([{ representativeId: 'herald-7', memberIds: ['herald-7', 'wire-1'], kind: 'near' }]);
  });

  it('keeps two different reports of the same event apart, even with a shared quote and names', () => {
    expect(jaccard(shingleHashes(wireStory), shingleHashes(independentReport))).toBeLessThan(0.2);
    expect(groupDuplicates([article('wire-1', wireStory), article('ledger-3', independentReport)])).toEqual([]);
  });

  it('breaks a tie on the publication date by the smallest id', () => {
    const groups = groupDuplicates([
      article('b', wireStory, '2025-04-08'),
      article('c', wireStory, '2025-04-08'),
      article('a', wireStory, '2025-04-08'),
    ]);
    expect(groups).toEqual([{ representativeId: 'a', memberIds: ['a', 'b', 'c'], kind: 'exact' }]);
  });

  it('joins three versions of one story into one near group', () => {
    const paragraphs = wireStory.split('\n\n');
    const retouched = wireStory.replace(/"/g, '“').replace(/, /g, ' , ').replace(/\./g, ' .');
    const cut = paragraphs.slice(0, -1).join('\n\n');
    const groups = groupDuplicates([
      article('retouched', retouched, '2025-04-10', 'bay-courier'),
      article('cut', cut, '2025-04-09', 'northern-ledger'),
      article('wire', wireStory, '2025-04-08'),
      article('unrelated', independentReport, '2025-04-08'),
    ]);
    expect(groups).toEqual([{ representativeId: 'wire', memberIds: ['wire', 'cut', 'retouched'], kind: 'near' }]);
  });

  it('keeps a wire story re-published on many sites, each with its own byline, in one group', () => {
    const copies = Array.from({ length: 40 }, (_, i) =>
      article(`site-${String(i).padStart(2, '0')}`, `By desk editor ${i}\n\n${wireStory}`, '2025-04-09'),
    );
    const groups = groupDuplicates([
      ...copies,
      article('wire', wireStory, '2025-04-08'),
      article('ledger', independentReport),
    ]);
    expect(groups).toEqual([
      { representativeId: 'wire', memberIds: ['wire', ...copies.map((c) => c.id)], kind: 'near' },
    ]);
  });

  it('leaves out articles without words and single articles', () => {
    expect(groupDuplicates([article('x', ''), article('y', ' — '), article('z', wireStory)])).toEqual([]);
    expect(groupDuplicates([])).toEqual([]);
  });

  it('finds the same groups in any input order', () => {
    const input = [
      article('wire', wireStory, '2025-04-08'),
      article('herald', republishedWithExtraParagraph, '2025-04-09'),
      article('copy', wireStory, '2025-04-10'),
      article('ledger', independentReport, '2025-04-08'),
    ];
    const expected = [{ representativeId: 'wire', memberIds: ['wire', 'herald', 'copy'], kind: 'near' }];
    expect(groupDuplicates(input)).toEqual(expected);
    expect(groupDuplicates([...input].reverse())).toEqual(expected);
  });
});

describe('groupDuplicates at scale', () => {
  // The same fictional corpus on every run.
  const next = seededUnit(42);
  const syllables = [
    'ka',
    'lo',
    'mer',
    'tan',
    'vi',
    'so',
    'rul',
    'de',
    'pa',
    'nim',
    'gor',
    'el',
    'tra',
    'su',
    'bel',
    'io',
  ];
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join(''),
  );
  const sentence = () =>
    `${Array.from({ length: 12 + Math.floor(next() * 10) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ')}.`;
  const story = () => Array.from({ length: 12 + Math.floor(next() * 8) }, sentence).join(' ');

  // Speed is measured by `npm run bench` (20,000 articles), not asserted here.
  it('groups 300 edited copies among 5,000 distinct articles', () => {
    const originals = Array.from({ length: 5000 }, (_, i) =>
      article(`a${String(i).padStart(5, '0')}`, story(), '2025-04-01'),
    );
    const copies = originals.slice(0, 300).map((original, i) => {
      const sentences = original.text.split('. ');
      const edited =
        i % 3 === 0 ? sentences.slice(1) : i % 3 === 1 ? [...sentences, sentence()] : [`By staff ${i}`, ...sentences];
      return article(`copy-${original.id}`, edited.join('. '), '2025-04-02');
    });

    const groups = groupDuplicates([...copies, ...originals]);

    expect(groups).toEqual(
      copies.map((copy, i) => ({
        representativeId: originals[i]!.id,
        memberIds: [originals[i]!.id, copy.id],
        kind: 'near',
      })),
    );
  });
});
