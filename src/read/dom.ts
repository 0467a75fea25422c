// linkedom's DOM, typed by what the readers use of it. linkedom declares its types with the DOM
// library's (Window, Document, Element), which this Node project does not load (tsconfig.json has
// lib ES2023 only), so they resolve to nothing and every use of them would be untyped.
// linkedom is loaded on the first page parsed (its CommonJS build, synchronously): it takes a
// sixth of a second to load, which a timeline read from a store, or a JSONL ingest, never needs.
import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';

export interface HtmlElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
  remove(): void;
  replaceWith(...nodes: string[]): void;
  before(...nodes: string[]): void;
  after(...nodes: string[]): void;
}

export interface HtmlDocument {
  readonly documentElement: HtmlElement;
  readonly body: HtmlElement;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): Iterable<HtmlElement>;
}

type Parse = (html: string) => { document: HtmlDocument };
let parse: Parse | undefined;

/** The document linkedom builds of a page or a fragment (which it wraps in <html> and <body>). */
export function parseHtmlDocument(html: string): HtmlDocument {
  parse ??= (createRequire(import.meta.url)('linkedom') as typeof Linkedom).parseHTML as unknown as Parse;
  return parse(html).document;
}
