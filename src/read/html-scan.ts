// A linear look at HTML before any DOM is built. linkedom's parser and Readability both slow down
// with nesting (2,000 nested <div>s took Readability 54 s, and linkedom itself needs 13 s to build
// 100,000 nested elements), so a page is measured first, with the same tree-building rules the
// parser (htmlparser2) applies: void elements, raw-text elements, and the tags whose opening
// closes an open <p>, <li>, <td>... A page over budget never reaches the DOM: its plain text is
// taken here, in one pass, and its metadata from the few tags that carry it.

/**
 * Deeper than this, a page is not laid out by a person: real article pages nest 15 to 40 deep,
 * and Chrome's own parser stops nesting at 512. Readability takes ~0.1 s on a 128-deep chain and
 * grows with the square of the depth, so the cap keeps every page well under a second.
 */
export const MAX_HTML_DEPTH = 128;

/**
 * A heavy news page has 3,000 to 20,000 elements; Readability reads 100,000 in about 1.5 s on
 * the development machine, so 50,000 leaves room for real pages and bounds the time.
 */
export const MAX_HTML_ELEMENTS = 50_000;

export interface HtmlMeasure {
  /** The deepest nesting seen (the scan stops counting once over budget). */
  depth: number;
  elements: number;
  /** Why the page is over budget, or undefined when it is within it. */
  over?: string;
}

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content the parser does not read as markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements whose content is not visible text (dropped from the plain text). */
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'textarea',
  'iframe',
  'noembed',
  'noframes',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'main',
  'aside',
  'nav',
  'address',
  'hr',
  'body',
  'td',
  'th',
]);

// htmlparser2's openImpliesClose: opening the key closes the open elements named in its set.
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dt', 'dd'])],
  ['dt', new Set(['dt', 'dd'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, Set<string>] => [name, FORM]),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name): [string, Set<string>] => [name, P]),
]);
/** Inside these, `<x/>` closes itself (in HTML proper it opens an element). */
const FOREIGN = new Set(['svg', 'math']);

const TAG_NAME = /[A-Za-z][^\s/>]*/y;
const rawTextEnds = new Map<string, RegExp>();

interface Tag {
  kind: 'open' | 'close' | 'other';
  name: string;
  /** Offset just after the tag's '>' (or the end of the input). */
  end: number;
  selfClosing: boolean;
}

/** The tag starting at `at` (an '<'), or undefined when that '<' is text. Linear in the tag's length. */
function tagAt(html: string, at: number): Tag | undefined {
  const next = html.charCodeAt(at + 1);
  if (next === 0x21 /* ! */) {
    if (html.startsWith('<!--', at)) return other(html.indexOf('-->', at + 4), 3, html);
    if (html.startsWith('<![CDATA[', at)) return other(html.indexOf(']]>', at + 9), 3, html);
    return other(html.indexOf('>', at + 2), 1, html);
  }
  if (next === 0x3f /* ? */) return other(html.indexOf('>', at + 2), 1, html);
  const closing = next === 0x2f; /* / */
  TAG_NAME.lastIndex = at + (closing ? 2 : 1);
  const name = TAG_NAME.exec(html)?.[0].toLowerCase();
  if (name === undefined) return closing ? other(html.indexOf('>', at + 2), 1, html) : undefined;
  // The tag ends at the first '>' outside a quoted attribute value.
  let quote = 0;
  let i = TAG_NAME.lastIndex;
  for (; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) break;
  }
  const end = Math.min(i + 1, html.length);
  return { kind: closing ? 'close' : 'open', name, end, selfClosing: html.charCodeAt(i - 1) === 0x2f };
}

function other(found: number, length: number, html: string): Tag {
  return { kind: 'other', name: '', end: found < 0 ? html.length : found + length, selfClosing: false };
}

/** Where the content of a raw-text element opened before `from` ends: at its closing tag (or the input's end). */
function rawTextEnd(html: string, name: string, from: number): { contentEnd: number; end: number } {
  let pattern = rawTextEnds.get(name);
  if (!pattern) rawTextEnds.set(name, (pattern = new RegExp(`</${name}[\\s/>]`, 'gi')));
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  if (!match) return { contentEnd: html.length, end: html.length };
  const close = html.indexOf('>', match.index);
  return { contentEnd: match.index, end: close < 0 ? html.length : close + 1 };
}

/** What the scan hands each visitor: text between tags, and the tags themselves. */
interface Visitor {
  text?(from: number, to: number, hidden: boolean): void;
  tag?(tag: Tag, start: number, depth: number): void;
  /** Raw-text content (scripts, titles), with the element's name. */
  raw?(name: string, from: number, to: number): void;
  /** Returning true stops the scan. */
  open?(depth: number, elements: number): boolean;
}

/** One pass over the markup, building the parser's element stack as far as needed. */
function scan(html: string, visitor: Visitor): void {
  const stack: string[] = [];
  let foreign = 0;
  let hidden = 0;
  let elements = 0;
  let at = 0;
  const pop = () => {
    const name = stack.pop()!;
    if (FOREIGN.has(name)) foreign--;
    if (HIDDEN.has(name)) hidden--;
  };
  while (at < html.length) {
    let lt = html.indexOf('<', at);
    if (lt < 0) lt = html.length;
    let tag: Tag | undefined;
    while (lt < html.length && (tag = tagAt(html, lt)) === undefined) {
      lt = html.indexOf('<', lt + 1);
      if (lt < 0) lt = html.length;
    }
    if (lt > at) visitor.text?.(at, lt, hidden > 0);
    if (!tag || lt >= html.length) break;
    at = tag.end;
    visitor.tag?.(tag, lt, stack.length);
    if (tag.kind === 'close') {
      const index = stack.lastIndexOf(tag.name);
      if (index >= 0) while (stack.length > index) pop();
      continue;
    }
    if (tag.kind !== 'open') continue;
    const implied = IMPLIES_CLOSE.get(tag.name);
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1]!)) pop();
    elements++;
    if (VOID.has(tag.name) || (tag.selfClosing && foreign > 0)) {
      if (visitor.open?.(stack.length + 1, elements)) return;
      continue;
    }
    if (RAW_TEXT.has(tag.name)) {
      const { contentEnd, end } = rawTextEnd(html, tag.name, at);
      visitor.raw?.(tag.name, at, contentEnd);
      if (!HIDDEN.has(tag.name)) visitor.text?.(at, contentEnd, hidden > 0);
      at = end;
      if (visitor.open?.(stack.length + 1, elements)) return;
      continue;
    }
    stack.push(tag.name);
    if (FOREIGN.has(tag.name)) foreign++;
    if (HIDDEN.has(tag.name)) hidden++;
    if (visitor.open?.(stack.length, elements)) return;
  }
}

/** How deep and how large the page's tree will be, and whether that is within budget. Stops at the first excess. */
export function measureHtml(html: string, maxDepth = MAX_HTML_DEPTH, maxElements = MAX_HTML_ELEMENTS): HtmlMeasure {
  const measure: HtmlMeasure = { depth: 0, elements: 0 };
  scan(html, {
    open(depth, elements) {
      measure.depth = Math.max(measure.depth, depth);
      measure.elements = elements;
      if (depth > maxDepth) measure.over = `elements nested more than ${maxDepth} deep`;
      else if (elements > maxElements) measure.over = `more than ${maxElements.toLocaleString('en-US')} elements`;
      return measure.over !== undefined;
    },
  });
  return measure;
}

/**
 * The visible text of a page, in one pass and without a DOM: tags dropped, scripts, styles and
 * the head left out, a paragraph break at each block element and a line break at <br>. Entities
 * are left as written (`decodeEntities` below turns them into characters).
 */
export function plainTextOfHtml(html: string): string {
  const parts: string[] = [];
  scan(html, {
    text(from, to, hidden) {
      if (!hidden) parts.push(html.slice(from, to));
    },
    tag(tag) {
      if (tag.name === 'br') parts.push('\n');
      else if (BLOCK.has(tag.name)) parts.push('\n\n');
    },
  });
  return parts.join('');
}

/**
 * The tags page metadata is read from (<meta>, <link>, <time>, <title>, JSON-LD scripts), copied
 * out of a page in one pass so that a small document of them can stand in for the page.
 */
export function metadataMarkup(html: string): string {
  const head: string[] = [];
  const body: string[] = [];
  scan(html, {
    tag(tag, start) {
      if (tag.kind !== 'open') return;
      if (tag.name === 'meta' || tag.name === 'link') head.push(html.slice(start, tag.end));
      else if (tag.name === 'time') body.push(`${html.slice(start, tag.end)}</time>`);
      else if (tag.name === 'script' && /application\/ld\+json/i.test(html.slice(start, tag.end)))
        body.push(html.slice(start, tag.end));
    },
    raw(name, from, to) {
      if (name === 'title' && !head.some((part) => part.startsWith('<title>')))
        head.push(`<title>${html.slice(from, to)}</title>`);
      else if (name === 'script' && body.at(-1)?.match(/^<script/i) && !body.at(-1)!.endsWith('</script>'))
        body[body.length - 1] += `${html.slice(from, to)}</script>`;
    },
  });
  return `<!doctype html><html><head>${head.join('')}</head><body>${body.map((part) => (part.startsWith('<script') && !part.endsWith('</script>') ? `${part}</script>` : part)).join('')}</body></html>`;
}
