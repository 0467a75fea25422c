import { describe, expect, it } from 'vitest';
import type { Citation, Timeline } from '../model.js';
import { outputFormats, renderTimeline } from './index.js';
import { parseTimelineJson, renderJson } from './json.js';
import { citationLine, figuresLine, renderMarkdown, whoWhereLine } from './markdown.js';
import { parseNewsTls, renderNewsTls } from './newstls.js';
import { parseTilse, renderTilse, TILSE_SEPARATOR } from './tilse.js';
import { renderTimelineJs, type TimelineJsDocument } from './timelinejs.js';

// A fictional harbour strike. Entries are deliberately out of date order, and one day entry falls
// on the first day of the month entry, so the day-only formats have to merge them.
const trickySentence =
  'Dockers chanted "no <script>alert(\'x\')</script> deals" & waved *banners* [sic] near the_port\nbefore dawn.';

function citation(overrides: Partial<Citation> & Pick<Citation, 'text' | 'articleId'>): Citation {
  return {
    source: 'Harbour Gazette',
    publishedOn: '2025-04-08',
    sentenceIndex: 0,
    span: { start: 0, end: overrides.text.length },
    dating: { how: 'publication', evidence: 'no date in the sentence: the publication date 2025-04-08' },
    alsoIn: [],
    ...overrides,
  };
}

const fixture: Timeline = {
  method: 'datewise',
  options: { dates: 4, sentencesPerDate: 2, query: 'strike, port', from: '2024-01-01' },
  stats: { articles: 12, sentences: 340, duplicates: 3 },
  entries: [
    {
      date: { value: '2025-04-08', granularity: 'day' },
      score: 9.5,
      sentences: [
        citation({
          text: trickySentence,
          articleId: 'ap-1',
          source: 'AP',
          title: 'Dockers walk out',
          url: 'https://news.example/strike?id=1&x=(2)',
          publishedOn: '2025-04-09',
          sentenceIndex: 3,
          span: { start: 120, end: 228 },
          dating: {
            how: 'reference',
            timex: {
              text: 'Tuesday',
              span: { start: 150, end: 157 },
              value: '2025-04-08',
              anchor: '2025-04-09',
              evidence: '"Tuesday" in a Wednesday article → the day before',
            },
            evidence: '"Tuesday" in an article of 2025-04-09 → 2025-04-08',
          },
          alsoIn: ['wire-2', 'wire-3'],
        }),
        citation({
          text: 'The port authority called the walkout unlawful.',
          articleId: 'afp-7',
          source: 'AFP',
          sentenceIndex: 1,
        }),
      ],
      entities: [
        { text: 'Port Authority', kind: 'organization', count: 5 },
        { text: 'Mara Lind', kind: 'person', count: 4 },
        { text: 'Jon Okafor', kind: 'person', count: 2 },
        { text: 'Eli Park', kind: 'person', count: 2 },
        { text: 'Ida Voss', kind: 'person', count: 1 },
        { text: 'Northgate', kind: 'place', count: 3 },
      ],
      quantities: [
        {
          text: '500 people',
          value: 500,
          approximate: false,
          qualifiers: [],
          unit: 'people',
          articleId: 'ap-1',
          source: 'AP',
          publishedOn: '2025-04-09',
        },
        {
          text: '3,000 people',
          value: 3000,
          approximate: false,
          qualifiers: [],
          unit: 'people',
          articleId: 'afp-7',
          source: 'AFP',
          publishedOn: '2025-04-08',
        },
        {
          text: 'hundreds of people',
          value: 100,
          approximate: true,
          qualifiers: [],
          unit: 'people',
          articleId: 'afp-7',
          source: 'AFP',
          publishedOn: '2025-04-08',
        },
        {
          text: '15 trucks',
          value: 15,
          approximate: false,
          qualifiers: [],
          unit: 'trucks',
          articleId: 'ap-1',
          source: 'AP',
          publishedOn: '2025-04-09',
        },
        {
          text: '15 trucks',
          value: 15,
          approximate: false,
          qualifiers: [],
          unit: 'trucks',
          articleId: 'afp-7',
          source: 'AFP',
          publishedOn: '2025-04-08',
        },
        {
          text: '40',
          value: 40,
          approximate: false,
          qualifiers: [],
          unit: '',
          articleId: 'ap-1',
          source: 'AP',
          publishedOn: '2025-04-09',
        },
      ],
    },
    {
      date: { value: '2024', granularity: 'year' },
      score: 2,
      sentences: [
        citation({ text: 'The port was sold to a private operator.', articleId: 'gz-2', publishedOn: '2025-03-02' }),
      ],
      entities: [],
      quantities: [],
    },
    {
      date: { value: '2025-03-01', granularity: 'day' },
      score: 4,
      sentences: [citation({ text: 'The union set a strike deadline.', articleId: 'gz-3', publishedOn: '2025-03-01' })],
      entities: [],
      quantities: [],
    },
    {
      date: { value: '2025-03', granularity: 'month' },
      score: 3,
      sentences: [citation({ text: 'Talks over pay broke down.', articleId: 'gz-4', publishedOn: '2025-03-20' })],
      entities: [{ text: 'Northgate', kind: 'place', count: 1 }],
      quantities: [],
    },
  ],
};

describe('renderTimeline', () => {
  it('has a writer for every output format', () => {
    expect(outputFormats).toEqual(['json', 'md', 'tilse', 'newstls', 'timelinejs']);
    for (const format of outputFormats) expect(renderTimeline(fixture, format).length).toBeGreaterThan(0);
    expect(renderTimeline(fixture, 'tilse')).toBe(renderTilse(fixture));
  });
});

describe('json', () => {
  it('reads back exactly the timeline it wrote', () => {
    expect(parseTimelineJson(renderJson(fixture))).toEqual(fixture);
  });

  it('writes a timeline it has read back to the same text', () => {
    const once = renderJson(parseTimelineJson(renderJson(fixture)));
    expect(renderJson(parseTimelineJson(once))).toBe(once);
  });

  it('names the field that does not fit the model', () => {
    const broken = JSON.parse(renderJson(fixture)) as { entries: { date: { value: string } }[] };
    broken.entries[1]!.date.value = '2024-05';
    expect(() => parseTimelineJson(JSON.stringify(broken))).toThrow(/entries\.1\.date\.value: a year YYYY/);
    expect(() => parseTimelineJson('{"method": "datewise"}')).toThrow(/not a timeline: options/);
  });
});

describe('tilse', () => {
  const text = renderTilse(fixture);

  it('writes date, sentences and a 32-dash separator per day, in date order', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      '2024-01-01',
      'The port was sold to a private operator.',
      TILSE_SEPARATOR,
    ]);
    expect(TILSE_SEPARATOR).toBe('--------------------------------');
    expect(text.endsWith(`${TILSE_SEPARATOR}\n`)).toBe(true);
  });

  it('reads back days and one-line sentences; month and year entries land on the first day and merge', () => {
    expect(parseTilse(text)).toEqual([
      { date: '2024-01-01', sentences: ['The port was sold to a private operator.'] },
      { date: '2025-03-01', sentences: ['Talks over pay broke down.', 'The union set a strike deadline.'] },
      {
        date: '2025-04-08',
        sentences: [
          'Dockers chanted "no <script>alert(\'x\')</script> deals" & waved *banners* [sic] near the_port before dawn.',
          'The port authority called the walkout unlawful.',
        ],
      },
    ]);
  });

  it('reads like tilse: stripped lines, unpadded dates, later entry for a day wins, unclosed tail dropped', () => {
    const written = [
      '  2019-3-4 ',
      ' first ',
      'second',
      TILSE_SEPARATOR,
      '2019-03-04',
      'replacement',
      ` ${TILSE_SEPARATOR} `,
      '2019-03-05',
      'never closed',
    ].join('\n');
    expect(parseTilse(written)).toEqual([{ date: '2019-03-04', sentences: ['replacement'] }]);
    expect(() => parseTilse(`orphan sentence\n${TILSE_SEPARATOR}\n`)).toThrow(/without a date/);
  });
});

describe('newstls', () => {
  it('writes one JSON line of [time, sentences] pairs and reads it back', () => {
    const text = renderNewsTls(fixture);
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    const pairs = JSON.parse(text) as [string, string[]][];
    expect(pairs.map(([time]) => time)).toEqual(['2024-01-01T00:00:00', '2025-03-01T00:00:00', '2025-04-08T00:00:00']);
    expect(parseNewsTls(text)).toEqual([parseTilse(renderTilse(fixture))]);
  });

  it('reads several timelines, one per line, and reports the bad line', () => {
    const two = `${renderNewsTls(fixture)}\n[["2019-03-04 00:00:00", ["A sentence."]]]\n`;
    expect(parseNewsTls(two).map((tl) => tl.map((d) => d.date))).toEqual([
      ['2024-01-01', '2025-03-01', '2025-04-08'],
      ['2019-03-04'],
    ]);
    expect(() => parseNewsTls('[]\n[["March", ["x"]]]')).toThrow(/line 2: a date/);
    expect(() => parseNewsTls('[["2019-03-04T00:00:00", ')).toThrow(/line 1: not JSON/);
  });
});

describe('timelinejs', () => {
  const text = renderTimelineJs(fixture);
  const doc = JSON.parse(text) as TimelineJsDocument;

  it('gives each entry a start_date with only the parts its granularity knows', () => {
    expect(doc.events.map((e) => e.start_date)).toEqual([
      { year: 2025, month: 4, day: 8 },
      { year: 2024 },
      { year: 2025, month: 3, day: 1 },
      { year: 2025, month: 3 },
    ]);
    expect(doc.events.map((e) => e.text.headline)).toEqual([
      'Tuesday 8 April 2025',
      '2024',
      'Saturday 1 March 2025',
      'March 2025',
    ]);
    expect(new Set(doc.events.map((e) => e.unique_id)).size).toBe(doc.events.length);
    expect(doc.title.text.headline).toBe('Timeline: strike, port');
  });

  it('titles a timeline without a query by the days it spans, not a bare "Timeline"', () => {
    const untitled: Timeline = { ...fixture, options: { dates: 4, sentencesPerDate: 2 } };
    const title = (JSON.parse(renderTimelineJs(untitled)) as TimelineJsDocument).title.text.headline;
    expect(title).toBe('Timeline: 2024 to 8 April 2025');
  });

  it("titles a story's timeline by the story's label, escaped", () => {
    const doc = JSON.parse(renderTimelineJs(fixture, { storyLabel: 'Velmora · <port> strike' })) as TimelineJsDocument;
    expect(doc.title.text.headline).toBe('Timeline: Velmora · &lt;port&gt; strike');
  });

  it('HTML-escapes article text and links the article when it has an http URL', () => {
    const html = doc.events[0]!.text.text;
    expect(text).not.toContain('<script>');
    expect(html).toContain(
      'Dockers chanted &quot;no &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; deals&quot; &amp; waved',
    );
    expect(html).toContain('<a href="https://news.example/strike?id=1&amp;x=(2)">AP: Dockers walk out</a>');
    expect(html).toContain('also in wire-2, wire-3');
  });

  it('does not link a non-http URL', () => {
    const hostile: Timeline = {
      ...fixture,
      entries: [
        { ...fixture.entries[1]!, sentences: [citation({ text: 'x', articleId: 'a', url: 'javascript:alert(1)' })] },
      ],
    };
    const html = (JSON.parse(renderTimelineJs(hostile)) as TimelineJsDocument).events[0]!.text.text;
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('javascript:');
  });
});

describe('markdown', () => {
  const text = renderMarkdown(fixture);

  it('has a title with the query, method and counts', () => {
    expect(text.startsWith('# Timeline: strike, port\n\n')).toBe(true);
    expect(text).toContain(
      '_4 dates by the datewise method from 12 articles (3 duplicates) and 340 sentences · 1 January 2024 to …_',
    );
  });

  it('has one heading per entry, in date order, formatted by granularity', () => {
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 2024', '## March 2025', '## Saturday 1 March 2025', '## Tuesday 8 April 2025']);
  });

  it('cites every sentence with outlet, linked title, date, place in the article and dating', () => {
    expect(text).toContain(
      '- Dockers chanted "no \\<script\\>alert(\'x\')\\</script\\> deals" & waved \\*banners\\* \\[sic\\] near the\\_port before dawn.' +
        ' — AP, [Dockers walk out](https://news.example/strike?id=1&x=%282%29), 9 April 2025' +
        ' ([ap-1] sentence 4, characters 120–228; "Tuesday" → 8 April 2025) — also in: wire-2, wire-3\n',
    );
    expect(text).toContain(
      '- The port authority called the walkout unlawful. — AFP, 8 April 2025 ([afp-7] sentence 2, characters 0–47; dated by publication)\n',
    );
    for (const entry of fixture.entries)
      for (const c of entry.sentences) expect(text).toContain(`[${c.articleId}] sentence ${c.sentenceIndex + 1}`);
  });

  it('shows the title in italics when there is no usable URL', () => {
    expect(citationLine(citation({ text: 'x', articleId: 'a', title: 'Pay *talks*', url: 'ftp://x' }))).toContain(
      '— Harbour Gazette, *Pay \\*talks\\**, 8 April 2025',
    );
  });

  it('lists the top names per kind', () => {
    expect(text).toContain(
      '**Who/where:** people: Mara Lind (4), Eli Park (2), Jon Okafor (2) · organisations: Port Authority (5) · places: Northgate (3)',
    );
    expect(whoWhereLine([])).toBeUndefined();
  });

  it('lists figures per unit and says when sources disagree', () => {
    expect(text).toContain(
      '**Figures:** people: "hundreds of people" (AFP), 500 (AP), 3,000 (AFP) — sources disagree; trucks: 15 (AP, AFP)\n',
    );
    expect(figuresLine([])).toBeUndefined();
  });
});

describe('figuresLine', () => {
  const report = (value: number, source: string, publishedOn: string, approximate = false) => ({
    text: approximate ? `some ${value} boats` : `${value} boats`,
    value,
    approximate,
    unit: 'Boats',
    qualifiers: [],
    articleId: `${source}-${publishedOn}`,
    source,
    publishedOn,
  });

  it('lists one outlet\u2019s two counts of a day without calling them a disagreement', () => {
    expect(figuresLine([report(4, 'AP', '2025-04-08'), report(6, 'AP', '2025-04-08')])).toBe(
      '**Figures:** boats: 4 (AP), 6 (AP)',
    );
  });

  it('shows one outlet changing its own count as an update, earlier to later', () => {
    expect(
      figuresLine([report(6, 'AP', '2025-04-09'), report(4, 'AP', '2025-04-08'), report(6, 'AFP', '2025-04-09')]),
    ).toBe('**Figures:** boats: 6 (AFP), 4 → 6 (AP, 8 April 2025 → 9 April 2025)');
  });

  it('does not let an estimate contradict an exact count inside its range', () => {
    expect(figuresLine([report(100, 'AP', '2025-04-08', true), report(102, 'AFP', '2025-04-08')])).toBe(
      '**Figures:** boats: "some 100 boats" (AP), 102 (AFP)',
    );
    expect(figuresLine([report(100, 'AP', '2025-04-08'), report(350, 'AFP', '2025-04-08')])).toBe(
      '**Figures:** boats: 100 (AP), 350 (AFP) — sources disagree',
    );
  });

  it('writes figures as US English does: thousands grouped, at most two decimals as written', () => {
    const shown = (value: number) => figuresLine([report(value, 'AP', '2025-04-08')]);
    expect(shown(1_234_567)).toBe('**Figures:** boats: 1,234,567 (AP)');
    expect(shown(999)).toBe('**Figures:** boats: 999 (AP)');
    // Escaped, as a leading minus could start a Markdown list.
    expect(shown(-12_000)).toBe('**Figures:** boats: \\-12,000 (AP)');
    expect(shown(1_234.5)).toBe('**Figures:** boats: 1,234.5 (AP)');
    // Rounded as the figure is written (1.005), not as the nearest double (1.00499…) would be.
    // (Escaped as a figure alone is: "1." could start a numbered list.)
    expect(shown(1.005)).toBe('**Figures:** boats: 1\\.01 (AP)');
  });
});
