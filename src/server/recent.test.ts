import { describe, expect, it } from 'vitest';
import { RecentResults } from './recent.js';

/** A computation that counts its runs. */
function counted(value: string) {
  const runs = { count: 0 };
  return { runs, compute: async () => (runs.count++, value) };
}

describe('RecentResults', () => {
  it('computes a key once, also for requests arriving together', async () => {
    const results = new RecentResults(4);
    const { runs, compute } = counted('timeline');
    const answers = await Promise.all([results.get('a', compute), results.get('a', compute)]);
    expect(await results.get('a', compute)).toBe('timeline');
    expect(answers).toEqual(['timeline', 'timeline']);
    expect(runs.count).toBe(1);
  });

  it('computes again after clear()', async () => {
    const results = new RecentResults(4);
    const { runs, compute } = counted('timeline');
    await results.get('a', compute);
    results.clear();
    await results.get('a', compute);
    expect(runs.count).toBe(2);
  });

  it('drops the least recently used key when full', async () => {
    const results = new RecentResults(2);
    const a = counted('a');
    const b = counted('b');
    const c = counted('c');
    await results.get('a', a.compute);
    await results.get('b', b.compute);
    await results.get('a', a.compute); // a is now the most recently used
    await results.get('c', c.compute); // so b goes
    await results.get('a', a.compute);
    await results.get('b', b.compute);
    expect([a.runs.count, b.runs.count, c.runs.count]).toEqual([1, 2, 1]);
  });

  it('does not keep a failure', async () => {
    const results = new RecentResults(4);
    let attempts = 0;
    const flaky = async () => {
      attempts++;
      if (attempts === 1) throw new Error('store unavailable');
      return 'timeline';
    };
    await expect(results.get('a', flaky)).rejects.toThrow('store unavailable');
    expect(await results.get('a', flaky)).toBe('timeline');
  });
});
