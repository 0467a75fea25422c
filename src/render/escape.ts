// Article text is untrusted input: it goes into Markdown and HTML only through these functions.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in HTML text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/**
 * The URL if it is http(s), else undefined. Input files can carry any string as a URL, and a
 * `javascript:` link in a rendered timeline would run code in the reader's browser.
 */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Article text as literal inline Markdown, on one line. Escapes the characters that start inline
 * markup (emphasis, code, links, HTML, strikethrough), an `&` that would read as an entity, and a
 * leading block marker (`#`, `>`, a list bullet or number) because the text often starts a list item.
 * Ordinary punctuation (hyphens, full stops, brackets) stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>~|]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL as a Markdown link destination: the characters that would end or break it are percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(/[()<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
