import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../model.js';
import { buildServer } from './app.js';
import type { FigureConflict } from './figures.js';
import { exampleStores, type ExampleStores } from '../../test/support/server.js';

let stores: ExampleStores;
let app: FastifyInstance;

beforeAll(async () => {
  stores = await exampleStores();
  app = await buildServer({ storeLocation: stores.copy() });
});
afterAll(async () => {
  await app.close();
  stores.remove();
});

async function getJson<T = Record<string, unknown>>(url: string, server = app): Promise<{ status: number; body: T }> {
  const response = await server.inject(url);
  return { status: response.statusCode, body: response.json<T>() };
}

/** What a script posting text/plain sends along: the server's CSRF token, read same-origin. */
async function csrfHeaders(server: FastifyInstance): Promise<Record<string, string>> {
  const { csrfToken } = (await server.inject('/api/csrf-token')).json<{ csrfToken: string }>();
  return { 'content-type': 'text/plain', 'x-csrf-token': csrfToken };
}

interface ArticlePage {
  total: number;
  page: number;
  pages: number;
  articles: Array<{ id: string; publishedOn: string }>;
}

describe('security headers', () => {
  it('sends a strict Content-Security-Policy with the page and with the API', async () => {
    for (const url of ['/', '/app.js', '/api/stats']) {
      const response = await app.inject(url);
      expect(response.statusCode).toBe(200);
      const policy = response.headers['content-security-policy'];
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('query parameters are checked', () => {
  it.each([
    ['/api/timeline?dates=abc', 'dates'],
    ['/api/timeline?dates=0', 'dates'],
    ['/api/timeline?dates=101', 'dates'],
    ['/api/timeline?sentences=2.5', 'sentences'],
    ['/api/timeline?from=2025-02-30', 'from: not a real calendar day'],
    ['/api/timeline?to=2025-13-01', 'to: not a real calendar day'],
    ['/api/timeline?from=April', 'from: expected a day as YYYY-MM-DD'],
    ['/api/timeline?from=2025-04-10&to=2025-04-01', "'from' is after 'to'"],
    ['/api/timeline?method=magic', 'method'],
    ['/api/timeline?date=5', "Unrecognized key(s) in object: 'date'"],
    ['/api/timeline/export?format=pdf', 'format'],
    ['/api/timeline/export', 'format: Required'],
    ['/api/articles?pageSize=1000', 'pageSize'],
    ['/api/articles?page=-1', 'page'],
    [`/api/articles?query=${'x'.repeat(301)}`, 'query'],
    ['/api/signal?dates=3', "Unrecognized key(s) in object: 'dates'"],
  ])('%s → 400 naming the problem', async (url, problem) => {
    const { status, body } = await getJson<{ error: string }>(url);
    expect(status).toBe(400);
    expect(body.error).toContain('bad query parameters');
    expect(body.error).toContain(problem);
  });

  it('answers unknown routes and articles with a 404 in JSON', async () => {
    expect((await getJson('/api/nothing')).status).toBe(404);
    const missing = await getJson<{ error: string }>('/api/articles/no-such-id');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('no-such-id');
  });
});

describe('article list', () => {
  it('pages through every stored article exactly once, in publication order', async () => {
    const seen: string[] = [];
    const days: string[] = [];
    let pages = 1;
    for (let page = 1; page <= pages; page++) {
      const { status, body } = await getJson<ArticlePage>(`/api/articles?pageSize=5&page=${page}`);
      expect(status).toBe(200);
      expect(body.total).toBe(18);
      pages = body.pages;
      expect(body.articles.length).toBe(page < 4 ? 5 : 3);
      seen.push(...body.articles.map((a) => a.id));
      days.push(...body.articles.map((a) => a.publishedOn));
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(18);
    expect(days).toEqual([...days].sort());
  });

  it('returns an empty page past the end, with the total', async () => {
    const { body } = await getJson<ArticlePage>('/api/articles?pageSize=5&page=9');
    expect(body.articles).toEqual([]);
    expect(body.total).toBe(18);
  });

  it('narrows by topic words and publication dates', async () => {
    const ferry = (await getJson<ArticlePage>('/api/articles?query=ferry')).body;
    expect(ferry.total).toBeGreaterThan(0);
    expect(ferry.total).toBeLessThan(18);
    const window = (await getJson<ArticlePage>('/api/articles?from=2025-04-05&to=2025-04-06')).body;
    expect(window.articles.map((a) => a.publishedOn).every((d) => d >= '2025-04-05' && d <= '2025-04-06')).toBe(true);
    expect(window.total).toBeGreaterThan(0);
  });
});

describe('one article', () => {
  it('gives the text and sentences whose spans cut the text at the sentences', async () => {
    const first = (await getJson<ArticlePage>('/api/articles?pageSize=1')).body.articles[0]!;
    const { status, body } = await getJson<{
      article: { text: string; origin?: unknown };
      sentences: Array<{ text: string; span: { start: number; end: number }; tokens?: unknown; timexes: unknown[] }>;
    }>(`/api/articles/${first.id}`);
    expect(status).toBe(200);
    expect(body.article.origin).toBeUndefined();
    expect(body.sentences.length).toBeGreaterThan(3);
    for (const sentence of body.sentences) {
      expect(body.article.text.slice(sentence.span.start, sentence.span.end)).toBe(sentence.text);
      expect(sentence.tokens).toBeUndefined();
    }
    expect(body.sentences.some((s) => s.timexes.length > 0)).toBe(true);
  });

  it('lists the other copies of a duplicated story', async () => {
    const timeline = (await getJson<{ timeline: Timeline }>('/api/timeline?dates=20&sentences=5')).body.timeline;
    const copied = timeline.entries.flatMap((e) => e.sentences).find((c) => c.alsoIn.length > 0);
    expect(copied).toBeDefined();
    const { body } = await getJson<{ copies: Array<{ id: string; source: string }> }>(
      `/api/articles/${copied!.articleId}`,
    );
    expect(body.copies.map((c) => c.id)).toEqual(copied!.alsoIn);
  });
});

describe('timeline', () => {
  it('builds the timeline with the asked number of dates and sentences, and figure conflicts per entry', async () => {
    const { status, body } = await getJson<{ timeline: Timeline; conflicts: FigureConflict[][] }>(
      '/api/timeline?dates=4&sentences=1',
    );
    expect(status).toBe(200);
    expect(body.timeline.entries).toHaveLength(4);
    expect(body.timeline.entries.every((e) => e.sentences.length === 1)).toBe(true);
    expect(body.conflicts).toHaveLength(4);
    // The first day: "About 3,000 dock workers" (coastal-wire) against "2,400 dockworkers" (velmora-herald).
    const strikeDay = body.conflicts[body.timeline.entries.findIndex((e) => e.date.value === '2025-04-01')]!;
    const workers = strikeDay.find((c) => c.unit === 'dock workers');
    expect(workers?.figures.map((f) => [f.value, f.source])).toEqual([
      [3000, 'coastal-wire'],
      [2400, 'velmora-herald'],
    ]);
  });

  it('narrows to the articles naming an entity', async () => {
    const all = (await getJson<{ timeline: Timeline }>('/api/timeline')).body.timeline;
    const narrowed = (await getJson<{ timeline: Timeline }>('/api/timeline?entity=Lunholm')).body.timeline;
    expect(narrowed.stats.articles).toBeGreaterThan(0);
    expect(narrowed.stats.articles).toBeLessThan(all.stats.articles);
    for (const citation of narrowed.entries.flatMap((e) => e.sentences)) {
      const { body } = await getJson<{ sentences: Array<{ mentions: Array<{ text: string }> }> }>(
        `/api/articles/${citation.articleId}`,
      );
      expect(body.sentences.some((s) => s.mentions.some((m) => m.text === 'Lunholm'))).toBe(true);
    }
  });

  it('is empty, not an error, when nothing matches', async () => {
    const { status, body } = await getJson<{ timeline: Timeline }>('/api/timeline?query=zeppelin');
    expect(status).toBe(200);
    expect(body.timeline.entries).toEqual([]);
  });

  it('exports each format as an attachment', async () => {
    const md = await app.inject('/api/timeline/export?format=md&dates=3');
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-disposition']).toBe('attachment; filename="timeline.md"');
    expect(md.body.startsWith('# Timeline')).toBe(true);
    const js = await app.inject('/api/timeline/export?format=timelinejs&dates=3');
    expect(js.headers['content-disposition']).toContain('timelinejs.json');
    expect(js.json<{ events: unknown[] }>().events).toHaveLength(3);
    const tilse = await app.inject('/api/timeline/export?format=tilse&dates=3');
    expect(tilse.body.match(/^-{32}$/gm)).toHaveLength(3);
    const json = await app.inject('/api/timeline/export?format=json&dates=3&query=ferry');
    expect(json.json<Timeline>().options).toMatchObject({ dates: 3, query: 'ferry' });
  });
});

describe('one story', () => {
  it('lists its articles, and titles its TimelineJS export by its label', async () => {
    const { body } = await getJson<{ stories: Array<{ id: string; label: string; articles: number }> }>(
      '/api/stories?minArticles=1',
    );
    const story = body.stories[0]!;
    const list = await getJson<ArticlePage>(`/api/articles?story=${story.id}&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(story.articles);
    expect((await getJson<ArticlePage>('/api/articles?story=000000000000')).body.total).toBe(0);
    expect((await getJson('/api/articles?story=nope')).status).toBe(400);
    const js = await app.inject(`/api/timeline/export?format=timelinejs&dates=3&story=${story.id}`);
    // TimelineJS takes the headline as HTML: the label's apostrophe comes escaped.
    expect(js.json<{ title: { text: { headline: string } } }>().title.text.headline).toBe(
      `Timeline: ${story.label.replaceAll("'", '&#39;')}`,
    );
  });
});

describe('signal', () => {
  it('counts independent articles per publication day and day references per referred day', async () => {
    const { body } = await getJson<{ days: Array<{ day: string; articles: number; references: number }> }>(
      '/api/signal',
    );
    const days = body.days.map((d) => d.day);
    expect(days).toEqual([...days].sort());
    // 18 articles, one a copy of another: 17 independent ones.
    expect(body.days.reduce((n, d) => n + d.articles, 0)).toBe(17);
    expect(body.days.find((d) => d.day === '2025-04-01')!.references).toBeGreaterThan(5);
  });

  it('follows the date window the timeline has, and refuses one that ends before it starts', async () => {
    const { body } = await getJson<{ days: Array<{ day: string; articles: number }> }>(
      '/api/signal?from=2025-04-05&to=2025-04-10',
    );
    const published = body.days.filter((d) => d.articles > 0).map((d) => d.day);
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((day) => day >= '2025-04-05' && day <= '2025-04-10')).toBe(true);
    const wrong = await getJson<{ error: string }>('/api/signal?from=2025-04-10&to=2025-04-05');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toContain("'from' is after 'to'");
  });
});

describe('upload', () => {
  it('stores the good files and reports each bad one with its reason', async () => {
    const server = await buildServer({ storeLocation: stores.copy() });
    try {
      const response = await server.inject({
        method: 'POST',
        url: '/api/articles',
        payload: {
          files: [
            {
              name: 'quay.txt',
              content:
                ' date 2025-04-21\nThe harbour master of Velmora said on Monday that the night shifts would resume.',
              source: 'quay-post',
            },
            { name: 'undated.txt', content: 'A text without any publication date.' },
            { name: 'notes.docx', content: 'not an article format' },
          ],
        },
      });
      expect(response.statusCode).toBe(200);
      const { files, counts } = response.json<{
        files: Array<{ name: string; added: number; skipped: Array<{ reason: string }> }>;
        counts: { articles: number };
      }>();
      expect(files.map((f) => [f.name, f.added])).toEqual([
        ['quay.txt', 1],
        ['undated.txt', 0],
        ['notes.docx', 0],
      ]);
      expect(files[0]!.skipped).toEqual([]);
      expect(files[1]!.skipped[0]!.reason).toContain('no publication date');
      expect(files[2]!.skipped[0]!.reason).toContain("unsupported file type '.docx'");
      expect(counts.articles).toBe(19);

      const listed = (
        await getJson<{ articles: Array<{ source: string }> }>('/api/articles?query=harbour+master+night', server)
      ).body;
      expect(listed.articles.map((a) => a.source)).toContain('quay-post');
      const again = await server.inject({
        method: 'POST',
        url: '/api/articles',
        payload: {
          files: [
            {
              name: 'quay.txt',
              content:
                ' date 2025-04-21\nThe harbour master of Velmora said on Monday that the night shifts would resume.',
              source: 'quay-post',
            },
          ],
        },
      });
      expect(again.json<{ files: Array<{ added: number; alreadyStored: number }> }>().files[0]).toMatchObject({
        added: 0,
        alreadyStored: 1,
      });
    } finally {
      await server.close();
    }
  });

  it('keeps the outlet as typed: spaces, slashes and accents are data, not a folder name', async () => {
    const server = await buildServer({ storeLocation: stores.copy() });
    const outlets = ['Le Monde', 'Reuters/AP', 'Süddeutsche Zeitung', '../../etc'];
    try {
      const response = await server.inject({
        method: 'POST',
        url: '/api/articles',
        payload: {
          files: outlets.map((source, i) => ({
            name: `outlet-${i}.txt`,
            content: ` date 2025-04-2${i}\nThe ferry Lunholm Star sailed from pier ${i + 1} of the Zephyrine quay on time.`,
            source,
          })),
        },
      });
      expect(response.json<{ files: Array<{ added: number }> }>().files.map((f) => f.added)).toEqual([1, 1, 1, 1]);
      const listed = (await getJson<{ articles: Array<{ source: string }> }>('/api/articles?query=zephyrine', server))
        .body;
      expect(listed.articles.map((a) => a.source).sort()).toEqual([...outlets].sort());
    } finally {
      await server.close();
    }
  });

  it('takes a pasted text/plain body, with the CSRF token, as one file', async () => {
    const server = await buildServer({ storeLocation: stores.copy() });
    try {
      const before = (await getJson<{ timeline: Timeline }>('/api/timeline', server)).body.timeline;
      const response = await server.inject({
        method: 'POST',
        url: '/api/articles',
        headers: await csrfHeaders(server),
        payload: ' date 2025-04-22\nFerries to Lunholm ran to the normal timetable on Tuesday.',
      });
      expect(response.json()).toMatchObject({ files: [{ name: 'pasted.txt', added: 1 }], counts: { articles: 19 } });
      // The timeline computed before the upload is not served after it.
      const after = (await getJson<{ timeline: Timeline }>('/api/timeline', server)).body.timeline;
      expect(after.stats.articles).toBe(before.stats.articles + 1);
    } finally {
      await server.close();
    }
  });

  it('rejects a malformed upload with 400 and an oversized one with 413', async () => {
    const server = await buildServer({ storeLocation: stores.copy(), bodyLimit: 1024 });
    try {
      const malformed = await server.inject({
        method: 'POST',
        url: '/api/articles',
        payload: { files: [{ name: 'a.txt' }] },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<{ error: string }>().error).toContain('files.0.content: Required');
      const empty = await server.inject({ method: 'POST', url: '/api/articles', payload: { files: [] } });
      expect(empty.statusCode).toBe(400);
      const huge = await server.inject({
        method: 'POST',
        url: '/api/articles',
        headers: await csrfHeaders(server),
        payload: 'x'.repeat(2048),
      });
      expect(huge.statusCode).toBe(413);
      const notJson = await server.inject({
        method: 'POST',
        url: '/api/articles',
        headers: { 'content-type': 'application/json' },
        payload: '{"files": [',
      });
      expect(notJson.statusCode).toBe(400);
      expect((await getJson<{ counts: { articles: number } }>('/api/stats', server)).body.counts.articles).toBe(18);
    } finally {
      await server.close();
    }
  });
});

describe('access token', () => {
  it('requires the token on the API when one is set, by header or query, and leaves the page files open', async () => {
    const server = await buildServer({ storeLocation: stores.copy(), token: 's3cret-token' });
    try {
      const denied = await server.inject('/api/stats');
      expect(denied.statusCode).toBe(401);
      expect(denied.json<{ error: string }>().error).toContain('Authorization: Bearer');
      expect((await server.inject({ url: '/api/stats', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(
        401,
      );
      expect((await server.inject('/api/stats?token=s3cret-toke')).statusCode).toBe(401);
      expect(
        (await server.inject({ url: '/api/stats', headers: { authorization: 'Bearer s3cret-token' } })).statusCode,
      ).toBe(200);
      expect((await server.inject('/api/timeline?dates=2&token=s3cret-token')).statusCode).toBe(200);
      expect(
        (
          await server.inject({
            method: 'POST',
            url: '/api/articles',
            headers: { 'content-type': 'text/plain' },
            payload: ' date 2025-04-22\nx',
          })
        ).statusCode,
      ).toBe(401);
      expect((await server.inject('/%61pi/stats')).statusCode).not.toBe(200);
      expect((await server.inject('/')).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});
