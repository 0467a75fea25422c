// Defences against other web pages acting through the user's browser, after OWASP's guidance:
// DNS rebinding (a foreign name resolving to this server, so its page reads the store as its own)
// is stopped by checking Host on every request; cross-site request forgery (a foreign page posting
// into the store) by refusing cross-origin writes and by requiring, on every write, something a
// browser only sends from this page: a JSON body or the server's CSRF token.
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { tokenMatches } from './access.js';

/** Names a loopback-bound server answers to. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** Bind addresses that mean "every interface": no name to derive from them. */
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);
/** Methods that change the store; the others only read. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CSRF_HEADER = 'x-csrf-token';

/** A name the Host header may carry; without a port, any port (a proxy in front may use its own). */
export interface HostEntry {
  name: string;
  port?: number;
}

/** A host name as it appears in a Host header: lower case, an IPv6 literal in brackets. */
function hostName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** "name", "name:port", "[v6]" or "[v6]:port" → its parts; undefined when it is none of these. */
export function parseHost(value: string): HostEntry | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && port > 65_535) return undefined;
  return { name: hostName(match[1]!), ...(port !== undefined && { port }) };
}

/**
 * The names the server answers to: the loopback names and the bound address itself (on the port
 * the request came in on), and the names given with --allowed-host (which clients use when
 * `--host` exposes the server, or a proxy forwards to it).
 */
export function allowedHosts(
  bindAddress: string,
  extra: readonly string[] = [],
): { own: string[]; extra: HostEntry[] } {
  const own = new Set(LOOPBACK_NAMES);
  if (!WILDCARD_ADDRESSES.has(bindAddress.trim())) own.add(hostName(bindAddress));
  const parsed = extra.map((value) => {
    const entry = parseHost(value);
    if (!entry) throw new Error(`not a host name or host:port: '${value}'`);
    return entry;
  });
  return { own: [...own], extra: parsed };
}

/**
 * True when the Host header names this server. `localPort` is the port the connection arrived on
 * (undefined for injected requests, which have no socket: then only the name is checked).
 */
export function hostAllowed(
  header: string | undefined,
  hosts: ReturnType<typeof allowedHosts>,
  localPort: number | undefined,
): boolean {
  const host = header === undefined ? undefined : parseHost(header);
  if (!host) return false;
  const port = host.port ?? 80;
  if (hosts.own.includes(host.name) && (localPort === undefined || port === localPort)) return true;
  return hosts.extra.some((entry) => entry.name === host.name && (entry.port === undefined || entry.port === port));
}

export function isWrite(request: FastifyRequest): boolean {
  return WRITE_METHODS.has(request.method);
}

/**
 * Why a write does not come from this server's own page, or undefined when it may. The Host header
 * has been checked already, so it stands for this server's origin; the scheme is not compared, as
 * a proxy in front may end TLS. A request with neither Origin nor Sec-Fetch-Site is not from a
 * current browser (curl, a script) and is left to the write proof.
 */
export function crossOriginProblem(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    return sameHost(origin, request.headers.host) ? undefined : `a write from another origin (${origin}) is refused`;
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return `a write from another site (Sec-Fetch-Site: ${site}) is refused`;
  return undefined;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      host !== undefined &&
      url.host === new URL(`http://${host}`).host
    );
  } catch {
    return false; // "null" (a sandboxed frame, a file) or a malformed value
  }
}

/**
 * True when a write carries what only this server's page (or a client that is not a browser) can
 * send: a JSON content type, which a foreign page cannot send without a CORS preflight this server
 * never grants, or the CSRF token, which only a same-origin read of /api/csrf-token reveals.
 */
export function hasWriteProof(request: FastifyRequest, csrfToken: string): boolean {
  const mediaType = request.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json') return true;
  const presented = request.headers[CSRF_HEADER];
  return typeof presented === 'string' && tokenMatches(presented, csrfToken);
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
