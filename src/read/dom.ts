// linkedom's DOM, typed by what the readers use of it. linkedom declares its types with the DOM
// library's (Window, Document, Element), which this Node project does not load (tsconfig.json has
// lib ES2023 only), so they resolve to nothing and every use of them would be untyped.
import { parseHTML } from 'linkedom';

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

const parse = parseHTML as unknown as (html: string) => { document: HtmlDocument };

/** The document linkedom builds of a page or a fragment (which it wraps in <html> and <body>). */
export function parseHtmlDocument(html: string): HtmlDocument {
  return parse(html).document;
}
