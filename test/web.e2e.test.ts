// The web app in a real browser (Debian's chromium driven by playwright-core): open an archive on
// its story list and a story's timeline, build a timeline from the example corpus, click through to a source, filter by an entity, export, upload — and
// check that markup inside an article never runs; that a foreign page or a rebinding name cannot
// write into the store or read it; that the page works on a phone (390px) and with the keyboard,
// passes axe-core's checks, plots a store of stories years apart readably, says what an empty store
// or a wrong date window means, and keeps outlet names as typed. Screenshots of the main views go to
// docs/screenshots when UPDATE_SCREENSHOTS=1.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openStore } from '../src/pipeline.js';
import { buildServer } from '../src/server/app.js';
import { exampleStores, type ExampleStores } from './support/server.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`web e2e tests skipped: no browser at ${CHROMIUM} (install it with \`apt-get install -y chromium\`).`);

/** Markup an attacker could put in an article: it must show as text and never execute. */
const HOSTILE_ARTICLE = [
  ' date 2025-04-23',
  'Harbour pilots of Quillmarsh said on Wednesday <script>window.__injected = "script"</script> that the quay was clear.',
  '',
  'A notice pinned at the gate read <img src="x" onerror="window.__injected = \'img\'"> and nothing more.',
].join('\n');

const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PHONE = { width: 390, height: 844 };
/** Waits for the page, and each test's bound: generous, as timelines are computed on a machine other test files share. */
const WAIT_MS = 60_000;
const SLOW_TEST = { timeout: 2 * WAIT_MS };

/** A new page of `browser` whose waits allow for a loaded machine. */
async function newPage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(WAIT_MS);
  return page;
}

/** axe-core's own script, put into the page by the test (the page's CSP lets no other script in). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical violations of the page as it is now (WCAG 2.x A and AA, and best practice). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>('axe.run(document).then((results) => results.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** How much wider than its viewport the page is (0 when nothing sticks out sideways). */
const horizontalOverflow = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** The element that has the focus: its id, or its text. */
const focused = (page: Page) =>
  page.evaluate<string>(
    "document.activeElement?.id ? '#' + document.activeElement.id : document.activeElement?.textContent ?? ''",
  );

/** The page's vertical scroll position. */
const scrollY = (page: Page) => page.evaluate<number>('window.scrollY');

/** Each box's width and height in CSS pixels, as shown. */
async function boxes(locator: Locator): Promise<Array<{ width: number; height: number }>> {
  return Promise.all((await locator.all()).map(async (item) => (await item.boundingBox()) ?? { width: 0, height: 0 }));
}

/** The page opened on the story list, then the whole archive's timeline built from the form. */
async function openWholeArchive(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#story-list a.story').first().waitFor();
  await page.click('#build');
  await page.locator('.entry').first().waitFor();
}

/** The days of the timeline's entries. */
async function entryDates(page: Page): Promise<string[]> {
  return Promise.all(
    (await page.locator('.entry').all()).map(async (entry) => (await entry.getAttribute('data-date'))!),
  );
}

/** The evidence plot: the period a bar stands for, each bar's width and each axis label (in CSS pixels as shown). */
async function plotShape(page: Page) {
  const plot = page.locator('#plot svg');
  await plot.waitFor();
  return {
    unit: await plot.getAttribute('data-unit'),
    barWidths: (await boxes(page.locator('#plot rect.ref'))).map((box) => box.width),
    labels: await page.locator('#plot text.axis').allTextContents(),
    labelHeights: (await boxes(page.locator('#plot text.axis'))).map((box) => box.height),
  };
}

describe.skipIf(!hasChromium)(`web app in chromium (needs ${CHROMIUM})`, () => {
  let stores: ExampleStores;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    stores = await exampleStores();
    app = await buildServer({ storeLocation: stores.copy() });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 720 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    stores?.remove();
  });

  // The README's screenshots: refreshed on request (UPDATE_SCREENSHOTS=1), so a test run leaves the checkout as it was.
  const screenshot = async (name: string, shown = page) => {
    if (process.env.UPDATE_SCREENSHOTS) await shown.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  it('builds the timeline of the example corpus from the story list, with the evidence plot', async () => {
    await openWholeArchive(page, base);
    expect(await page.locator('.entry').count()).toBe(10);
    expect(await page.locator('#stats').textContent()).toContain('18 articles');
    expect(await page.locator('.entry h3 time').first().textContent()).toBe('Tuesday 1 April 2025');
    // One dashed marker per chosen date, over bars of date references.
    expect(await page.locator('#plot svg .chosen').count()).toBe(10);
    expect(await page.locator('#plot svg rect.ref').count()).toBeGreaterThan(10);
    expect(await page.locator('#source .article-list h2').textContent()).toBe('18 stored article(s)');
    // Where an article has a headline, the list shows it, not "velmora-herald, 2 April 2025".
    expect(await page.locator('#source .article-list li button').allTextContents()).toContain(
      'On the picket line, a silent port and a loud crowd',
    );
    await screenshot('timeline');
  });

  it('passes axe-core with no serious or critical violations, with the timeline and with an article open', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.citation').first().click();
    await page.locator('#source.reading').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('desktop');
    await page.locator('#source .back').click();
    await page.locator('#source .article-list').waitFor();
  });

  it('has landmarks and a skip link, and moves the focus to an opened story, an opened article and back', async () => {
    await page.goto(`${base}/`);
    await page.locator('#story-list a.story').first().waitFor();
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('form[role="search"]').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="stories-heading"]').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to the stories');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('#stories-heading');
    // The store's one story, by keyboard: its timeline opens with the focus on its heading.
    const story = page.locator('#story-list a.story').first();
    const label = await story.textContent();
    await story.focus();
    await page.keyboard.press('Enter');
    await page.locator('.entry').first().waitFor();
    expect(await focused(page)).toBe('#timeline-heading');
    expect(await page.locator('#timeline-heading').textContent()).toBe(label);
    // From the timeline's heading to a sentence in a few key presses, and Enter opens its article.
    await page.keyboard.press('Tab');
    const sentence = await focused(page);
    expect(await page.locator('.citation').first().textContent()).toBe(sentence);
    await page.keyboard.press('Enter');
    await page.locator('#source.reading').waitFor();
    expect(await focused(page)).toBe('#article-heading');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(sentence);
    // The colours of the name chips are explained in words.
    expect(await page.locator('#chip-legend').textContent()).toMatch(/person.*place.*organization/s);
    // "All stories" goes back to the list with the focus on the story; the next tests start from the whole archive.
    await page.locator('#all-stories').click();
    await expect.poll(() => focused(page)).toBe(label);
    await page.click('#whole-archive');
    expect(await focused(page)).toBe('#timeline-heading');
    await page.locator('#source .article-list h2', { hasText: /^18 stored article\(s\)$/ }).waitFor();
    expect(await page.locator('#timeline-heading').textContent()).toBe('Timeline');
  });

  it(
    'on a phone (390px): nothing sticks out sideways, the plot labels are readable, the article opens over the page and closes back to its sentence',
    SLOW_TEST,
    async () => {
      const phone = await newPage(browser, { viewport: PHONE });
      try {
        await openWholeArchive(phone, base);
        await phone.locator('#source .article-list').waitFor();
        expect(await horizontalOverflow(phone)).toBe(0);
        const plot = await plotShape(phone);
        expect(Math.min(...plot.labelHeights)).toBeGreaterThanOrEqual(11);
        expect(plot.labels.length).toBeGreaterThanOrEqual(3);
        expect(Math.min(...plot.barWidths)).toBeGreaterThanOrEqual(4);
        // The controls wrap inside the screen.
        for (const id of ['#query', '#from', '#to', '#build']) {
          const box = (await phone.locator(id).boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        }
        await phone.evaluate('window.scrollTo(0, 0)');
        await screenshot('phone', phone);

        const citation = phone.locator('.entry').nth(2).locator('.citation').first();
        const sentence = await citation.textContent();
        await citation.scrollIntoViewIfNeeded();
        const scrolledTo = await scrollY(phone);
        await citation.click();
        await phone.locator('#source.reading .cited').waitFor();
        // The article covers the screen: no jump down the page, and its heading has the focus.
        const panel = (await phone.locator('#source').boundingBox())!;
        expect(panel).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
        expect(await scrollY(phone)).toBe(scrolledTo);
        expect(await focused(phone)).toBe('#article-heading');
        expect(await horizontalOverflow(phone)).toBe(0);
        expect(await phone.locator('#source .cited').isVisible()).toBe(true);
        await screenshot('phone-article', phone);
        expect(await seriousViolations(phone)).toEqual([]);

        await phone.locator('#source .back', { hasText: 'Back to the timeline' }).click();
        expect(await phone.locator('#source.reading').count()).toBe(0);
        expect(await focused(phone)).toBe(sentence);
        expect(await scrollY(phone)).toBe(scrolledTo);
      } finally {
        await phone.close();
      }
    },
  );

  it('opens the source of a sentence with the sentence highlighted and its date expression marked', async () => {
    // Enough sentences per date that the first day is told by more than one outlet.
    await page.fill('#sentences', '4');
    await page.click('#build');
    await page.locator('.entry[data-date="2025-04-01"] .citations > li').nth(3).waitFor();
    const firstEntry = page.locator('.entry[data-date="2025-04-01"]');
    const metas = await firstEntry.locator('.citations .meta').allTextContents();
    const outlets = metas.map((meta) => meta.split(' · ')[0]!);
    // The first citation dated by words in its sentence (others may be dated by their publication),
    // and those words as its citation line states them ("Tuesday", "April 1").
    const dated = metas.findIndex((meta) => /"[^"]+" in an article of/.test(meta));
    expect(dated).toBeGreaterThanOrEqual(0);
    const datingWords = /"([^"]+)" in an article of/.exec(metas[dated]!)![1];
    const citation = firstEntry.locator('.citation').nth(dated);
    const cited = await citation.textContent();
    await citation.click();
    await page.locator('#source .cited').waitFor();
    // In the source, exactly those words are marked.
    const expression = await page.locator('#source .cited mark.dating').textContent();
    expect(expression).toBe(datingWords);
    expect(await page.locator('#source .resolved').textContent()).toBe(' → 1 April 2025');
    expect(await page.locator('#source .cited').textContent()).toBe(
      cited!.replace(expression!, `${expression} → 1 April 2025`),
    );
    expect(await page.locator('#source .dated-by').textContent()).toContain(`"${expression}" in an article of`);
    // The other outlet on that day is listed, and the figures they disagree on sit side by side.
    const otherOutlets = outlets.filter((outlet) => outlet !== outlets[dated]);
    expect(otherOutlets.length).toBeGreaterThan(0);
    const listed = await page
      .locator('#source .related', { hasText: 'Other outlets on 1 April 2025' })
      .locator('li button')
      .allTextContents();
    expect(listed.map((label) => label.split(',')[0])).toEqual(otherOutlets);
    const conflicts = firstEntry.locator('.conflicts');
    expect(await conflicts.locator('td strong').allTextContents()).toEqual([
      'About 3,000 dock workers',
      '2,400 dockworkers',
    ]);
    await screenshot('source');

    await page.locator('#source .related', { hasText: 'Other outlets' }).locator('li button').first().click();
    await page.locator('#source .article-head', { hasText: otherOutlets[0]! }).waitFor();
    expect(await page.locator('#source .cited mark.dating').count()).toBe(1);
    expect(await page.locator('#source .cited .resolved').textContent()).toBe(' → 1 April 2025');
  });

  it('narrows the timeline to an entity and back', async () => {
    const before = await page.locator('#status').textContent();
    await page
      .locator('.chip', { hasText: /^Lunholm$/ })
      .first()
      .click();
    await page.locator('#filter strong', { hasText: 'Lunholm' }).waitFor();
    const after = await page.locator('#status').textContent();
    const articles = (status: string | null) => Number(/from (\d+) article/.exec(status ?? '')?.[1]);
    expect(articles(after)).toBeLessThan(articles(before));
    expect(articles(after)).toBeGreaterThan(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot('entity-filter');

    // Exports follow the filter.
    const download = page.waitForEvent('download');
    await page.locator('#exports a', { hasText: 'JSON' }).first().click();
    const timeline = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      stats: { articles: number };
    };
    expect(timeline.stats.articles).toBe(articles(after));

    await page.locator('#filter button', { hasText: 'show all' }).click();
    // A locator wait, not waitForFunction: the page's CSP forbids the eval that polling a string needs.
    await expect.poll(() => page.locator('#filter').textContent()).toBe('');
    expect(await page.locator('#status').textContent()).toBe(before);
  });

  it('exports JSON, Markdown, TimelineJS JSON and tilse text', async () => {
    const contents: Record<string, string> = {};
    for (const label of ['JSON', 'Markdown', 'TimelineJS JSON', 'tilse text']) {
      const download = page.waitForEvent('download');
      await page.locator('#exports a', { hasText: new RegExp(`^${label}$`) }).click();
      const file = await download;
      contents[file.suggestedFilename()] = readFileSync(await file.path(), 'utf8');
    }
    expect(Object.keys(contents).sort()).toEqual(['timeline.json', 'timeline.md', 'timeline.txt', 'timelinejs.json']);
    expect((JSON.parse(contents['timeline.json']!) as { entries: unknown[] }).entries).toHaveLength(10);
    expect(contents['timeline.md']).toMatch(/^# Timeline/);
    const timelineJs = JSON.parse(contents['timelinejs.json']!) as {
      title: { text: { headline: string } };
      events: unknown[];
    };
    expect(timelineJs.events).toHaveLength(10);
    // Without a query, the title says which days it covers, not a bare "Timeline".
    expect(timelineJs.title.text.headline).toMatch(/^Timeline: 1 April 2025 to \d+ April 2025$/);
    expect(contents['timeline.txt']!.split('\n')[0]).toBe('2025-04-01');
  });

  it('searches a story and pages the matching articles', async () => {
    await page.fill('#query', 'ferry');
    await page.click('#build');
    await page.locator('#source .article-list h2', { hasText: 'matching “ferry”' }).waitFor();
    const heading = await page.locator('#source .article-list h2').textContent();
    expect(Number(/^(\d+)/.exec(heading!)?.[1])).toBeLessThan(18);
    await page.locator('#status', { hasText: /from \d+ article/ }).waitFor();
    await page.fill('#query', '');
    await page.click('#build');
    await page.locator('#source .article-list h2', { hasText: '18 stored article(s)' }).waitFor();
    await page.locator('.pager button', { hasText: 'next' }).click();
    await page.locator('.pager', { hasText: 'page 2 of 2' }).waitFor();
  });

  it('offers exports only for a timeline with dates in it', async () => {
    await page.fill('#query', 'zeppelin');
    await page.click('#build');
    await page.locator('#timeline li', { hasText: 'No dates' }).waitFor();
    expect(await page.locator('#exports').isVisible()).toBe(false);
    expect(await page.locator('#exports a').count()).toBe(0);
    await page.fill('#query', '');
    await page.click('#build');
    await page.locator('#exports a').first().waitFor();
  });

  it('adds uploaded articles, reports the bad file, and never runs markup from an article', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    // The upload panel is at the top, opened from the header.
    await page.locator('header #add-articles').click();
    expect(await page.locator('#upload').getAttribute('open')).not.toBeNull();
    expect(await focused(page)).toBe('#upload-files');
    await page.setInputFiles('#upload-files', [
      { name: 'pilots.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_ARTICLE) },
      { name: 'undated.txt', mimeType: 'text/plain', buffer: Buffer.from('No date line in this one.') },
    ]);
    await page.locator('#upload-form button[type="submit"]').click();
    await page.locator('#upload-results li').nth(1).waitFor();
    expect(await page.locator('#upload-results > li.ok').textContent()).toContain('pilots.txt: 1 read, 1 added');
    expect(await page.locator('#upload-results > li.problem').textContent()).toContain('undated.txt');
    expect(await page.locator('#upload-results > li.problem').textContent()).toContain('no publication date');
    expect(await page.locator('#stats').textContent()).toContain('19 articles');
    // The timeline is rebuilt with the new article, and the upload's own message stays.
    await page.locator('#status', { hasText: 'from 19 article(s)' }).waitFor();
    expect(await page.locator('#upload-status').textContent()).toBe(
      'Added 1 article(s); 1 file(s) with problems, listed below.',
    );
    await page.locator('#upload-results').scrollIntoViewIfNeeded();
    await screenshot('upload');

    await page.fill('#query', 'quillmarsh');
    await page.click('#build');
    await page.locator('#source .article-list h2', { hasText: '1 stored article(s) matching “quillmarsh”' }).waitFor();
    await page.locator('#source .article-list li button').first().click();
    const text = page.locator('#source .article-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('<script>window.__injected = "script"</script>');
    expect(await text.textContent()).toContain('<img src="x" onerror=');
    expect(await page.locator('#source script, #source img, .timeline script, .timeline img').count()).toBe(0);
    // The sentence made it into the timeline as text too.
    await page.locator('.citation', { hasText: '<script>' }).first().waitFor();
    expect(await page.evaluate('typeof window.__injected')).toBe('undefined');
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Another story, three and a half years before the example corpus: floods on the river Tarrow,
 * October 2021 to February 2022. Stored beside the harbour strike, it spreads the store over years.
 */
const FLOOD_STORY: Array<[day: string, text: string]> = [
  [
    '2021-10-04',
    'River Tarrow bursts its banks at Emsford\n\nThe river Tarrow burst its banks at Emsford on Monday, flooding 40 homes on Mill Lane. Residents were moved to the Emsford school hall.',
  ],
  [
    '2021-10-06',
    'Emsford pumps run day and night\n\nPumps at the Emsford weir ran through Tuesday night as the Tarrow rose again. The council said on Wednesday that Mill Lane would stay closed.',
  ],
  [
    '2021-10-11',
    'Flood water recedes from Mill Lane\n\nThe water on Mill Lane fell on Sunday, and residents of Emsford began returning home on Monday to count the damage the Tarrow had done.',
  ],
  [
    '2021-11-20',
    'Emsford asks for flood defences\n\nThe Emsford council voted on Friday to ask for new flood walls along the Tarrow, after the floods of October 4 left 40 homes empty for a week.',
  ],
  [
    '2022-01-15',
    'Tarrow flood walls approved\n\nNew flood walls for Emsford were approved on Thursday. Work on the Tarrow embankment will start on March 1, the council said.',
  ],
  [
    '2022-02-03',
    'Tarrow rises, walls not yet built\n\nThe Tarrow rose to within a metre of the top of its banks at Emsford on Wednesday, weeks before work on the new walls is due to begin.',
  ],
];

/** The example store with the flood story added: stories years apart. */
async function multiYearStore(stores: ExampleStores): Promise<{ location: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-floods-'));
  const folder = join(dir, 'emsford-echo');
  mkdirSync(folder);
  for (const [i, [day, text]] of FLOOD_STORY.entries())
    writeFileSync(join(folder, `${i}.txt`), ` date ${day}\n${text}\n`);
  const location = stores.copy();
  const store = await openStore(location);
  try {
    await ingest([folder], store);
  } finally {
    await store.close();
  }
  return { location, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe.skipIf(!hasChromium)(
  'the web app on a store of stories years apart, and on an empty one (chromium)',
  SLOW_TEST,
  () => {
    let stores: ExampleStores;
    let floods: { location: string; remove: () => void };
    let app: FastifyInstance;
    let empty: FastifyInstance;
    let emptyDir: string;
    let browser: Browser;
    let page: Page;
    let base: string;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      stores = await exampleStores();
      floods = await multiYearStore(stores);
      app = await buildServer({ storeLocation: floods.location });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      emptyDir = mkdtempSync(join(tmpdir(), 'chronicle-empty-'));
      empty = await buildServer({ storeLocation: join(emptyDir, 'empty.sqlite') });
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
      page = await newPage(browser, { viewport: { width: 1100, height: 720 }, acceptDownloads: true });
      page.on('pageerror', (error) => pageErrors.push(error.message));
    }, 2 * WAIT_MS);

    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await empty?.close();
      floods?.remove();
      stores?.remove();
      if (emptyDir) rmSync(emptyDir, { recursive: true, force: true });
    });

    it('plots the whole store by month or week, with bars wide enough to see and a labelled date axis', async () => {
      await openWholeArchive(page, base);
      expect(await page.locator('#stats').textContent()).toContain('24 articles');
      const plot = await plotShape(page);
      expect(['week', 'month']).toContain(plot.unit);
      expect(Math.min(...plot.barWidths)).toBeGreaterThanOrEqual(4);
      expect(plot.labels.length).toBeGreaterThanOrEqual(6);
      // Each year the store covers is named on the axis.
      for (const year of ['2021', '2022', '2023', '2024', '2025'])
        expect(plot.labels.some((label) => label.includes(year))).toBe(true);

      // On a phone too: fewer, coarser bars, still wide enough, and labels of a readable size.
      const phone = await newPage(browser, { viewport: PHONE });
      try {
        await openWholeArchive(phone, base);
        const small = await plotShape(phone);
        expect(Math.min(...small.barWidths)).toBeGreaterThanOrEqual(4);
        expect(Math.min(...small.labelHeights)).toBeGreaterThanOrEqual(11);
        expect(small.labels.length).toBeGreaterThanOrEqual(3);
        expect(await horizontalOverflow(phone)).toBe(0);
      } finally {
        await phone.close();
      }
    });

    it('follows the selected story: the strike alone is plotted by day, over its own weeks', async () => {
      await page.fill('#query', 'strike');
      await page.click('#build');
      await page.locator('#source .article-list h2', { hasText: 'matching “strike”' }).waitFor();
      await expect.poll(async () => (await plotShape(page)).unit).toBe('day');
      const plot = await plotShape(page);
      // About five weeks across 1,060 pixels: each day's bar is over 20 pixels wide, not 1.
      expect(Math.min(...plot.barWidths)).toBeGreaterThanOrEqual(15);
      expect(plot.labels.length).toBeGreaterThanOrEqual(6);
      expect(plot.labels.every((label) => /Mar|Apr|May/.test(label))).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
    });

    it('narrows the timeline to a range brushed on the plot, and shows all dates again', async () => {
      await page.fill('#query', '');
      await page.click('#build');
      await expect.poll(async () => (await plotShape(page)).unit).not.toBe('day');
      // Drag across the bars of 2021 and 2022, the flood story.
      const bars = page.locator('#plot rect.ref');
      const titles = await page.locator('#plot rect.ref title').allTextContents();
      const floodBars = titles.flatMap((title, i) => (/202[12]:/.test(title) && !/: 0 date/.test(title) ? [i] : []));
      expect(floodBars.length).toBeGreaterThan(1);
      const first = (await bars.nth(floodBars[0]!).boundingBox())!;
      const last = (await bars.nth(floodBars.at(-1)!).boundingBox())!;
      const y = first.y + first.height - 2;
      await page.mouse.move(first.x + 1, y);
      await page.mouse.down();
      await page.mouse.move((first.x + last.x) / 2, y, { steps: 4 });
      await page.mouse.move(last.x + last.width - 1, y, { steps: 4 });
      await page.mouse.up();
      await expect.poll(() => page.inputValue('#from')).toMatch(/^2021-/);
      expect(await page.inputValue('#to')).toMatch(/^2022-/);
      await page.locator('#status', { hasText: 'from 6 article(s)' }).waitFor();
      const dates = await entryDates(page);
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.every((date) => /^202[12]-/.test(date))).toBe(true);
      // The plot follows the window: the flood's months, by day or week, bars still visible.
      const plot = await plotShape(page);
      expect(['day', 'week']).toContain(plot.unit);
      expect(Math.min(...plot.barWidths)).toBeGreaterThanOrEqual(4);
      expect(await page.locator('#source .article-list h2').textContent()).toBe('6 stored article(s)');

      await page.locator('#plot button', { hasText: 'Show all dates' }).click();
      await page.locator('#status', { hasText: 'from 24 article(s)' }).waitFor();
      expect(await page.inputValue('#from')).toBe('');
    });

    it('takes dates as YYYY-MM-DD, and a From after To clears the results it no longer matches', async () => {
      await page.fill('#from', '04/05/2025');
      await page.click('#build');
      await page.locator('#status.error', { hasText: 'YYYY-MM-DD' }).waitFor();
      expect(await page.locator('#from').getAttribute('aria-invalid')).not.toBeNull();
      await page.fill('#from', '2025-04-10');
      await page.fill('#to', '2025-04-05');
      await page.click('#build');
      await page.locator('#status.error', { hasText: 'is after To' }).waitFor();
      expect(await page.locator('.entry').count()).toBe(0);
      expect(await page.locator('#plot svg').count()).toBe(0);
      expect(await page.locator('#exports a').count()).toBe(0);
      expect(await page.locator('#source').textContent()).toBe('');
      await page.fill('#to', '2025-04-12');
      await page.click('#build');
      await page.locator('.entry').first().waitFor();
      expect(await page.locator('#from').getAttribute('aria-invalid')).toBeNull();
      const dates = await entryDates(page);
      expect(dates.every((date) => date >= '2025-04-10' && date <= '2025-04-12')).toBe(true);
      await page.fill('#from', '');
      await page.fill('#to', '');
    });

    it('keeps outlet names as typed, with spaces, slashes and accents, and shows a pasted headline', async () => {
      const outlets = ['Le Monde', 'Reuters/AP', 'Süddeutsche Zeitung'];
      await page.locator('#add-articles').click();
      for (const [i, outlet] of outlets.entries()) {
        await page.fill(
          '#paste',
          ` date 2025-05-0${i + 1}\nQuay ${i + 1} reopens at Kessel\n\nThe Kessel quay number ${i + 1} in Velmora reopened to cargo on Thursday.`,
        );
        await page.fill('#paste-name', `quay-${i + 1}.txt`);
        await page.fill('#paste-source', outlet);
        await page.locator('#upload-form button[type="submit"]').click();
        await page.locator('#upload-status', { hasText: 'Added 1 article(s).' }).waitFor();
        await page.locator('#status', { hasText: `from ${25 + i} article(s)` }).waitFor();
      }
      await page.fill('#query', 'kessel quay reopened cargo');
      await page.click('#build');
      await page.locator('#source .article-list h2', { hasText: 'matching' }).waitFor();
      const items = page.locator('#source .article-list li');
      const listed = await items.locator('p').allTextContents();
      for (const outlet of outlets) expect(listed.some((line) => line.startsWith(`${outlet} · `))).toBe(true);
      expect(await items.locator('button').allTextContents()).toContain('Quay 2 reopens at Kessel');
      await items.locator('button', { hasText: 'Quay 3 reopens at Kessel' }).click();
      await page.locator('#source .article-head h2', { hasText: 'Quay 3 reopens at Kessel' }).waitFor();
      expect(await page.locator('#source .article-head p').textContent()).toMatch(/^Süddeutsche Zeitung · published/);
      // And in the timeline's citations.
      const metas = await page.locator('.citations .meta').allTextContents();
      expect(metas.some((meta) => outlets.some((outlet) => meta.startsWith(`${outlet} · `)))).toBe(true);
      expect(pageErrors).toEqual([]);
    });

    it('explains an empty store, opens the upload panel there, and builds a timeline from the first upload', async () => {
      const emptyBase = await empty.listen({ host: '127.0.0.1', port: 0 });
      const fresh = await newPage(browser, { viewport: { width: 1100, height: 720 } });
      try {
        await fresh.goto(`${emptyBase}/`);
        await fresh.locator('.empty-store').waitFor();
        expect(await fresh.locator('.empty-store').textContent()).toContain('chronicle ingest');
        expect(await fresh.locator('#upload').getAttribute('open')).not.toBeNull();
        expect(await fresh.locator('#exports a').count()).toBe(0);
        expect(await seriousViolations(fresh)).toEqual([]);
        await fresh.fill(
          '#paste',
          ' date 2025-04-20\nThe ferry to Lunholm sailed on Sunday for the first time in a week.',
        );
        await fresh.locator('#upload-form button[type="submit"]').click();
        await fresh.locator('.entry').first().waitFor();
        expect(await fresh.locator('#upload-status').textContent()).toBe('Added 1 article(s).');
        expect(await fresh.locator('#exports a').count()).toBe(4);
        // Opened again, the store has no story of two articles: its one-article story is listed, not nothing.
        await fresh.reload();
        await fresh.locator('#story-list a.story').first().waitFor();
        expect(await fresh.locator('#story-list a.story').count()).toBe(1);
        expect(await fresh.locator('#stories-note').textContent()).toContain('single article');
      } finally {
        await fresh.close();
      }
    });
  },
);

/** Both example stories, the harbour strike (18 articles) and the hill fire (10), in one archive. */
const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');

describe.skipIf(!hasChromium)('the story list of an archive of two stories (chromium)', SLOW_TEST, () => {
  let dir: string;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];
  const stories = () => page.locator('#story-list a.story');
  const screenshot = async (name: string) => {
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-stories-web-'));
    const location = join(dir, 'examples.sqlite');
    const store = await openStore(location);
    try {
      await ingest([EXAMPLES], store);
    } finally {
      await store.close();
    }
    app = await buildServer({ storeLocation: location });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
    page = await newPage(browser, { viewport: { width: 1100, height: 720 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 2 * WAIT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the story list, biggest first or most recent first, and passes axe-core', async () => {
    await page.goto(`${base}/`);
    await stories().first().waitFor();
    expect(await stories().count()).toBe(2);
    expect(await page.locator('#stories-heading').textContent()).toBe('Stories in the archive');
    const facts = await page.locator('#story-list .story-facts').allTextContents();
    expect(facts[0]).toMatch(/^1 April 2025 to 18 April 2025 · 18 articles .*· 3 outlets$/);
    expect(facts[1]).toMatch(/^8 April 2025 to 22 April 2025 · 10 articles .*· 3 outlets$/);
    const names = await page.locator('#story-list .story-names').allTextContents();
    expect(names[0]).toMatch(/^Names: .*Tomas Brell.* · Places: .*Velmora/);
    // No timeline under the list, no export of one.
    expect(await page.locator('.columns').isVisible()).toBe(false);
    expect(await page.locator('#exports').isVisible()).toBe(false);
    expect(await page.locator('#story-pager button').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('stories');

    // The fire went on longer: most recent first, it comes first.
    await page.click('#order-recent');
    await expect.poll(() => page.locator('#story-list .story-facts').first().textContent()).toContain('10 articles');
    expect(await page.locator('#order-recent').getAttribute('aria-pressed')).toBe('true');
    await page.click('#order-articles');
    await expect.poll(() => page.locator('#story-list .story-facts').first().textContent()).toContain('18 articles');
  });

  it("opens the strike's timeline, citing only the strike's articles, and comes back to the list", async () => {
    const strike = stories().first();
    const label = (await strike.textContent())!;
    const id = (await strike.getAttribute('data-story'))!;
    await strike.click();
    await page.locator('#source .article-list h2', { hasText: '18 stored article(s) in this story' }).waitFor();
    await page.locator('.entry').first().waitFor();
    expect(new URL(page.url()).searchParams.get('story')).toBe(id);
    expect(await page.locator('#timeline-heading').textContent()).toBe(label);
    expect(await focused(page)).toBe('#timeline-heading');
    expect(await page.locator('#stories').isVisible()).toBe(false);
    // Every cited outlet is one of the strike's; the fire's own outlet is nowhere.
    const metas = await page.locator('.citations .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toMatch(/^(velmora-herald|coastal-wire|northern-ledger) · /);
    expect(await page.locator('#source .article-list').textContent()).not.toContain('tarnwood-courier');
    expect(await page.locator('.timeline').textContent()).not.toMatch(/Eskerby|Grevlin/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot('story');

    // The exports are the story's, and TimelineJS titles it by its label.
    const download = page.waitForEvent('download');
    await page.locator('#exports a', { hasText: /^TimelineJS JSON$/ }).click();
    const timelineJs = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      title: { text: { headline: string } };
    };
    expect(timelineJs.title.text.headline).toBe(`Timeline: ${label.replaceAll("'", '&#39;')}`);

    // A reload finds the story again.
    await page.reload();
    await page.locator('#timeline-heading', { hasText: label }).waitFor();
    await page.locator('.entry').first().waitFor();

    // "All stories": the list again, with the focus on the story that was open.
    await page.locator('#all-stories').click();
    await stories().first().waitFor();
    expect(await stories().count()).toBe(2);
    await expect.poll(() => focused(page)).toBe(label);
    expect(new URL(page.url()).searchParams.get('story')).toBeNull();
    expect(await page.locator('.columns').isVisible()).toBe(false);

    // Back returns to the story, forward to the list.
    await page.goBack();
    await page.locator('#timeline-heading', { hasText: label }).waitFor();
    await page.locator('.entry').first().waitFor();
    await page.goForward();
    await stories().first().waitFor();
    expect(await page.locator('#stories').isVisible()).toBe(true);
  });

  it('searches the whole archive from a story, leaving the story', async () => {
    await stories().nth(1).click();
    await page.locator('#source .article-list h2', { hasText: '10 stored article(s) in this story' }).waitFor();
    await page.fill('#query', 'strike');
    await page.click('#build');
    await page.locator('#source .article-list h2', { hasText: 'matching “strike”' }).waitFor();
    expect(await page.locator('#timeline-heading').textContent()).toBe('Timeline');
    expect(new URL(page.url()).searchParams.get('story')).toBeNull();
  });

  it('answers an address naming no stored story with the list and a message', async () => {
    await page.goto(`${base}/?story=000000000000`);
    await page.locator('#status.error', { hasText: "no story with id '000000000000'" }).waitFor();
    expect(await stories().count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('story')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

/** A foreign page's attempts on the store: a no-cors text/plain fetch and a form post into a hidden frame. */
function forgeryPage(target: string): string {
  return `<!doctype html><title>loading</title><iframe name="sink"></iframe>
<form id="f" method="post" action="${target}/api/articles" target="sink"><input name="content" value=" date 2025-04-24&#10;Forged."></form>
<script>
  const sent = fetch('${target}/api/articles', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ' date 2025-04-24\\nForged.' });
  const posted = new Promise((resolve) => (document.querySelector('iframe').onload = resolve));
  document.getElementById('f').submit();
  Promise.allSettled([sent, posted]).then(() => (document.title = 'done'));
</script>`;
}

describe.skipIf(!hasChromium)('the web app refuses other sites (chromium)', () => {
  let stores: ExampleStores;
  let app: FastifyInstance;
  let foreign: Server;
  let browser: Browser;
  let base: string;
  const answered: Array<[string, string, number]> = [];

  beforeAll(async () => {
    stores = await exampleStores();
    app = await buildServer({ storeLocation: stores.copy() });
    app.addHook('onResponse', async (request, reply) => {
      answered.push([request.method, request.url, reply.statusCode]);
    });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    // Another origin on this machine (another port), serving the attacker's page.
    foreign = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end(forgeryPage(base)),
    );
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // rebind.test stands for a DNS-rebinding domain: a foreign name that resolves to this server.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    foreign?.close();
    await app?.close();
    stores?.remove();
  });

  const storedArticles = async () =>
    (await app.inject('/api/stats')).json<{ counts: { articles: number } }>().counts.articles;

  it('refuses a cross-origin upload from a foreign page, by fetch and by form', async () => {
    const page = await browser.newPage();
    const { port } = foreign.address() as AddressInfo;
    await page.goto(`http://localhost:${port}/`);
    await expect.poll(() => page.title()).toBe('done');
    expect(answered.filter(([method]) => method === 'POST')).toEqual([
      ['POST', '/api/articles', 403],
      ['POST', '/api/articles', 403],
    ]);
    expect(await storedArticles()).toBe(18);
    await page.close();
  });

  it('refuses a page served under a rebinding name, and serves its own', async () => {
    const page = await browser.newPage();
    const rebound = await page.goto(`http://rebind.test:${new URL(base).port}/`);
    expect(rebound?.status()).toBe(421);
    expect(((await rebound!.json()) as { error: string }).error).toContain("does not answer to the host 'rebind.test");
    const own = await page.goto(`${base}/`);
    expect(own?.status()).toBe(200);
    await page.close();
  });
});
