import { describe, expect, it } from 'vitest';
import { parseTimeml } from '../../read/timeml.js';
import { formatTimexScore } from './report.js';
import { scoreTimex } from './score.js';

function doc(text: string) {
  const source = `<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-05">x</TIMEX3></DCT>\n<TEXT>${text}</TEXT>\n</TimeML>`;
  return { name: 'pier.tml', document: parseTimeml(source) };
}

describe('formatTimexScore', () => {
  it('prints the scores, the per-type table and the most frequent errors', () => {
    const score = scoreTimex(
      [doc('Cranes stood idle <TIMEX3 tid="t1" type="DATE" value="2019-03-04">on Monday</TIMEX3> and today.')],
      [
        doc(
          'Cranes stood idle on <TIMEX3 tid="t1" type="DATE" value="2019-03-11">Monday</TIMEX3> and <TIMEX3 tid="t2" type="DATE" value="2019-03-05">today</TIMEX3>.',
        ),
      ],
    );
    expect(formatTimexScore(score, { title: 'Pier' }).split('\n')).toEqual([
      'Pier: 1 documents, 1 gold timexes, 2 predicted',
      '                 P      R     F1',
      '  strict      0.00   0.00   0.00',
      '  relaxed    50.00 100.00  66.67',
      '  type       50.00 100.00  66.67   (accuracy 100.00 of 1 matches)',
      '  value       0.00   0.00   0.00   (accuracy 0.00)',
      '',
      '  by type    gold  pred      P      R     F1  value acc',
      '  DATE          1     2  50.00 100.00  66.67     0.00',
      '',
      '  2 most frequent errors (of 2):',
      '     1× spurious    predicted DATE 2019-03-05 "today"   (pier.tml, DCT 2019-03-05)',
      '     1× wrong-value gold DATE 2019-03-04 "on Monday" / predicted DATE 2019-03-11 "Monday"   (pier.tml, DCT 2019-03-05)',
    ]);
  });
});
