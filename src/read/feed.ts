// RSS 2.0 and Atom feeds: one article per <item> or <entry>. Feed bodies are HTML (escaped or in
// CDATA), so the text is the HTML's readable text. A bad item is reported by its position in
// the feed (fast-xml-parser keeps no line numbers) and the other items are still read.
// fast-xml-parser is loaded on the first feed read (its CommonJS build, synchronously): most inputs
// are no feeds, and loading it costs a timeline from a store a tenth of its start-up.
import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import type { Article, ReadIssue, ReadResult } from '../model.js';
import {
  htmlToText,
  issue,
  makeArticle,
  nonEmpty,
  publicationDay,
  skippedOnly,
  sourceFor,
  type ReadOptions,
} from './reader.js';

type XmlNode = Record<string, unknown>;

interface FeedShape {
  title?: string;
  items: XmlNode[];
  noun: 'item' | 'entry';
}

let xml: { parser: FastXmlParser.XMLParser; validator: typeof FastXmlParser.XMLValidator } | undefined;

function feedXml(): NonNullable<typeof xml> {
  if (xml) return xml;
  const { XMLParser, XMLValidator } = createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    // Keep "2019" and "007" as written: every value here is text.
    parseTagValue: false,
    isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  });
  return (xml = { parser, validator: XMLValidator });
}

export function looksLikeFeed(text: string): boolean {
  const start = text.slice(0, 2048).trimStart();
  return /^<\?xml/i.test(start) ? /<(rss|feed)[\s>]/i.test(start) : /^<(rss|feed)[\s>]/i.test(start);
}

export function readFeed(text: string, file: string, options: ReadOptions): ReadResult {
  const { parser, validator } = feedXml();
  let document: XmlNode;
  try {
    const validation = validator.validate(text);
    if (validation !== true)
      return skippedOnly(issue(file, `not well-formed XML: ${validation.err.msg}`, validation.err.line));
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    // The parser's own limits: external entities (which would read other files or the network),
    // entities over 10 KB or expanding too often (billion laughs), tags nested too deep.
    return skippedOnly(issue(file, `the XML parser refused it: ${(error as Error).message}`));
  }
  const feed = feedShape(document);
  if (!feed) return skippedOnly(issue(file, 'not an RSS 2.0 or Atom feed (no <rss><channel> or <feed> element)'));
  if (feed.items.length === 0) return skippedOnly(issue(file, `the feed has no ${feed.noun} elements`));
  const source = sourceFor(file, options, feed.title);
  const articles: Article[] = [];
  const skipped: ReadIssue[] = [];
  feed.items.forEach((item, index) => {
    const outcome = articleFromItem(item, file, source, options);
    if (typeof outcome === 'string') skipped.push(issue(file, `${feed.noun} ${index + 1}: ${outcome}`));
    else articles.push(outcome);
  });
  return { articles, skipped };
}

function feedShape(document: XmlNode): FeedShape | undefined {
  const channel = asNode(asNode(document.rss)?.channel);
  if (channel) return { title: textOf(channel.title), items: nodes(channel.item), noun: 'item' };
  const atom = asNode(document.feed);
  if (atom) return { title: textOf(atom.title), items: nodes(atom.entry), noun: 'entry' };
  return undefined;
}

/** The article in one item/entry, or why there is none. */
function articleFromItem(item: XmlNode, file: string, source: string, options: ReadOptions): Article | string {
  const rawDay = textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published) ?? textOf(item.updated);
  const day = publicationDay(rawDay, options, 'no publication date (pubDate, dc:date, published or updated)');
  if (!day.ok) return day.reason;
  const body =
    textOf(item['content:encoded']) ?? textOf(item.content) ?? textOf(item.description) ?? textOf(item.summary);
  const text = body ? htmlToText(body) : '';
  if (!text) return 'no text (content:encoded, content, description or summary)';
  const title = textOf(item.title);
  return makeArticle({
    id: textOf(item.guid) ?? textOf(item.id),
    source,
    publishedOn: day.day,
    // Feeds put HTML in titles too ("Dues &amp;amp; fees"), escaped or not.
    title: title ? htmlToText(title).replace(/\s+/g, ' ') : undefined,
    url: linkOf(item.link),
    text,
    origin: { file },
  });
}

/** RSS writes <link>url</link>; Atom writes <link rel="alternate" href="url"/> among other links. */
function linkOf(links: unknown): string | undefined {
  for (const link of Array.isArray(links) ? links : [links]) {
    const node = asNode(link);
    const rel = node ? textOf(node['@_rel']) : undefined;
    const url = node ? textOf(node['@_href']) : textOf(link);
    if (url && (rel === undefined || rel === 'alternate')) return url;
  }
  return undefined;
}

/** The text of an element, whether it was parsed to a string or (with attributes) to {#text}. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return nonEmpty(value);
  if (Array.isArray(value)) return textOf(value[0]);
  const node = asNode(value);
  return node ? textOf(node['#text']) : undefined;
}

function asNode(value: unknown): XmlNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

function nodes(value: unknown): XmlNode[] {
  return (Array.isArray(value) ? value : []).map((item) => asNode(item) ?? {});
}
