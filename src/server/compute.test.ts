// The server's computing threads (compute.ts): what they answer is what the main thread computes,
// and an upload is seen by the next request.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../model.js';
import { buildServer } from './app.js';
import { exampleStores, type ExampleStores } from '../../test/support/server.js';

let stores: ExampleStores;
let threaded: FastifyInstance;
let inline: FastifyInstance;

beforeAll(async () => {
  stores = await exampleStores();
  const location = stores.copy();
  [threaded, inline] = await Promise.all([
    buildServer({ storeLocation: location, threads: 2 }),
    buildServer({ storeLocation: location, threads: 1 }),
  ]);
});
afterAll(async () => {
  await Promise.all([threaded.close(), inline.close()]);
  stores.remove();
});

const URLS = [
  '/api/timeline',
  '/api/timeline?dates=4&sentences=1',
  '/api/timeline?query=ferry&dates=20&sentences=5',
  '/api/timeline?entity=Lunholm',
  '/api/timeline?from=2025-04-05&to=2025-04-10',
  '/api/timeline?method=clusters&dates=5',
  '/api/timeline?query=zeppelin',
  '/api/timeline/export?format=md&dates=3',
  '/api/timeline/export?format=json&dates=3&query=ferry',
  '/api/timeline/export?format=timelinejs',
  '/api/signal',
  '/api/signal?query=ferry',
];

describe('computing threads', () => {
  it('answer every timeline, export and signal byte for byte as the main thread computes it', async () => {
    // Asked together, so that both threads work and answers cannot come back to the wrong request.
    const [fromThreads, fromMain] = await Promise.all(
      [threaded, inline].map((server) => Promise.all(URLS.map((url) => server.inject(url)))),
    );
    URLS.forEach((url, i) => {
      const [a, b] = [fromThreads![i]!, fromMain![i]!];
      expect(a.statusCode, url).toBe(200);
      expect(a.headers['content-type'], url).toBe(b.headers['content-type']);
      expect(a.body, url).toBe(b.body);
    });
    const { timeline } = JSON.parse(fromThreads![0]!.body) as { timeline: Timeline };
    expect(timeline.entries.length).toBeGreaterThan(0);
  });

  it('see an uploaded article in the next request, though the answer before it was cached', async () => {
    const server = await buildServer({ storeLocation: stores.copy(), threads: 2 });
    try {
      const url = '/api/timeline?query=quokka';
      const before = (await server.inject(url)).json<{ timeline: Timeline }>();
      expect(before.timeline.entries).toEqual([]);
      expect((await server.inject('/api/signal?query=quokka')).json()).toEqual({ days: [] });
      const upload = await server.inject({
        method: 'POST',
        url: '/api/articles',
        payload: {
          files: [
            {
              name: 'quokka.txt',
              content: ' date 2025-04-23\nA quokka reached the Lunholm ferry terminal on Wednesday.',
            },
          ],
        },
      });
      expect(upload.statusCode).toBe(200);
      const after = (await server.inject(url)).json<{ timeline: Timeline }>();
      const cited = after.timeline.entries.flatMap((entry) => entry.sentences.map((s) => s.text));
      expect(cited).toEqual(['A quokka reached the Lunholm ferry terminal on Wednesday.']);
      const signal = (await server.inject('/api/signal?query=quokka')).json<{ days: Array<{ day: string }> }>();
      expect(signal.days.map((d) => d.day)).toContain('2025-04-23');
    } finally {
      await server.close();
    }
  });
});
