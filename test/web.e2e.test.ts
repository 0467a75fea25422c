// The web app in a real browser (Debian's chromium driven by playwright-core): build a timeline
// from the example corpus, click through to a source, filter by an entity, export, upload — and
// check that markup inside an article never runs; and that a foreign page or a rebinding name cannot
// write into the store or read it. Screenshots of the main views go to docs/screenshots
// when UPDATE_SCREENSHOTS=1.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.js';
import { exampleStores, type ExampleStores } from '../src/server/testing.js';

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
  const screenshot = async (name: string) => {
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  it('builds the timeline of the example corpus on load, with the evidence plot', async () => {
    await page.goto(`${base}/`);
    await page.locator('.entry').first().waitFor();
    expect(await page.locator('.entry').count()).toBe(10);
    expect(await page.locator('#stats').textContent()).toContain('18 articles');
    expect(await page.locator('.entry h2 time').first().textContent()).toBe('Tuesday 1 April 2025');
    // One dashed marker per chosen date, over bars of date references.
    expect(await page.locator('#plot svg .chosen').count()).toBe(10);
    expect(await page.locator('#plot svg rect.ref').count()).toBeGreaterThan(10);
    expect(await page.locator('#source .article-list h2').textContent()).toBe('18 stored article(s)');
    await screenshot('timeline');
  });

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
    const timeline = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
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
      contents[file.suggestedFilename()] = readFileSync((await file.path())!, 'utf8');
    }
    expect(Object.keys(contents).sort()).toEqual(['timeline.json', 'timeline.md', 'timeline.txt', 'timelinejs.json']);
    expect((JSON.parse(contents['timeline.json']!) as { entries: unknown[] }).entries).toHaveLength(10);
    expect(contents['timeline.md']).toMatch(/^# Timeline/);
    expect((JSON.parse(contents['timelinejs.json']!) as { events: unknown[] }).events).toHaveLength(10);
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

  it('adds uploaded articles, reports the bad file, and never runs markup from an article', async () => {
    await page.locator('#upload summary').click();
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
    ((await app.inject('/api/stats')).json() as { counts: { articles: number } }).counts.articles;

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
