// The web API under load: a real HTTP load generator (autocannon) against the app `chronicle serve`
// runs, on loopback, bounded by a request count per route.
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
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export async function measureApi(storeLocation: string, routes: ApiRoute[], connections = 2): Promise<ApiFigures[]> {
  const app = await buildServer({ storeLocation });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const figures: ApiFigures[] = [];
    for (const route of routes) {
      // The first request loads the store into the server's snapshot: not what is being measured.
      await fetch(`${address}${route.path}`);
      const result = await autocannon({ url: `${address}${route.path}`, connections, amount: route.requests, timeout: 60 });
      figures.push({
        label: route.label,
        path: route.path,
        requests: result.requests.total,
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
