// A service-pool thread for src/threads.test.ts: started with a greeting, it answers jobs with it,
// fails the ones asking to fail, and dies on the ones asking it to.
import { threadId } from 'node:worker_threads';
import { serveRequests } from '../../src/threads.js';

export type FixtureJob = { say: string; waitMs?: number } | { fail: string } | { exit: true };

serveRequests<FixtureJob, { said: string; thread: number }>(async (data) => {
  const greeting = String(data);
  return async (job) => {
    if ('fail' in job) throw new Error(job.fail);
    if ('exit' in job) process.exit(3);
    if (job.waitMs) await new Promise((resolve) => setTimeout(resolve, job.waitMs));
    return { said: `${greeting} ${job.say}`, thread: threadId };
  };
});
