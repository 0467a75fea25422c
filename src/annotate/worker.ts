// The annotation thread: articles in, annotated articles out (see threads.ts).
import { serveJobs } from '../threads.js';
import { annotateArticles } from './pool.js';

serveJobs(annotateArticles);
