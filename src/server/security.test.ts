// Each attack of issue 18 driven through the real server — injected requests, and raw HTTP to a
// listening server where the port matters — checking that it is refused and that the store is
// unchanged, and that the page's own requests still go through.
import { request as httpRequest } from 'node:http';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from './app.js';
import { exampleStores, type ExampleStores } from '../../test/support/server.js';

let stores: ExampleStores;
beforeAll(async () => {
  stores = await exampleStores();
});
afterAll(() => stores.remove());

const ARTICLE = ' date 2025-04-22\nFerries to Lunholm ran to the normal timetable on Tuesday.';
const JSON_UPLOAD = JSON.stringify({ files: [{ name: 'ferries.txt', content: ARTICLE }] });

async function withServer(
  options: Partial<ServerOptions>,
  use: (server: FastifyInstance) => Promise<void>,
): Promise<void> {
  const server = await buildServer({ storeLocation: stores.copy(), ...options });
  try {
    await use(server);
  } finally {
    await server.close();
  }
}

async function storedArticles(server: FastifyInstance): Promise<number> {
  return (await server.inject('/api/stats')).json<{ counts: { articles: number } }>().counts.articles;
}

function upload(server: FastifyInstance, headers: Record<string, string>, payload: string = JSON_UPLOAD) {
  return server.inject({ method: 'POST', url: '/api/articles', headers, payload });
}

/** Every refusal has the API's one error shape. */
function expectError(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  words?: string,
): void {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = response.json() as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error).toBe('string');
  if (words) expect(body.error).toContain(words);
}

describe('cross-site request forgery', () => {
  it.each([
    [
      'a cross-origin text/plain post (a foreign page, no preflight)',
      { origin: 'http://evil.example', 'content-type': 'text/plain' },
      ARTICLE,
      'another origin',
    ],
    [
      'a cross-origin JSON post',
      { origin: 'http://evil.example', 'content-type': 'application/json' },
      JSON_UPLOAD,
      'another origin',
    ],
    [
      'a post from a sandboxed frame (Origin: null)',
      { origin: 'null', 'content-type': 'application/json' },
      JSON_UPLOAD,
      'another origin',
    ],
    [
      'the same host on another port',
      { origin: 'http://localhost:8080', 'content-type': 'application/json' },
      JSON_UPLOAD,
      'another origin',
    ],
    [
      'a cross-site post without Origin',
      { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      JSON_UPLOAD,
      'another site',
    ],
    [
      'a same-site (other subdomain) post without Origin',
      { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      JSON_UPLOAD,
      'another site',
    ],
    [
      'a form post',
      { 'content-type': 'application/x-www-form-urlencoded' },
      `content=${encodeURIComponent(ARTICLE)}`,
      'application/json',
    ],
    [
      'a multipart form post',
      { 'content-type': 'multipart/form-data; boundary=b' },
      `--b\r\nContent-Disposition: form-data; name="f"\r\n\r\n${ARTICLE}\r\n--b--`,
      'application/json',
    ],
    ['a text/plain post with no Origin and no token', { 'content-type': 'text/plain' }, ARTICLE, 'x-csrf-token'],
    [
      'a text/plain post with a wrong token',
      { 'content-type': 'text/plain', 'x-csrf-token': 'guessed' },
      ARTICLE,
      'x-csrf-token',
    ],
  ])('refuses %s with 403 and stores nothing', async (_attack, headers, payload, words) => {
    await withServer({}, async (server) => {
      expectError(await upload(server, headers, payload), 403, words);
      expect(await storedArticles(server)).toBe(18);
    });
  });

  it("accepts the page's own upload: JSON from its origin, as a browser sends it", async () => {
    await withServer({}, async (server) => {
      // inject's Host is localhost:80, so the page's origin is http://localhost.
      const response = await upload(server, {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      });
      expect(response.statusCode).toBe(200);
      expect(await storedArticles(server)).toBe(19);
    });
  });

  it('accepts a script: JSON without Origin, or text/plain with the token from /api/csrf-token', async () => {
    await withServer({}, async (server) => {
      expect((await upload(server, { 'content-type': 'application/json; charset=utf-8' })).statusCode).toBe(200);
      const { csrfToken } = (await server.inject('/api/csrf-token')).json<{ csrfToken: string }>();
      const pasted = await upload(
        server,
        { 'content-type': 'text/plain', 'x-csrf-token': csrfToken },
        ARTICLE.replace('Tuesday', 'Wednesday'),
      );
      expect(pasted.statusCode).toBe(200);
      expect(await storedArticles(server)).toBe(20);
    });
  });

  it('gives each server its own token', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      await withServer({}, async (server) => {
        tokens.push((await server.inject('/api/csrf-token')).json<{ csrfToken: string }>().csrfToken);
      });
    }
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(tokens[0]!.length).toBeGreaterThanOrEqual(32);
  });
});

describe('DNS rebinding: the Host header', () => {
  it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'evil.example:80', '0.0.0.0'])(
    'refuses Host %j with 421, page and API alike',
    async (host) => {
      await withServer({}, async (server) => {
        for (const url of ['/', '/app.js', '/api/stats', '/api/timeline']) {
          expectError(await server.inject({ url, headers: { host } }), 421, 'does not answer to the host');
        }
        expectError(await upload(server, { host, 'content-type': 'application/json' }), 421);
        expect(await storedArticles(server)).toBe(18);
      });
    },
  );

  it('answers the names given with --allowed-host when exposed, and only those', async () => {
    await withServer(
      { host: '0.0.0.0', allowedHosts: ['chronicle.example.org', '192.168.1.5:4178'] },
      async (server) => {
        const status = async (host: string) =>
          (await server.inject({ url: '/api/stats', headers: { host } })).statusCode;
        expect(await status('chronicle.example.org')).toBe(200);
        expect(await status('CHRONICLE.example.org:443')).toBe(200);
        expect(await status('192.168.1.5:4178')).toBe(200);
        expect(await status('192.168.1.5:8000')).toBe(421);
        expect(await status('evil.example')).toBe(421);
        expect(await status('0.0.0.0')).toBe(421);
        expect(await status('localhost')).toBe(200);
      },
    );
  });

  it('answers the address it is bound to', async () => {
    await withServer({ host: '192.168.1.5' }, async (server) => {
      expect((await server.inject({ url: '/api/stats', headers: { host: '192.168.1.5:4178' } })).statusCode).toBe(200);
      expect((await server.inject({ url: '/api/stats', headers: { host: '192.168.1.6:4178' } })).statusCode).toBe(421);
    });
  });

  it('refuses a bad --allowed-host value when the server is built', async () => {
    await expect(buildServer({ storeLocation: stores.copy(), allowedHosts: ['http://x/'] })).rejects.toThrow(
      "not a host name or host:port: 'http://x/'",
    );
  });
});

describe('over HTTP, on a listening server', () => {
  let server: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    server = await buildServer({ storeLocation: stores.copy() });
    port = Number(new URL(await server.listen({ host: '127.0.0.1', port: 0 })).port);
  });
  afterAll(() => server.close());

  /** A raw request, so the Host and Origin headers are exactly those given. */
  function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  it('answers the loopback names on its own port only', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      expect((await send('GET', '/api/stats', { host })).status).toBe(200);
    for (const host of ['127.0.0.1', `localhost:${port + 1}`, `evil.example:${port}`]) {
      const refused = await send('GET', '/api/stats', { host });
      expect(refused.status).toBe(421);
      expect(Object.keys(JSON.parse(refused.body) as object)).toEqual(['error']);
    }
  });

  it('refuses a rebinding page posting under its own name, and takes the same post from the page', async () => {
    const evil = await send(
      'POST',
      '/api/articles',
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'content-type': 'application/json' },
      JSON_UPLOAD,
    );
    expect(evil.status).toBe(421);
    const foreign = await send(
      'POST',
      '/api/articles',
      { host: `127.0.0.1:${port}`, origin: 'http://evil.example', 'content-type': 'text/plain' },
      ARTICLE,
    );
    expect(foreign.status).toBe(403);
    const own = await send(
      'POST',
      '/api/articles',
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      JSON_UPLOAD,
    );
    expect(own.status).toBe(200);
    expect((JSON.parse(own.body) as { counts: { articles: number } }).counts.articles).toBe(19);
  });
});

describe('one error shape', () => {
  it('answers 400, 403, 404, 413, 414, 415, 421 and 500 with {"error": …} and the security headers', async () => {
    await withServer({ bodyLimit: 1024 }, async (server) => {
      server.get('/api/broken', async () => {
        throw new Error('a bug');
      });
      const json = { 'content-type': 'application/json' };
      const { csrfToken } = (await server.inject('/api/csrf-token')).json<{ csrfToken: string }>();
      const cases: Array<[number, string | InjectOptions]> = [
        [400, '/api/timeline?dates=0'],
        [400, '/api/articles/%E0%A4%A'],
        [
          403,
          {
            method: 'POST',
            url: '/api/articles',
            headers: { origin: 'http://evil.example', ...json },
            payload: JSON_UPLOAD,
          },
        ],
        [404, '/api/articles/no-such-id'],
        [404, '/nowhere'],
        [
          413,
          {
            method: 'POST',
            url: '/api/articles',
            headers: json,
            payload: JSON.stringify({ files: [{ name: 'a.txt', content: 'x'.repeat(2048) }] }),
          },
        ],
        [414, `/api/articles/${'x'.repeat(501)}`],
        [
          415,
          {
            method: 'POST',
            url: '/api/articles',
            headers: { 'content-type': 'application/xml', 'x-csrf-token': csrfToken },
            payload: '<files/>',
          },
        ],
        [421, { url: '/api/stats', headers: { host: 'evil.example' } }],
        [500, '/api/broken'],
      ];
      for (const [status, request] of cases) {
        const response = await server.inject(request);
        expectError(response, status);
        expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      }
      expectError(await server.inject(`/api/articles/${'x'.repeat(100_000)}`), 414, 'longer than 500 characters');
      // An id as long as the schema allows reaches the route and is looked up.
      expectError(await server.inject(`/api/articles/${'x'.repeat(500)}`), 404, 'no article with id');
    });
  });
});

describe('limits', () => {
  it('counts reads per client and answers 429 with Retry-After beyond the limit', async () => {
    await withServer({ limits: { requestsPerMinute: 3 } }, async (server) => {
      for (let i = 0; i < 3; i++) expect((await server.inject('/api/stats')).statusCode).toBe(200);
      const refused = await server.inject('/api/stats');
      expectError(refused, 429, 'at most 3 a minute');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Another client has its own allowance.
      expect((await server.inject({ url: '/api/stats', remoteAddress: '127.0.0.2' })).statusCode).toBe(200);
    });
  });

  it('counts uploads in a bucket of their own, so a flood of them leaves reads alone', async () => {
    await withServer({ limits: { requestsPerMinute: 5, uploadsPerMinute: 2 } }, async (server) => {
      const json = { 'content-type': 'application/json' };
      const articles = ['Monday', 'Tuesday', 'Wednesday', 'Thursday'].map((day) =>
        JSON.stringify({ files: [{ name: 'f.txt', content: ARTICLE.replace('Tuesday', day) }] }),
      );
      const statuses: number[] = [];
      for (const body of articles) statuses.push((await upload(server, json, body)).statusCode);
      expect(statuses).toEqual([200, 200, 429, 429]);
      expect((await upload(server, json, articles[3])).headers['retry-after']).toBeDefined();
      expect((await server.inject('/api/timeline?dates=2')).statusCode).toBe(200);
    });
  });

  it('bounds the files of one upload', async () => {
    await withServer({ maxFiles: 2 }, async (server) => {
      const files = [1, 2, 3].map((n) => ({ name: `${n}.txt`, content: ARTICLE }));
      expectError(
        await upload(server, { 'content-type': 'application/json' }, JSON.stringify({ files })),
        400,
        'files: Array must contain at most 2',
      );
      expect((await server.inject('/api/stats')).json<{ limits: { uploadFiles: number } }>().limits.uploadFiles).toBe(
        2,
      );
    });
  });

  it('processes one upload at a time and answers 503 with Retry-After when the queue is full', async () => {
    await withServer({ limits: { queuedUploads: 0 } }, async (server) => {
      const json = { 'content-type': 'application/json' };
      const bodies = ['Monday', 'Tuesday', 'Wednesday'].map((day) =>
        JSON.stringify({ files: [{ name: 'f.txt', content: ARTICLE.replace('Tuesday', day) }] }),
      );
      const responses = await Promise.all(bodies.map((body) => upload(server, json, body)));
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses[0]).toBe(200);
      expect(statuses.slice(1)).toContain(503);
      const busy = responses.find((r) => r.statusCode === 503)!;
      expectError(busy, 503, 'busy');
      expect(busy.headers['retry-after']).toBe('5');
      expect(await storedArticles(server)).toBe(18 + statuses.filter((s) => s === 200).length);
    });
  });
});
