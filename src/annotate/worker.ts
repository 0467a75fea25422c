// The annotation worker: articles in, annotated articles out, one message per job.
import { parentPort } from 'node:worker_threads';
import type { Article } from '../model.js';
import { annotateArticle } from './index.js';

export interface AnnotateJob {
  id: number;
  articles: Article[];
}

parentPort?.on('message', ({ id, articles }: AnnotateJob) => {
  try {
    parentPort!.postMessage({ id, annotated: articles.map(annotateArticle) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
