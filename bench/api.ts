// The web API under load, run by bench/run.ts as a child process of its own (so the server's memory
// is measured apart, and a store too large for it fails this process, not the whole bench):
//   tsx bench/api.ts <store> <routes as JSON>   → the figures as JSON on stdout.
// A real HTTP load generator (autocannon) drives the app `chronicle serve` runs, on loopback, one
// request per given path. Over one connection each latency is a request's own and not that of a
// wait behind another; over several, the figures are what concurrent users see and the server's
// throughput. The server keeps results by request, so distinct paths mean uncached answers.
import autocannon from 'autocannon';
import { buildServer } from '../src/server/app.js';

export interface ApiRoute {
  label: string;
  /** One request each, in order; distinct, so that none is answered from an earlier result. */
  paths: string[];
  /** Requests in flight at once (default 1). */
  connections?: number;
}

export interface ApiFigures {
  /** The first requests of all, which open the store and start the server's threads (not part of any route's figures). */
  firstMs: number;
  routes: Array<{
    label: string;
    requests: number;
    requestsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    failures: number;
    /** CPU time of this process (server threads and load generator) per request, in ms. */
    cpuMsPerRequest: number;
  }>;
}

/** Requested before the routes: whatever opening the store costs the server is paid here. */
const FIRST_PATH = '/api/articles?pageSize=1';
/** Then signals of words no article has (nothing to read), which start the server's computing threads. */
const WARM_UP_PATHS = ['qwxzv', 'zxqvw', 'vqxwz', 'wzvqx'].map((word) => `/api/signal?query=${word}`);

/**
 * Runs a load to its end, and the seconds from its start to its last answer. autocannon's own
 * duration ends at the sampling tick after the last answer, a whole second at most later, which
 * for a few seconds of requests understated the throughput by up to a quarter.
 */
function load(options: autocannon.Options): Promise<{ result: autocannon.Result; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = started;
    const instance = autocannon(options, (error: Error | null, result: autocannon.Result) =>
      error ? reject(error) : resolve({ result, seconds: (answered - started) / 1000 }),
    );
    instance.on('response', () => {
      answered = performance.now();
    });
  });
}

async function measureApi(storeLocation: string, routes: ApiRoute[]): Promise<ApiFigures> {
  const app = await buildServer({ storeLocation });
  const served: string[] = [];
  app.addHook('onRequest', async (request) => {
    served.push(request.url);
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const started = performance.now();
    await fetch(`${address}${FIRST_PATH}`).then((response) => response.arrayBuffer());
    // As many cheap computed answers as the server has threads, at once: each thread opens the store.
    await Promise.all(
      WARM_UP_PATHS.map((path) => fetch(`${address}${path}`).then((response) => response.arrayBuffer())),
    );
    const firstMs = Math.round(performance.now() - started);
    const figures: ApiFigures = { firstMs, routes: [] };
    for (const route of routes) {
      served.length = 0;
      let next = 0;
      const cpu = process.cpuUsage();
      const { result, seconds } = await load({
        url: address,
        connections: route.connections ?? 1,
        amount: route.paths.length,
        // Seconds: an uncached timeline on a large store is slow, and a timeout would hide how slow.
        timeout: 600,
        // Called once per request sent (autocannon 9), so each path goes out once.
        requests: [{ setupRequest: (request) => ({ ...request, path: route.paths[next++]! }) }],
      });
      const { user, system } = process.cpuUsage(cpu);
      if (new Set(served).size !== served.length)
        throw new Error(
          `${route.label}: a path was requested twice, so an answer may have come from the server's memory`,
        );
      figures.routes.push({
        label: route.label,
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / seconds,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        failures: result.errors + result.timeouts + result.non2xx,
        cpuMsPerRequest: (user + system) / 1000 / Math.max(1, result.requests.total),
      });
    }
    return figures;
  } finally {
    await app.close();
  }
}

const [storeLocation, routes] = process.argv.slice(2);
if (!storeLocation || !routes) throw new Error('usage: tsx bench/api.ts <store> <routes as JSON>');
process.stdout.write(`${JSON.stringify(await measureApi(storeLocation, JSON.parse(routes) as ApiRoute[]))}\n`);
