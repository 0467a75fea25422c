// Saved article pages. Readability finds the article among the navigation, ads and footers; the
// publication date, title, address and outlet come from the page's metadata, read before
// Readability runs because it rewrites the document it is given.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ReadResult } from '../model.js';
import { htmlToText, issue, makeArticle, nonEmpty, publicationDay, skippedOnly, sourceFor, type ReadOptions } from './reader.js';

export interface PageMetadata {
  published?: string;
  title?: string;
  url?: string;
  siteName?: string;
}

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

const NO_HTML_DATE =
  'no publication date (looked for <meta property="article:published_time">, <meta name="date">, <time datetime> and JSON-LD datePublished)';

export function readHtml(html: string, file: string, options: ReadOptions): ReadResult {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document);
  const day = publicationDay(meta.published, options, NO_HTML_DATE);
  if (!day.ok) return skippedOnly(issue(file, day.reason));
  const readable = new Readability(document).parse();
  const text = readable?.content ? htmlToText(readable.content) : '';
  if (!text) return skippedOnly(issue(file, 'no article text found in the page'));
  const article = makeArticle({
    source: sourceFor(file, options, meta.siteName),
    publishedOn: day.day,
    title: meta.title ?? nonEmpty(readable?.title),
    url: meta.url,
    text,
    origin: { file },
  });
  return { articles: [article], skipped: [] };
}

export function pageMetadata(document: HtmlDocument): PageMetadata {
  const metaContent = (selector: string) => nonEmpty(document.querySelector(selector)?.getAttribute('content'));
  const fields: PageMetadata = {
    published:
      metaContent('meta[property="article:published_time"]') ??
      metaContent('meta[name="date"]') ??
      nonEmpty(document.querySelector('time[datetime]')?.getAttribute('datetime')) ??
      jsonLdDatePublished(document),
    title: metaContent('meta[property="og:title"]') ?? nonEmpty(document.querySelector('title')?.textContent),
    url: nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent('meta[property="og:url"]'),
    siteName: metaContent('meta[property="og:site_name"]'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** datePublished from schema.org JSON-LD: a single object, a list of them, or an @graph. */
function jsonLdDatePublished(document: HtmlDocument): string | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common and says nothing about the article itself.
    }
    const found = findDatePublished(data);
    if (found) return found;
  }
  return undefined;
}

function findDatePublished(data: unknown): string | undefined {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findDatePublished(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const node = data as Record<string, unknown>;
  if (typeof node.datePublished === 'string' && node.datePublished.trim()) return node.datePublished.trim();
  return findDatePublished(node['@graph']);
}
