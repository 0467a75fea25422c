import { describe, expect, it } from 'vitest';
import { headlineOf } from './headline.js';
import { outletFromText } from './outlet.js';
import { readPlainText } from './seed.js';

describe('the outlet named in a text', () => {
  it.each([
    ['AFP, NEAR KESSEL, Ostravia\n\nHundreds of people boarded trucks.', 'AFP', 'dateline'],
    ['KESSEL, Ostravia (AP) — Pickets gathered before dawn.', 'AP', 'dateline'],
    ['LONDON (Reuters) - Shares fell on Monday.', 'Reuters', 'dateline'],
    ['Ferry stranded off Lunholm\nBy Mira Tollan, Associated Press\n\nThe ferry ran aground.', 'AP', 'byline'],
    ['By JON OKAFOR, Agence France-Presse\nThe port stayed shut.', 'AFP', 'byline'],
    [
      'Smoke rises over the harbour on Sunday. (AP Photo/Ana Ruiz)\n\nKESSEL, Ostravia -- The fire spread.',
      'AP',
      'photo credit',
    ],
  ])('finds it in %j', (text, outlet, how) => {
    expect(outletFromText(text)).toMatchObject({ outlet, how });
  });

  it.each([
    'KESSEL, Ostravia -- The port stayed shut on Monday.',
    'By Coastal Wire\n\nThe port stayed shut.',
    'The AP said nothing, and AFP reporters left the city.',
    'APAC markets rallied (APAC) - a dateline-looking line',
  ])('names none in %j', (text) => {
    expect(outletFromText(text)).toBeUndefined();
  });
});

describe('the headline of a plain-text article', () => {
  it.each([
    ['Cranes turn again at Kessel Quay\n\nAt 6 a.m. the first ship came in.', 'Cranes turn again at Kessel Quay'],
    [
      'Fuel flows again, but the port stays shut\nThe trucks left at noon.',
      'Fuel flows again, but the port stays shut',
    ],
    ['"We will hold them to it"\n\nThe council welcomed the clause.', '"We will hold them to it"'],
  ])('takes the first line of %j', (text, headline) => {
    expect(headlineOf(text)).toBe(headline);
  });

  it.each([
    ['a sentence', 'The port stayed shut on Monday.\n\nTrucks queued.'],
    ['a dateline', 'AFP, NEAR KESSEL, Ostravia\n\nHundreds of people boarded trucks.'],
    ['a dateline running into the text', 'KESSEL, Ostravia -- The port stayed shut\nTrucks queued.'],
    ['a photo caption', 'Pickets at the gate on Tuesday (Coast Wire Photo/Ana Ruiz)\n\nThe strike began.'],
    ['a long first paragraph', `${'Pickets gathered at the gates of the quay '.repeat(4)}\n\nThe strike began`],
    ['the whole text', 'Cranes turn again at Kessel Quay'],
    ['a lower-case opening', 'cranes turn again\n\nThe strike ended.'],
  ])('leaves %s', (_, text) => {
    expect(headlineOf(text)).toBeUndefined();
  });
});

describe('readPlainText: outlet and headline from the text', () => {
  it('takes a well-known agency from the dateline over the folder, and says so', () => {
    const result = readPlainText(
      ' date 2019-03-01 AFP, NEAR KESSEL, Ostravia\n\nHundreds of people boarded trucks.',
      '/in/seeds/a.txt',
      {},
    );
    expect(result.articles[0]).toMatchObject({ source: 'AFP' });
    expect(result.articles[0]).not.toHaveProperty('title');
    expect(result.notes).toEqual([
      {
        file: '/in/seeds/a.txt',
        reason: `outlet 'AFP' taken from the dateline "AFP, NEAR KESSEL", not from the folder 'seeds'`,
      },
    ]);
  });

  it('keeps the outlet the user gave, and the folder when the text names no agency', () => {
    const text = ' date 2019-03-01 KESSEL, Ostravia (AP) — The port stayed shut.';
    expect(readPlainText(text, '/in/seeds/a.txt', { defaultSource: 'Isle Radio' }).articles[0]).toMatchObject({
      source: 'Isle Radio',
    });
    const plain = readPlainText(
      ' date 2019-03-01 KESSEL, Ostravia -- The port stayed shut.',
      '/in/harbour-gazette/a.txt',
      {},
    );
    expect(plain.articles[0]).toMatchObject({ source: 'harbour-gazette' });
    expect(plain.notes).toEqual([]);
  });

  it('takes the first line as the headline when it reads as one, leaving the text whole', () => {
    const [article] = readPlainText(
      ' date 2025-04-18\nCranes turn again at Kessel Quay\n\nAt 6 a.m. the first ship came in.',
      '/in/herald/a.txt',
      {},
    ).articles;
    expect(article).toMatchObject({
      title: 'Cranes turn again at Kessel Quay',
      text: 'Cranes turn again at Kessel Quay\n\nAt 6 a.m. the first ship came in.',
    });
  });
});
