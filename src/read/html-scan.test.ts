import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from './dom.js';
import { MAX_HTML_DEPTH, measureHtml, metadataMarkup, plainTextOfHtml } from './html-scan.js';
import { linearHtmlText } from './reader.js';

interface TreeNode {
  firstChild: TreeNode | null;
  nextSibling: TreeNode | null;
  parentNode: TreeNode | null;
}

/** The depth of the tree linkedom builds, walked without recursion. */
function domDepth(html: string): number {
  let depth = 0;
  let max = 0;
  let node = parseHtmlDocument(html).documentElement as unknown as TreeNode;
  const root = node;
  for (;;) {
    if (node.firstChild) {
      node = node.firstChild;
      max = Math.max(max, ++depth);
      continue;
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      depth--;
    }
    if (node === root) return max;
    node = node.nextSibling!;
  }
}

describe('measureHtml', () => {
  it('follows the parser on void elements, raw text, implied closes and self-closing tags', () => {
    expect(measureHtml('<p>a<p>b<p>c<li>x<li>y').depth).toBe(2); // <p> closes <p>, <li> closes <li>
    expect(measureHtml('<div><br><img src=x><input></div>').depth).toBe(2); // a void element is a leaf, never a parent
    expect(measureHtml(`<script>${'<div>'.repeat(500)}</script><div></div>`).depth).toBe(1);
    expect(measureHtml(`<svg>${'<path/>'.repeat(500)}</svg>`).depth).toBe(2);
    // In HTML proper "<div/>" opens a div: the parser nests them.
    expect(measureHtml('<div/>'.repeat(500)).over).toMatch(/nested more than/);
    expect(measureHtml('<!-- <div><div><div> -->' + '<a title="<div><div>">x</a>').depth).toBe(1);
  });

  it('stops at the first excess: depth, then element count', () => {
    const deep = measureHtml(`${'<div>'.repeat(200_000)}x`);
    expect(deep.over).toBe(`elements nested more than ${MAX_HTML_DEPTH} deep`);
    expect(deep.depth).toBe(MAX_HTML_DEPTH + 1);
    expect(measureHtml('<span>a</span>'.repeat(60_000)).over).toBe('more than 50,000 elements');
    expect(measureHtml('<p>ordinary</p>'.repeat(1000)).over).toBeUndefined();
  });

  it('never measures less depth than the DOM linkedom builds (property, small random pages)', () => {
    const tag = fc.constantFrom(
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      '<li>',
      '<b>',
      '</b>',
      '<br>',
      '<span/>',
      'text ',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '<table>',
      '<tr>',
      '<td>',
    );
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 60 }), (parts) => {
        const html = `<html><body>${parts.join('')}</body></html>`;
        // measure counts <html> and <body> as the DOM does; a looser scan would let deep pages through.
        expect(measureHtml(html, 10_000).depth).toBeGreaterThanOrEqual(domDepth(html) - 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('plainTextOfHtml and linearHtmlText', () => {
  it('keep visible text with paragraph breaks, drop scripts, styles and the title, decode entities', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><p>One &amp; two</p><script>x()</script><div>Three<br>four</div></body></html>';
    expect(linearHtmlText(html)).toBe('One & two\n\nThree\nfour');
    expect(plainTextOfHtml('a < b and <b>c</b>')).toBe('a < b and c');
  });

  it('take linear time on 200,000 unclosed tags', () => {
    const started = performance.now();
    expect(linearHtmlText(`${'<b><i>'.repeat(100_000)}the text`)).toBe('the text');
    // Generous: the scan is one pass (~30 ms here); a DOM of it took linkedom 39 s.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('copy out the tags that carry metadata', () => {
    const markup = metadataMarkup(
      '<html><head><meta property="article:published_time" content="2025-04-01"><title>Ferry</title><script type="application/ld+json">{"datePublished":"2025-04-02"}</script></head><body><time datetime="2025-04-03">x</time><div>body</div></body></html>',
    );
    expect(markup).toContain('<meta property="article:published_time" content="2025-04-01">');
    expect(markup).toContain('<title>Ferry</title>');
    expect(markup).toContain('{"datePublished":"2025-04-02"}</script>');
    expect(markup).toContain('<time datetime="2025-04-03"></time>');
    expect(markup).not.toContain('<div>');
  });
});
