import { describe, expect, it } from 'vitest';
import { defaultMethod, timelineMethods } from './index.js';
import { DEFAULT_METHOD_NAME, isTimelineMethodName, TIMELINE_METHOD_NAMES } from './names.js';

describe('timeline method names', () => {
  it('name every method under its own name, and nothing else', () => {
    expect(Object.keys(timelineMethods)).toEqual([...TIMELINE_METHOD_NAMES]);
    for (const name of TIMELINE_METHOD_NAMES) expect(timelineMethods[name].name).toBe(name);
    expect(defaultMethod.name).toBe(DEFAULT_METHOD_NAME);
  });

  it('tell a method name from anything else', () => {
    expect(isTimelineMethodName('clusters')).toBe(true);
    expect(isTimelineMethodName('Clusters')).toBe(false);
    expect(isTimelineMethodName('toString')).toBe(false);
  });
});
