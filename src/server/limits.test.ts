import { describe, expect, it } from 'vitest';
import { BusyError, UploadQueue } from './limits.js';

/** A piece of work that finishes when told to, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { work: () => (started.push(name), done.then(() => name)), open };
}

describe('UploadQueue', () => {
  it('runs one at a time, in order, and refuses beyond the one running and `capacity` waiting', async () => {
    const queue = new UploadQueue(1);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(started, name));
    const first = queue.run(a!.work);
    const second = queue.run(b!.work);
    await expect(queue.run(c!.work)).rejects.toBeInstanceOf(BusyError);
    await Promise.resolve();
    expect(started).toEqual(['a']);
    a!.open();
    expect(await first).toBe('a');
    b!.open();
    expect(await second).toBe('b');
    expect(started).toEqual(['a', 'b']);
    // Room again once they are done, and a failure does not block the queue.
    await expect(queue.run(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await queue.run(async () => 'after')).toBe('after');
  });
});
