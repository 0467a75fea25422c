// @ts-check
// Building the page from data. Article text is untrusted, so it only ever becomes text nodes:
// strings passed as children go through document.createTextNode, never through HTML parsing.

/**
 * Attributes of a made element. A function is the listener of the event its name gives after
 * `on` (`onclick`; the page's are all clicks); any other value is set as text: true as present and
 * empty, false, null and undefined left out.
 * @typedef {{ [name: string]: string | number | boolean | null | undefined | ((event: MouseEvent) => void) }} Attributes
 */

/**
 * A child of a made element: a node, or text. el() leaves out null, undefined and false, so a
 * child can be written `condition ? node : null`.
 * @typedef {Node | string | number | boolean | null | undefined} Child
 */

/**
 * The page's element that `selector` finds, of the type the script needs; an error naming both if
 * the page's markup (index.html) has none, or one of another kind.
 * @template {Element} T
 * @param {string} selector
 * @param {{ new (): T }} type HTMLInputElement, HTMLFormElement, …
 * @returns {T}
 */
export function required(selector, type) {
  const node = document.querySelector(selector);
  if (!(node instanceof type))
    throw new Error(`The page has no ${type.name} '${selector}'${node ? ` (it is a ${node.constructor.name})` : ''}.`);
  return node;
}

/**
 * el('li', {class: 'x', onclick: f}, 'text', otherNode)
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {...(Child | readonly Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  node.append(
    ...children
      .flat()
      .filter((c) => c !== null && c !== undefined && c !== false)
      .map(asNode),
  );
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {...(Node | string | readonly (Node | string)[])} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  node.append(...children.flat().map(asNode));
  return node;
}

/**
 * @param {Element} node
 * @param {Attributes} attributes
 */
function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * @param {Node | string | number | boolean} child
 * @returns {Node}
 */
function asNode(child) {
  return child instanceof Node ? child : document.createTextNode(String(child));
}

/**
 * Replaces the node's children.
 * @param {Element} node
 * @param {...(Node | string | readonly (Node | string)[])} children
 */
export function clear(node, ...children) {
  node.replaceChildren(...children.flat().map(asNode));
}

/**
 * A link only for web addresses: an article's `javascript:` URL stays text.
 * @param {string | undefined} url
 * @param {string} label
 * @returns {HTMLAnchorElement | null}
 */
export function safeLink(url, label) {
  return /^https?:\/\//i.test(url ?? '')
    ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, label)
    : null;
}
