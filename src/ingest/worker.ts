// The ingest thread: articles in, annotated and made ready for the store (see ingest/pool.ts).
import { serveJobs } from '../threads.js';
import { threadResults } from './pool.js';

serveJobs(threadResults);
