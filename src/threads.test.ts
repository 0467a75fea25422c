import { afterEach, describe, expect, it } from 'vitest';
import { createServicePool, PoolBusyError, type ServicePool } from './threads.js';
import type { FixtureJob } from '../test/support/service-worker.js';

const FIXTURE = new URL('../test/support/service-worker.ts', import.meta.url);
type Answer = { said: string; thread: number };

let pool: ServicePool<FixtureJob, Answer> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('service pool', () => {
  it('answers each job, spreading jobs that arrive together over its threads', async () => {
    pool = createServicePool<FixtureJob, Answer>(FIXTURE, { size: 2, data: 'hello' });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => pool!.run({ say: String(i), waitMs: 50 })));
    expect(answers.map((a) => a.said)).toEqual(['0', '1', '2', '3', '4', '5'].map((i) => `hello ${i}`));
    expect(new Set(answers.map((a) => a.thread)).size).toBe(2);
  });

  it('takes its threads in turn for jobs that arrive one at a time, so that none stays cold', async () => {
    pool = createServicePool<FixtureJob, Answer>(FIXTURE, { size: 2, data: 'one' });
    const threads: number[] = [];
    for (let i = 0; i < 4; i++) threads.push((await pool.run({ say: String(i) })).thread);
    expect(new Set(threads).size).toBe(2);
    expect(threads[0]).not.toBe(threads[1]);
    expect(threads.slice(2)).toEqual(threads.slice(0, 2));
  });

  it('fails a job that fails, and replaces a thread that dies, failing only its job', async () => {
    pool = createServicePool<FixtureJob, Answer>(FIXTURE, { size: 1, data: 'hi' });
    await expect(pool.run({ fail: 'no such thing' })).rejects.toThrow('no such thing');
    await expect(pool.run({ exit: true })).rejects.toThrow('exited');
    expect((await pool.run({ say: 'again' })).said).toBe('hi again');
  });

  it('refuses jobs beyond those it may keep waiting', async () => {
    pool = createServicePool<FixtureJob, Answer>(FIXTURE, { size: 1, data: 'x', maxWaiting: 1 });
    const first = pool.run({ say: 'a', waitMs: 200 });
    const second = pool.run({ say: 'b' });
    await expect(pool.run({ say: 'c' })).rejects.toBeInstanceOf(PoolBusyError);
    expect((await first).said).toBe('x a');
    expect((await second).said).toBe('x b');
  });
});
