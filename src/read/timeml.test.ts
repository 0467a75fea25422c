import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../shared-data.js';
import { parseTimeml, TimemlFormatError } from './timeml.js';

const header = `<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>HG20190305.0001</DOCID>
<DCT><TIMEX3 value="2019-03-05T09:30" functionInDocument="CREATION_TIME" tid="t0" type="TIME">2019-03-05</TIMEX3></DCT>
<TITLE>Harbour strike enters second week &amp; talks resume</TITLE>
`;

const gold = `${header}<TEXT>
Dock workers in Port Vellan <EVENT eid="e1" class="OCCURRENCE">walked</EVENT> out <TIMEX3 tid="t1" type="DATE" value="2019-03-04" temporalFunction="true">on Monday</TIMEX3>.
<!-- an editor's note -->The union &amp; the port met for <TIMEX3 tid="t2" type='DURATION' value="PT3H" mod="APPROX">about three hours</TIMEX3>.
</TEXT>
</TimeML>
`;

describe('parseTimeml', () => {
  const document = parseTimeml(gold);

  it('reads the DCT whatever the attribute order, with its day', () => {
    expect(document.dct).toEqual({ tid: 't0', type: 'TIME', value: '2019-03-05T09:30', day: '2019-03-05' });
    expect(document.docId).toBe('HG20190305.0001');
    expect(document.tidsOutsideText).toEqual(['t0']);
  });

  it('strips tags and comments from <TEXT> and keeps entities raw', () => {
    expect(document.text).toBe(
      '\nDock workers in Port Vellan walked out on Monday.\nThe union &amp; the port met for about three hours.\n',
    );
    expect(gold.slice(document.textRange.start, document.textRange.end)).toMatch(
      /^\nDock workers[\s\S]*three hours<\/TIMEX3>\.\n$/,
    );
  });

  it('gives each TIMEX3 its attributes and its span in the untagged text', () => {
    expect(document.timexes).toEqual([
      { tid: 't1', type: 'DATE', value: '2019-03-04', text: 'on Monday', span: { start: 40, end: 49 } },
      {
        tid: 't2',
        type: 'DURATION',
        value: 'PT3H',
        mod: 'APPROX',
        text: 'about three hours',
        span: { start: 84, end: 101 },
      },
    ]);
    for (const timex of document.timexes)
      expect(document.text.slice(timex.span.start, timex.span.end)).toBe(timex.text);
  });

  it('leaves out the day when the DCT value names none', () => {
    const monthly = parseTimeml(gold.replace('value="2019-03-05T09:30"', 'value="2019-03"'));
    expect(monthly.dct).toEqual({ tid: 't0', type: 'TIME', value: '2019-03' });
  });

  it('refuses malformed documents with the line of the problem', () => {
    expect(() => parseTimeml(header)).toThrow(new TimemlFormatError('no <TEXT> element'));
    expect(() => parseTimeml(gold.replace('</TIMEX3>.\n<!--', '.\n<!--'))).toThrow(
      'line 7: <TIMEX3> not closed inside <TEXT>',
    );
    expect(() => parseTimeml(gold.replace('</TEXT>', ''))).toThrow('line 6: <TEXT> is not closed');
    expect(() => parseTimeml(gold.replace('<EVENT eid="e1"', '<EVENT eid="e1'))).toThrow(TimemlFormatError);
  });
});

const devData = sharedPath('data', 'timeml-dev');
const hasDevData = (() => {
  try {
    return readdirSync(join(devData, 'TimeBank')).length > 0;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasDevData)('parseTimeml on the TempEval-3 training data', () => {
  for (const corpus of ['TimeBank', 'AQUAINT']) {
    it(`${corpus}: the input text equals the untagged gold text, every input has a DCT day and no timex`, () => {
      const names = readdirSync(join(devData, corpus)).filter((name) => name.endsWith('.tml'));
      let timexes = 0;
      for (const name of names) {
        const goldDoc = parseTimeml(readFileSync(join(devData, corpus, name), 'utf8'));
        const input = parseTimeml(readFileSync(join(devData, 'input', corpus, `${name}.TE3input`), 'utf8'));
        expect(input.text, name).toBe(goldDoc.text);
        expect(input.timexes, name).toEqual([]);
        expect(input.dct?.day, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(input.dct, name).toEqual(goldDoc.dct);
        for (const timex of goldDoc.timexes)
          expect(goldDoc.text.slice(timex.span.start, timex.span.end)).toBe(timex.text);
        timexes += goldDoc.timexes.length;
      }
      // Counts from the data's README.
      expect({ documents: names.length, timexes }).toEqual(
        corpus === 'TimeBank' ? { documents: 183, timexes: 1243 } : { documents: 73, timexes: 579 },
      );
    });
  }
});
