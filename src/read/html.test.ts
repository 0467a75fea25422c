import { describe, expect, it } from 'vitest';
import { readHtml } from './html.js';

const FILE = '/saved/quay-post/ferry.html';

const BODY = `
  <nav><a href="/">Home</a> <a href="/sport">Sport</a> Subscribe to our newsletter</nav>
  <article>
    <h1>Ferry runs aground off Corran Isle</h1>
    <p>The night ferry to Corran Isle ran aground on a sandbank late on Tuesday, stranding forty passengers until the morning tide lifted it free.</p>
    <p>No one was hurt, the harbour master said, and the vessel was towed back to the quay by two tugs shortly after dawn on Wednesday.</p>
    <p>The operator said the crossing would resume on Friday once divers had inspected the hull for damage to the propeller shaft.</p>
  </article>
  <footer>Copyright Quay Post. All rights reserved.</footer>`;

function page(head: string, body = BODY): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

describe('readHtml', () => {
  it('reads the article text, day, title, address and outlet of a page', () => {
    const html = page(`
      <title>Ferry aground | Quay Post</title>
      <meta property="og:title" content="Ferry runs aground off Corran Isle">
      <meta property="og:site_name" content="Quay Post">
      <meta property="article:published_time" content="2019-03-05T23:30:00-05:00">
      <link rel="canonical" href="https://quay.example/ferry">`);
    const result = readHtml(html, FILE, {});
    expect(result.skipped).toEqual([]);
    const [article] = result.articles;
    expect(article).toMatchObject({
      source: 'Quay Post',
      publishedOn: '2019-03-05',
      title: 'Ferry runs aground off Corran Isle',
      url: 'https://quay.example/ferry',
      origin: { file: FILE },
    });
    const paragraphs = article!.text.split('\n\n');
    expect(paragraphs).toContain(
      'The night ferry to Corran Isle ran aground on a sandbank late on Tuesday, stranding forty passengers until the morning tide lifted it free.',
    );
    expect(paragraphs.at(-1)).toBe(
      'The operator said the crossing would resume on Friday once divers had inspected the hull for damage to the propeller shaft.',
    );
    expect(article!.text).not.toMatch(/Subscribe|Copyright/);
  });

  it('falls back to <title>, og:url and the folder name', () => {
    const html = page(
      `<title>Ferry aground</title><meta name="date" content="2019-03-06"><meta property="og:url" content="https://quay.example/f">`,
    );
    expect(readHtml(html, FILE, {}).articles[0]).toMatchObject({
      title: 'Ferry aground',
      url: 'https://quay.example/f',
      source: 'quay-post',
      publishedOn: '2019-03-06',
    });
  });

  it('finds the day in a <time datetime> element', () => {
    const body = BODY.replace('<article>', '<article><time datetime="2019-03-07T08:00">Thursday</time>');
    expect(readHtml(page('<title>t</title>', body), FILE, {}).articles[0]!.publishedOn).toBe('2019-03-07');
  });

  it('finds the day in JSON-LD, also inside an @graph, and passes over broken JSON-LD', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebSite' }, { '@type': 'NewsArticle', datePublished: '2019-03-08' }],
    });
    const head = `<script type="application/ld+json">{ broken</script><script type="application/ld+json">${jsonLd}</script>`;
    expect(readHtml(page(head), FILE, {}).articles[0]!.publishedOn).toBe('2019-03-08');
  });

  it('reports a page without a date, and one with an impossible date', () => {
    expect(readHtml(page('<title>t</title>'), FILE, {})).toEqual({
      articles: [],
      skipped: [
        {
          file: FILE,
          reason: expect.stringMatching(/^no publication date \(looked for <meta property="article:published_time">/),
        },
      ],
    });
    expect(readHtml(page('<meta name="date" content="2019-02-30">'), FILE, {}).skipped).toEqual([
      { file: FILE, reason: "date '2019-02-30' is not a real day" },
    ]);
  });

  it('reports a page without text', () => {
    expect(readHtml(page('<meta name="date" content="2019-03-05">', ''), FILE, {}).skipped).toEqual([
      { file: FILE, reason: 'no article text found in the page' },
    ]);
  });
});
