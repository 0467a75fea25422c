// Where a database or a queue lives, as it may be printed: a password in a URL never reaches a
// message or a log.

/**
 * The URL with its password shown as "***" (as given when it has none). When it is no URL at all
 * there is no telling where a password would be, so only `unparseable` is shown.
 */
export function passwordMasked(url: string, unparseable: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return unparseable;
  }
}
