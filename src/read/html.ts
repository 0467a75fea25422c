// Saved article pages. Readability finds the article among the navigation, ads and footers; the
// publication date, title, address and outlet come from the page's metadata, read before
// Readability runs because it rewrites the document it is given.
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument, type HtmlDocument } from './dom.js';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, measureHtml, metadataMarkup } from './html-scan.js';
import {
  htmlToText,
  issue,
  linearHtmlText,
  makeArticle,
  nonEmpty,
  publicationDay,
  skippedOnly,
  sourceFor,
  type ReaderResult,
  type ReadOptions,
} from './reader.js';

export interface PageMetadata {
  published?: string;
  title?: string;
  url?: string;
  siteName?: string;
}

const NO_HTML_DATE =
  'no publication date (looked for <meta property="article:published_time">, <meta name="date">, <time datetime> and JSON-LD datePublished)';

export function readHtml(html: string, file: string, options: ReadOptions): ReaderResult {
  const measure = measureHtml(html);
  if (measure.over) return readHtmlLinearly(html, file, options, measure.over);
  const document = parseHtmlDocument(html);
  const meta = pageMetadata(document);
  const day = publicationDay(meta.published, options, NO_HTML_DATE);
  if (!day.ok) return skippedOnly(issue(file, day.reason));
  let readable: ReturnType<Readability['parse']>;
  try {
    readable = new Readability(document).parse();
  } catch (error) {
    // The scan's budget keeps Readability well inside the stack; should it still fail, the page's text is not lost.
    return readHtmlLinearly(html, file, options, `article extraction failed (${(error as Error).message})`);
  }
  const text = readable?.content ? htmlToText(readable.content) : '';
  if (!text) return skippedOnly(issue(file, 'no article text found in the page'));
  if (readable?.content && onlyNavigation(readable.content)) {
    return skippedOnly(
      issue(file, `no article body: the page's main content is only navigation or links ("${excerpt(text)}")`),
    );
  }
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

/**
 * A page over the nesting or size budget: no DOM of it is built. Its metadata comes from a small
 * document of its <meta>, <link>, <time> and JSON-LD tags, and its text is all its visible text
 * (Readability cannot pick the article out of it in good time), which a note says.
 */
function readHtmlLinearly(html: string, file: string, options: ReadOptions, why: string): ReaderResult {
  const meta = pageMetadata(parseHtmlDocument(metadataMarkup(html)));
  const day = publicationDay(meta.published, options, NO_HTML_DATE);
  if (!day.ok) return skippedOnly(issue(file, day.reason));
  const text = linearHtmlText(html);
  if (!text)
    return skippedOnly(issue(file, `no text found in the page (${why}, so it was read without article extraction)`));
  const article = makeArticle({
    source: sourceFor(file, options, meta.siteName),
    publishedOn: day.day,
    title: meta.title,
    url: meta.url,
    text,
    origin: { file },
  });
  return {
    articles: [article],
    skipped: [],
    notes: [
      issue(
        file,
        `${why} (limits: ${MAX_HTML_DEPTH} deep, ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements): kept the page's whole text without picking the article out of it`,
      ),
    ],
  };
}

/**
 * True when the main content Readability found has no words outside links, menus, headers and
 * footers: a section front or an error page, whose navigation ("Home") is not an article.
 */
function onlyNavigation(content: string): boolean {
  const document = parseHtmlDocument(`<!doctype html><html><head></head><body>${content}</body></html>`);
  for (const element of document.body.querySelectorAll('a, nav, header, footer, aside, menu, button, form'))
    element.remove();
  return !/[\p{L}\p{N}]{2,}/u.test(document.body.textContent ?? '');
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
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
    url:
      nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      metaContent('meta[property="og:url"]'),
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
