import { describe, expect, it } from 'vitest';
import { findCandidates, type Candidate } from '../candidates.js';
import { setRules } from './sets.js';

// Sentence → what these rules alone find in it. All sentences are invented.
const cases: [sentence: string, found: Pick<Candidate, 'text' | 'expression'>[]][] = [
  ['Ferries sail every Monday.', [{ text: 'every Monday', expression: { kind: 'set', value: 'XXXX-WXX-1' } }]],
  ['The board meets each week.', [{ text: 'each week', expression: { kind: 'set', value: 'P1W' } }]],
  ['Trains run every other day.', [{ text: 'every other day', expression: { kind: 'set', value: 'P2D' } }]],
  ['Pickets gather every summer.', [{ text: 'every summer', expression: { kind: 'set', value: 'XXXX-SU' } }]],
  ['He swims each morning.', [{ text: 'each morning', expression: { kind: 'set', value: 'XXXX-XX-XXTMO' } }]],
  ['Markets close every weekend.', [{ text: 'every weekend', expression: { kind: 'set', value: 'XXXX-WXX-WE' } }]],
  ['The market opens Mondays.', [{ text: 'Mondays', expression: { kind: 'set', value: 'XXXX-WXX-1' } }]],
  ['Bands play on Tuesday nights.', [{ text: 'Tuesday nights', expression: { kind: 'set', value: 'XXXX-WXX-2TNI' } }]],
  ['The ferry runs daily.', [{ text: 'daily', expression: { kind: 'set', value: 'P1D' } }]],
  ['Reports come out weekly.', [{ text: 'weekly', expression: { kind: 'set', value: 'P1W' } }]],
  ['Dues are paid annually.', [{ text: 'annually', expression: { kind: 'set', value: 'P1Y' } }]],
  // Watch out: what the rules leave alone or read only in part.
  ['Sales rise 8.5% annually.', []],
  ['The plant makes 10,000 units annually.', []],
];

describe('set rules', () => {
  it.each(cases)('%s', (sentence, found) => {
    expect(findCandidates(sentence, setRules).map(({ text, expression }) => ({ text, expression }))).toEqual(found);
  });
});
