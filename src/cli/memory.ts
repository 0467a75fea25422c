// The heap policy of commands that stream: ingest and the queue worker hold little at any moment
// (a few batches, bounded caches) but make garbage by the gigabyte. V8's default lets a heap grow
// to four times what survived its last full collection before it collects again (its factor on a
// machine with this much memory), so each of ingest's three threads swelled to 90–150 MB around
// 20–45 MB of live data, and the process's peak memory followed the garbage, not the work
// (500 MB for 6,000 articles into a 200,000-article store, 340 MB with this).
import { setFlagsFromString } from 'node:v8';

/** How far a heap may grow past its live data before a full collection, in percent. */
const HEAP_GROWTH_PERCENT = 30;

/** Keeps every thread's heap near its live data from now on: V8 reads the flag at each collection. */
export function keepHeapsNearLiveData(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
}
