import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimeml } from '../read/timeml.js';
import { sharedPath } from '../shared-data.js';
import { annotateTimemlText } from '../pipeline.js';
import { renderTimeml } from './timeml.js';

const input = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-03-05" functionInDocument="CREATION_TIME">March 5, 2019</TIMEX3></DCT>
<TEXT>
Dock workers in Port Vellan walked out on Monday, March 4, 2019.
Talks at Smith &amp; Sons lasted three hours.
</TEXT>
<EXTRAINFO>
HG-03-05-19 0930
</EXTRAINFO>
</TimeML>
`;

/** Removes the TIMEX3 tags inside <TEXT> with a regex: a check independent of the reader. */
function untag(timeml: string): string {
  return timeml.replace(
    /(<TEXT>)([\s\S]*)(<\/TEXT>)/,
    (_, open: string, body: string, close: string) => open + body.replace(/<TIMEX3[^>]*>|<\/TIMEX3>/g, '') + close,
  );
}

function spanOf(text: string, words: string) {
  const start = text.indexOf(words);
  return { start, end: start + words.length };
}

describe('renderTimeml', () => {
  const document = parseTimeml(input);
  const { text } = document;

  it('inserts TIMEX3 tags around the spans and changes no other byte', () => {
    const output = renderTimeml(document, [
      { span: spanOf(text, 'three hours'), type: 'DURATION', value: 'PT3H' },
      { span: spanOf(text, 'Monday, March 4, 2019'), type: 'DATE', value: '2019-03-04', mod: 'START' },
    ]);
    expect(output).toBe(
      input
        .replace(
          'Monday, March 4, 2019',
          '<TIMEX3 tid="t1" type="DATE" value="2019-03-04" mod="START">Monday, March 4, 2019</TIMEX3>',
        )
        .replace('three hours', '<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>'),
    );
    expect(untag(output)).toBe(input);
    expect(parseTimeml(output).timexes.map((t) => t.text)).toEqual(['Monday, March 4, 2019', 'three hours']);
  });

  it('gives new tags tids the document does not use yet', () => {
    const withDctT1 = parseTimeml(input.replace('tid="t0"', 'tid="t1"'));
    const output = renderTimeml(withDctT1, [{ span: spanOf(text, 'Monday'), type: 'DATE', value: '2019-03-04' }]);
    expect(output).toContain('<TIMEX3 tid="t2" type="DATE" value="2019-03-04">Monday</TIMEX3>');
  });

  it('escapes attribute values', () => {
    const output = renderTimeml(document, [{ span: spanOf(text, 'Monday'), type: 'DATE', value: 'a"b&c' }]);
    expect(output).toContain('value="a&quot;b&amp;c">Monday<');
    expect(parseTimeml(output).timexes[0]?.value).toBe('a"b&c');
  });

  it('refuses spans outside the text, overlapping, or cutting an entity reference', () => {
    const date = { type: 'DATE', value: '2019-03-04' };
    expect(() => renderTimeml(document, [{ span: { start: 5, end: text.length + 1 }, ...date }])).toThrow(RangeError);
    expect(() => renderTimeml(document, [{ span: { start: 5, end: 5 }, ...date }])).toThrow(/is not inside/);
    expect(() =>
      renderTimeml(document, [
        { span: spanOf(text, 'Monday, March'), ...date },
        { span: spanOf(text, 'March 4'), ...date },
      ]),
    ).toThrow(/overlaps the timex before it/);
    const ampersand = text.indexOf('&amp;');
    expect(() => renderTimeml(document, [{ span: { start: ampersand + 1, end: ampersand + 9 }, ...date }])).toThrow(
      /cuts an entity reference/,
    );
  });
});

describe('annotateTimemlText', () => {
  it('tags the text against the DCT day and keeps every other byte', async () => {
    const output = await annotateTimemlText(input);
    expect(untag(output)).toBe(input);
    const tagged = parseTimeml(output).timexes;
    expect(tagged.find((timex) => timex.text.includes('March 4, 2019'))?.value).toBe('2019-03-04');
  });

  it('needs a reference date when the document has no DCT day', async () => {
    const noDct = input.replace(/<DCT>.*<\/DCT>\n/, '');
    await expect(annotateTimemlText(noDct)).rejects.toThrow(/--dct YYYY-MM-DD/);
    expect(untag(await annotateTimemlText(noDct, '2019-03-05'))).toBe(noDct);
  });
});

const inputDir = sharedPath('data', 'timeml-dev', 'input');
const inputFiles = (() => {
  try {
    return ['TimeBank', 'AQUAINT'].flatMap((corpus) =>
      readdirSync(join(inputDir, corpus)).map((name) => join(inputDir, corpus, name)),
    );
  } catch {
    return [];
  }
})();

describe.skipIf(inputFiles.length === 0)('annotateTimemlText on the TempEval-3 inputs', () => {
  it('gives back every input byte for byte once the new tags are removed', async () => {
    let tagged = 0;
    for (const file of inputFiles) {
      const source = readFileSync(file, 'utf8');
      const output = await annotateTimemlText(source);
      expect(untag(output), file).toBe(source);
      tagged += parseTimeml(output).timexes.length;
    }
    expect(inputFiles).toHaveLength(256);
    expect(tagged).toBeGreaterThan(1000);
  });
});
