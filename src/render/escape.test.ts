import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, httpUrl, markdownUrl } from './escape.js';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<b class="x">Tom & Jo's</b>`)).toBe('&lt;b class=&quot;x&quot;&gt;Tom &amp; Jo&#39;s&lt;/b&gt;');
  });
});

describe('httpUrl', () => {
  it('keeps http(s) URLs and refuses the rest', () => {
    expect(httpUrl('https://news.example/a b')).toBe('https://news.example/a%20b');
    expect(httpUrl('javascript:alert(1)')).toBeUndefined();
    expect(httpUrl('not a url')).toBeUndefined();
    expect(httpUrl(undefined)).toBeUndefined();
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline markup but leaves ordinary punctuation alone', () => {
    expect(escapeMarkdown('A *bold* `code` [link](x) <i> ~~gone~~ a_b')).toBe(
      'A \\*bold\\* \\`code\\` \\[link\\](x) \\<i\\> \\~\\~gone\\~\\~ a\\_b',
    );
    expect(escapeMarkdown('A well-known U.S. firm (the owner) paid $5.')).toBe(
      'A well-known U.S. firm (the owner) paid $5.',
    );
  });

  it('escapes an ampersand only where it would read as an entity', () => {
    expect(escapeMarkdown('Tom & Jo &amp; &#169;')).toBe('Tom & Jo \\&amp; \\&#169;');
  });

  it('keeps the text on one line and stops it from starting a block', () => {
    expect(escapeMarkdown('  # not\n a heading ')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });
});

describe('markdownUrl', () => {
  it('encodes characters that end a link destination', () => {
    expect(markdownUrl('https://x.example/a_(b)')).toBe('https://x.example/a_%28b%29');
  });
});
