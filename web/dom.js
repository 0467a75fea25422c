// Building the page from data. Article text is untrusted, so it only ever becomes text nodes:
// strings passed as children go through document.createTextNode, never through HTML parsing.

/** el('li', {class: 'x', onclick: f}, 'text', otherNode) */
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

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  node.append(...children.flat().map(asNode));
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

function asNode(child) {
  return child instanceof Node ? child : document.createTextNode(String(child));
}

export function clear(node, ...children) {
  node.replaceChildren(...children.flat().map(asNode));
}

/** A link only for web addresses: an article's `javascript:` URL stays text. */
export function safeLink(url, label) {
  return /^https?:\/\//i.test(url ?? '')
    ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, label)
    : null;
}
