import { describe, expect, it } from 'vitest';
import type { MentionKind } from '../model.js';
import { MENTION_GOLD, MENTION_HELD_OUT, type GoldParagraph } from '../../test/support/annotate/mentions.gold.js';
import { findMentions, findMentionsByRules } from './mentions.js';
import { sentenceTokens } from './sentences.js';
import { tokenSpans } from './tokens.js';

const mentionsOf = (text: string) => findMentions(text, sentenceTokens(text, tokenSpans(text)));
const ruleMentionsOf = (text: string) => findMentionsByRules(text, sentenceTokens(text, tokenSpans(text)));

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Exact-match scoring on (text, kind) per paragraph, counted per kind. */
function score(paragraphs: readonly GoldParagraph[], find = mentionsOf): Record<MentionKind, Counts> {
  const counts: Record<MentionKind, Counts> = {
    person: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    organization: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    place: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  };
  for (const paragraph of paragraphs) {
    const unmatched = paragraph.mentions.map(([text, kind]) => `${kind}|${text}`);
    for (const mention of find(paragraph.text)) {
      const at = unmatched.indexOf(`${mention.kind}|${mention.text}`);
      if (at >= 0) {
        unmatched.splice(at, 1);
        counts[mention.kind].truePositives++;
      } else counts[mention.kind].falsePositives++;
    }
    for (const key of unmatched) counts[key.split('|')[0] as MentionKind].falseNegatives++;
  }
  return counts;
}

function f1({ truePositives, falsePositives, falseNegatives }: Counts): {
  precision: number;
  recall: number;
  f1: number;
} {
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

// Floors just under the measured figures, so that a regression fails and no gain is needed to pass.
// The rules alone keep their own floors (they still decide datelines, head words and unknown names).
describe.each([
  // Measured P/R/F1: person 1.00/0.96/0.98, organization 1.00/1.00/1.00, place 1.00/0.88/0.94.
  [
    'development paragraphs',
    MENTION_GOLD,
    { person: [0.95, 0.93, 0.95], organization: [0.95, 0.95, 0.95], place: [0.95, 0.85, 0.9] },
  ],
  // Measured P/R/F1: person 0.93/0.88/0.90, organization 1.00/0.92/0.96, place 1.00/0.80/0.89.
  [
    'held-out paragraphs',
    MENTION_HELD_OUT,
    { person: [0.9, 0.85, 0.88], organization: [0.95, 0.9, 0.93], place: [0.95, 0.78, 0.86] },
  ],
] as const)('findMentionsByRules on the %s', (_name, paragraphs, floors) => {
  const scores = score(paragraphs, ruleMentionsOf);
  it.each(['person', 'organization', 'place'] as const)(
    '%s precision, recall and F1 stay above their floors',
    (kind) => {
      const measured = f1(scores[kind]);
      const [precisionFloor, recallFloor, f1Floor] = floors[kind];
      expect(measured.precision).toBeGreaterThanOrEqual(precisionFloor);
      expect(measured.recall).toBeGreaterThanOrEqual(recallFloor);
      expect(measured.f1).toBeGreaterThanOrEqual(f1Floor);
    },
  );
});

// findMentions adds the statistical tagger (src/annotate/ner): on CoNLL-2003 dev it lifts strict
// micro F1 from 0.71 (rules) to 0.91. On these fictional paragraphs, written for the rules, it gains
// on people and places and loses some organisation precision (the tagger reads some unseen names,
// "Union" after a title, "Sorokin Holdings", as organisations where the rules did not), so its floors
// are its own, just under its measured figures.
describe.each([
  // Measured P/R/F1: person 1.00/0.96/0.98, organization 0.86/0.95/0.90, place 1.00/0.92/0.96.
  [
    'development paragraphs',
    MENTION_GOLD,
    { person: [0.95, 0.93, 0.95], organization: [0.83, 0.92, 0.87], place: [0.95, 0.89, 0.93] },
  ],
  // Measured P/R/F1: person 1.00/0.94/0.97, organization 0.92/0.92/0.92, place 0.90/0.90/0.90.
  [
    'held-out paragraphs',
    MENTION_HELD_OUT,
    { person: [0.95, 0.9, 0.93], organization: [0.89, 0.89, 0.89], place: [0.87, 0.87, 0.87] },
  ],
] as const)('findMentions on the %s', (_name, paragraphs, floors) => {
  const scores = score(paragraphs);
  it.each(['person', 'organization', 'place'] as const)(
    '%s precision, recall and F1 stay above their floors',
    (kind) => {
      const measured = f1(scores[kind]);
      const [precisionFloor, recallFloor, f1Floor] = floors[kind];
      expect(measured.precision).toBeGreaterThanOrEqual(precisionFloor);
      expect(measured.recall).toBeGreaterThanOrEqual(recallFloor);
      expect(measured.f1).toBeGreaterThanOrEqual(f1Floor);
    },
  );
});

describe('findMentions', () => {
  it('drops titles and keeps spans that slice back to the name', () => {
    const text = 'Labour Minister Anna Kovac met Gen. Marcus Tolland in Geneva.';
    const mentions = mentionsOf(text);
    expect(mentions.map((m) => [m.text, m.kind])).toEqual([
      ['Anna Kovac', 'person'],
      ['Marcus Tolland', 'person'],
      ['Geneva', 'place'],
    ]);
    for (const m of mentions) expect(text.slice(m.span.start, m.span.end)).toBe(m.text);
  });

  it('carries a person’s kind to the surname alone', () => {
    const text = 'Union leader Tomas Brell spoke first. Brell later left for Kessar.';
    expect(mentionsOf(text).map((m) => [m.text, m.kind])).toEqual([
      ['Tomas Brell', 'person'],
      ['Brell', 'person'],
      ['Kessar', 'place'],
    ]);
  });

  it('ignores nationality adjectives, days and generic sentence openers', () => {
    expect(mentionsOf('Police said the Ostravian navy sailed on Monday.')).toEqual([]);
  });

  it('keeps an "and" inside an organisation’s name, not between two names', () => {
    const found = mentionsOf(
      'The Fisheries and Coastal Authority fined Harlow Ferries, and Anna Kovac and Ostra Fuels appealed.',
    );
    expect(found.map((m) => [m.text, m.kind])).toEqual([
      ['Fisheries and Coastal Authority', 'organization'],
      ['Harlow Ferries', 'organization'],
      ['Anna Kovac', 'person'],
      ['Ostra Fuels', 'organization'],
    ]);
  });

  it('continues the field of a "<head> of" body across an "and", but not into another name', () => {
    const found = mentionsOf(
      'The Ministry of Health and Social Services and the Department of Housing and Urban Development met the Ministry of Defence and Harlow Ferries, and the Ministry of Finance and Anna Kovac.',
    );
    expect(found.map((m) => [m.text, m.kind])).toEqual([
      ['Ministry of Health and Social Services', 'organization'],
      ['Department of Housing and Urban Development', 'organization'],
      ['Ministry of Defence', 'organization'],
      ['Harlow Ferries', 'organization'],
      ['Ministry of Finance', 'organization'],
      ['Anna Kovac', 'person'],
    ]);
  });

  it('reads a place head opening an "of" phrase as a place', () => {
    const found = mentionsOf(
      'Ships left the Port of Velmora for the City of Kessar, and the Port of Velmora Authority objected.',
    );
    expect(found.map((m) => [m.text, m.kind])).toEqual([
      ['Port of Velmora', 'place'],
      ['City of Kessar', 'place'],
      ['Port of Velmora Authority', 'organization'],
    ]);
  });

  it('reads companies and harbour places by their last word', () => {
    const found = mentionsOf(
      'Pickets stood outside the Ostra Fuels depot while Harlow Ferries kept its boats at Kessel Quay.',
    );
    expect(found.map((m) => [m.text, m.kind])).toEqual([
      ['Ostra Fuels', 'organization'],
      ['Harlow Ferries', 'organization'],
      ['Kessel Quay', 'place'],
    ]);
  });

  it('keeps museums, ships’ names and groups out of the people, and one kind for a name in capitals', () => {
    const text =
      'VELMORA, Ostravia -- The Velmora Dockworkers Union met at the Maritime Museum. The ferry Lunholm Star ' +
      'was held, and Islamic State fighters were seen near Kessar. Velmora stayed calm.';
    const found = mentionsOf(text);
    for (const name of ['Maritime Museum', 'Lunholm Star', 'Islamic State', 'Velmora Dockworkers']) {
      expect(found.filter((m) => m.text.startsWith(name)).map((m) => m.kind)).not.toContain('person');
    }
    const velmora = found.filter((m) => m.text.toLowerCase() === 'velmora').map((m) => m.kind);
    expect(new Set(velmora)).toEqual(new Set(['place']));
  });

  it('finds a named spokesman', () => {
    const found = mentionsOf('The spokesman Mustafa Bali said the convoy had left Hasakah.');
    expect(found.map((m) => [m.text, m.kind])).toContainEqual(['Mustafa Bali', 'person']);
  });
});
