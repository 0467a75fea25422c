// Results computed from the store, kept until it changes: a timeline over a large
// store takes seconds, and a reader clicking through it or exporting it asks for the same one again.

export class RecentResults {
  /** Promises, so that identical requests arriving together share one computation. */
  private readonly results = new Map<string, Promise<unknown>>();

  constructor(private readonly capacity: number) {}

  /** The result computed for `key`, computing it on first use; the least recently used goes first. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let result = this.results.get(key) as Promise<T> | undefined;
    if (result) {
      // Re-inserting moves the key to the back of the Map's order: most recently used.
      this.results.delete(key);
    } else {
      result = compute();
      // A failure is not kept: the next request tries again.
      result.catch(() => {
        if (this.results.get(key) === result) this.results.delete(key);
      });
      if (this.results.size >= this.capacity) this.results.delete(this.results.keys().next().value!);
    }
    this.results.set(key, result);
    return result;
  }

  clear(): void {
    this.results.clear();
  }
}
