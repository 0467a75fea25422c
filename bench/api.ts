// The web API under load: a real HTTP load generator (autocannon) against the app `chronicle serve`
// runs, on loopback, bounded by a request count per route. The first request to a route is timed on
// its own: it computes what the repeats are then served from the server's memory.
import autocannon from 'autocannon';
import { buildServer } from '../src/server/app.js';

export interface ApiRoute {
  label: string;
  path: string;
  requests: number;
}

export interface ApiFigures {
  label: string;
  path: string;
  requests: number;
  /** The first request, which computes the answer (the store is already in memory). */
  firstMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export async function measureApi(storeLocation: string, routes: ApiRoute[], connections = 2): Promise<ApiFigures[]> {
  const app = await buildServer({ storeLocation });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    // Loading the store into the server's snapshot is not what is being measured.
    await fetch(`${address}/api/articles?pageSize=1`);
    const figures: ApiFigures[] = [];
    for (const route of routes) {
      const started = performance.now();
      await fetch(`${address}${route.path}`).then((response) => response.arrayBuffer());
      const firstMs = Math.round(performance.now() - started);
      const result = await autocannon({ url: `${address}${route.path}`, connections, amount: route.requests, timeout: 60 });
      figures.push({
        label: route.label,
        path: route.path,
        requests: result.requests.total,
        firstMs,
        requestsPerSecond: +(result.requests.total / ((result.finish.getTime() - result.start.getTime()) / 1000)).toFixed(1),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        failures: result.errors + result.timeouts + result.non2xx,
      });
    }
    return figures;
  } finally {
    await app.close();
  }
}
