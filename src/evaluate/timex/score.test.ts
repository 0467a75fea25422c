import { describe, expect, it } from 'vitest';
import { parseTimeml } from '../../read/timeml.js';
import { alignTimexes } from './align.js';
import { scoreTimex, TimexTextMismatchError, worstErrors, type NamedTimeml } from './score.js';

/** `[DATE 2019-03-04|on Monday]` marks a timex in the fictional text. */
function doc(name: string, marked: string): NamedTimeml {
  let tid = 0;
  const body = marked.replace(/\[(\w+) ([^|\]]+)\|([^\]]+)\]/g, (_, type: string, value: string, words: string) => {
    tid++;
    return `<TIMEX3 tid="t${tid}" type="${type}" value="${value}">${words}</TIMEX3>`;
  });
  const source = `<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-05">2019-03-05</TIMEX3></DCT>\n<TEXT>${body}</TEXT>\n</TimeML>\n`;
  return { name, document: parseTimeml(source) };
}

describe('alignTimexes', () => {
  const span = (start: number, end: number) => ({ start, end });

  it('pairs overlapping spans one to one, the first partner winning', () => {
    // gold "September" and "October" against one prediction covering both
    expect(alignTimexes([span(0, 9), span(14, 21)], [span(0, 21)])).toEqual([{ gold: 0, predicted: 0 }]);
    // gold "on Monday night" against predictions "Monday" and "night"
    expect(alignTimexes([span(0, 15)], [span(3, 9), span(10, 15)])).toEqual([{ gold: 0, predicted: 0 }]);
    // a prediction starting before the gold one pairs with it too
    expect(alignTimexes([span(5, 10)], [span(0, 7)])).toEqual([{ gold: 0, predicted: 0 }]);
  });

  it('does not pair touching or distant spans', () => {
    expect(alignTimexes([span(0, 5)], [span(5, 9), span(20, 25)])).toEqual([]);
  });
});

describe('scoreTimex', () => {
  it('counts an overlap as a relaxed match but not a strict one', () => {
    const score = scoreTimex(
      [doc('a', 'The strike began [DATE 2019-03-04|on Monday].')],
      [doc('a', 'The strike began on [DATE 2019-03-04|Monday].')],
    );
    expect(score.counts).toEqual({ gold: 1, predicted: 1, relaxed: 1, strict: 0, typeCorrect: 1, valueCorrect: 1 });
    expect(score.relaxed.f1).toBe(1);
    expect(score.strict).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(score.errors).toEqual([]);
  });

  it('pairs one to one: a prediction spanning two gold timexes matches only the first', () => {
    const score = scoreTimex(
      [doc('a', 'Talks ran in [DATE 2018-09|September] and [DATE 2018-10|October].')],
      [doc('a', 'Talks ran in [DATE 2018-09|September and October].')],
    );
    expect(score.relaxed).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
    expect(score.errors).toEqual([
      { kind: 'missed', file: 'a', dct: '2019-03-05', gold: { text: 'October', type: 'DATE', value: '2018-10' } },
    ]);
  });

  it('pairs the first overlapping prediction and counts the next as spurious', () => {
    const score = scoreTimex(
      [doc('a', 'The vote came [TIME 2019-03-04TNI|on Monday night].')],
      [doc('a', 'The vote came on [DATE 2019-03-04|Monday] [TIME XXXX-XX-XXTNI|night].')],
    );
    expect(score.counts).toMatchObject({
      gold: 1,
      predicted: 2,
      relaxed: 1,
      strict: 0,
      typeCorrect: 0,
      valueCorrect: 0,
    });
    expect(score.errors.map((error) => [error.kind, error.predicted?.text])).toEqual([
      ['wrong-value', 'Monday'],
      ['spurious', 'night'],
    ]);
  });

  it('refuses a prediction whose text differs from the gold text', () => {
    const run = () =>
      scoreTimex(
        [doc('a', 'The port closed [DATE 2019-03-04|on Monday].')],
        [doc('a', 'The port shut [DATE 2019-03-04|on Monday].')],
      );
    expect(run).toThrow(TimexTextMismatchError);
    expect(run).toThrow(/^a: the predicted <TEXT> differs from the gold text at character 9 /);
  });

  it('refuses a gold document without a prediction', () => {
    expect(() => scoreTimex([doc('a', 'x'), doc('b', 'y')], [doc('a', 'x')])).toThrow(
      'no prediction for 1 gold document(s): b',
    );
  });

  it('computes value and type F1 as accuracy over relaxed pairs times relaxed F1, micro-averaged', () => {
    const gold = [
      doc('a', '[DATE 2019-03-04|Monday], [DURATION P3D|three days] and [DATE 2019-03|this month].'),
      doc('b', 'It rained [SET P1D|every day] [DATE 2019-03-01|on Friday].'),
    ];
    const predicted = [
      // Monday right; "three days" with the wrong value; "this month" missed
      doc('a', '[DATE 2019-03-04|Monday], [DURATION P2D|three days] and this month.'),
      // "every day" with the wrong type and value; "Friday" right but shorter; two spurious
      doc('b', '[DATE 2019|It] rained [DURATION P1D|every] [TIME 2019-03-01|day] on [DATE 2019-03-01|Friday].'),
    ];
    const score = scoreTimex(gold, predicted);
    expect(score.counts).toEqual({ gold: 5, predicted: 6, relaxed: 4, strict: 2, typeCorrect: 3, valueCorrect: 3 });
    const relaxedF1 = (2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5);
    expect(score.relaxed.f1).toBeCloseTo(relaxedF1, 12);
    expect(score.strict.f1).toBeCloseTo((2 * (2 / 6) * (2 / 5)) / (2 / 6 + 2 / 5), 12);
    expect(score.valueAccuracy).toBe(0.75);
    expect(score.typeAccuracy).toBe(0.75);
    expect(score.value.f1).toBeCloseTo(0.75 * relaxedF1, 12);
    expect(score.value.precision).toBeCloseTo(0.75 * (4 / 6), 12);
    expect(score.type.recall).toBeCloseTo(0.75 * (4 / 5), 12);
    expect(score.byType.DATE).toEqual({
      gold: 3,
      predicted: 3,
      relaxed: { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 },
      valueAccuracy: 1,
    });
    expect(score.byType.SET).toEqual({
      gold: 1,
      predicted: 0,
      relaxed: { precision: 0, recall: 1, f1: 0 },
      valueAccuracy: 1,
    });
    expect(score.byType.TIME).toEqual({
      gold: 0,
      predicted: 1,
      relaxed: { precision: 0, recall: 0, f1: 0 },
      valueAccuracy: 0,
    });
    expect(score.errors.map((error) => error.kind)).toEqual([
      'wrong-value',
      'missed',
      'wrong-type',
      'spurious',
      'spurious',
    ]);
  });

  it('scores nothing to find and nothing found as perfect', () => {
    const score = scoreTimex([doc('a', 'No dates here.')], [doc('a', 'No dates here.')]);
    expect([score.relaxed.f1, score.strict.f1, score.value.f1, score.type.f1]).toEqual([1, 1, 1, 1]);
  });
});

describe('worstErrors', () => {
  it('groups errors by kind and words, the most frequent first', () => {
    const gold = [
      doc('a', '[DATE PRESENT_REF|Now] and [DATE PAST_REF|recently].'),
      doc('b', 'Rates rose [DATE PAST_REF|recently] [DATE 2019-03-04|Monday].'),
    ];
    const predicted = [doc('a', 'Now and recently.'), doc('b', 'Rates rose recently [DATE 2019-03-11|Monday].')];
    const groups = worstErrors(scoreTimex(gold, predicted).errors, 2);
    expect(groups.map(({ kind, text, count }) => ({ kind, text, count }))).toEqual([
      { kind: 'missed', text: 'recently', count: 2 },
      { kind: 'missed', text: 'now', count: 1 },
    ]);
    expect(groups[0]?.example.file).toBe('a');
  });
});
