import { describe, expect, it } from 'vitest';
import { allowedHosts, hostAllowed, parseHost } from './forgery.js';

describe('parseHost', () => {
  it.each([
    ['localhost', { name: 'localhost' }],
    ['LocalHost:4178', { name: 'localhost', port: 4178 }],
    ['[::1]:4178', { name: '[::1]', port: 4178 }],
    ['[::1]', { name: '[::1]' }],
    ['news.example.org', { name: 'news.example.org' }],
  ])('%j → %j', (value, parsed) => {
    expect(parseHost(value)).toEqual(parsed);
  });

  it.each(['', ':4178', 'a:b:c', 'host:99999', 'host:', 'http://host/', '[::1'])('refuses %j', (value) => {
    expect(parseHost(value)).toBeUndefined();
  });
});

describe('hostAllowed', () => {
  const loopback = allowedHosts('127.0.0.1');
  it('takes the loopback names on the port the request came in on', () => {
    for (const host of ['127.0.0.1:4178', 'localhost:4178', '[::1]:4178'])
      expect(hostAllowed(host, loopback, 4178)).toBe(true);
    expect(hostAllowed('localhost:4179', loopback, 4178)).toBe(false);
    expect(hostAllowed('localhost', loopback, 4178)).toBe(false);
    expect(hostAllowed(undefined, loopback, 4178)).toBe(false);
  });

  it('derives no name from a wildcard bind address, and brackets an IPv6 one', () => {
    expect(allowedHosts('0.0.0.0').own).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(allowedHosts('::').own).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(allowedHosts('fd00::5').own).toContain('[fd00::5]');
  });
});
