import { describe, expect, it } from 'vitest';
import { NO_PLAIN_TEXT_DATE, readPlainText } from './seed.js';

const STORY =
  'The night ferry to Corran Isle ran aground on a sandbank on Tuesday.\n\nNo one was hurt, the harbour master said.';

describe('readPlainText: the seed format', () => {
  it('reads the day from the header and the text that follows it on the same line', () => {
    const result = readPlainText(` date 2019-03-05 ${STORY}\n`, '/in/harbour-gazette/ferry.txt', {});
    expect(result.skipped).toEqual([]);
    expect(result.articles).toHaveLength(1);
    const [article] = result.articles;
    expect(article).toMatchObject({
      source: 'harbour-gazette',
      publishedOn: '2019-03-05',
      text: STORY,
      origin: { file: '/in/harbour-gazette/ferry.txt' },
    });
    expect(article).not.toHaveProperty('title');
    expect(article!.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('accepts the header without the leading space, on its own line, with Windows line ends', () => {
    const [article] = readPlainText(`date 2021-11-30\r\n${STORY}`, '/in/gazette/a.txt', {}).articles;
    expect(article).toMatchObject({ publishedOn: '2021-11-30', text: STORY });
  });

  it('gives the same id to the same article read twice, and another id to another day', () => {
    const first = readPlainText(` date 2019-03-05 ${STORY}`, '/in/gazette/a.txt', {}).articles[0]!;
    const again = readPlainText(` date 2019-03-05 ${STORY}`, '/elsewhere/gazette/b.txt', {}).articles[0]!;
    const nextDay = readPlainText(` date 2019-03-06 ${STORY}`, '/in/gazette/a.txt', {}).articles[0]!;
    expect(again.id).toBe(first.id);
    expect(nextDay.id).not.toBe(first.id);
  });

  it('reports an impossible day on line 1', () => {
    const result = readPlainText(` date 2019-02-30 ${STORY}`, '/in/gazette/a.txt', {});
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([
      { file: '/in/gazette/a.txt', line: 1, reason: "date '2019-02-30' is not a real day" },
    ]);
  });

  it('reports a header with nothing after it as empty text', () => {
    const result = readPlainText(' date 2019-03-05\n\n   \n', '/in/gazette/a.txt', {});
    expect(result.skipped).toEqual([{ file: '/in/gazette/a.txt', reason: 'empty text' }]);
  });

  it('reports text without any date, unless the user gave a default day and outlet', () => {
    expect(readPlainText(STORY, '/in/gazette/a.txt', {}).skipped).toEqual([
      { file: '/in/gazette/a.txt', reason: NO_PLAIN_TEXT_DATE },
    ]);
    const [article] = readPlainText(STORY, '/in/gazette/a.txt', {
      defaultDate: '2020-06-01',
      defaultSource: 'Isle Radio',
    }).articles;
    expect(article).toMatchObject({ publishedOn: '2020-06-01', source: 'Isle Radio', text: STORY });
  });
});

describe('readPlainText: the <source>/InputDocs/<day>/ folder layout', () => {
  it('takes the day from the folder and the outlet from above InputDocs', () => {
    const file = '/t17/ferry_gazette/InputDocs/2010-04-20/17.htm.txt';
    const result = readPlainText(`${STORY} \n`, file, {});
    expect(result.skipped).toEqual([]);
    expect(result.articles[0]).toMatchObject({
      source: 'ferry_gazette',
      publishedOn: '2010-04-20',
      text: STORY,
      origin: { file },
    });
  });

  it('takes the outlet from the folder above the day when there is no InputDocs level', () => {
    const [article] = readPlainText(STORY, '/archive/isle-radio/2010-04-21/bulletin.txt', {}).articles;
    expect(article).toMatchObject({ source: 'isle-radio', publishedOn: '2010-04-21' });
  });

  it('prefers the seed header to the folder, and the default outlet to the folder name', () => {
    const [article] = readPlainText(` date 2010-05-01 ${STORY}`, '/archive/isle-radio/2010-04-21/b.txt', {
      defaultSource: 'Wire',
    }).articles;
    expect(article).toMatchObject({ source: 'Wire', publishedOn: '2010-05-01' });
  });

  it('reports an impossible day folder', () => {
    const result = readPlainText(STORY, '/archive/isle-radio/2010-02-31/b.txt', {});
    expect(result.skipped).toEqual([
      { file: '/archive/isle-radio/2010-02-31/b.txt', reason: "date '2010-02-31' is not a real day" },
    ]);
  });
});
