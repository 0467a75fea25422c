import { InvalidArgumentError, Option, type Command } from 'commander';
import { UserError } from './errors.js';
import { storeLocation } from './options.js';
import { DEFAULT_STORE, STORE_LOCATION_HELP } from './store-path.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, DEFAULT_MAX_FILES } from '../server/defaults.js';
import { parseHost } from '../server/forgery.js';

interface ServeFlags {
  store: string;
  port: number;
  host: string;
  allowedHost: string[];
  token?: string;
  maxUploadMb: number;
  maxFiles: number;
  rateLimit: number;
  uploadRateLimit: number;
  threads?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const WILDCARD = new Set(['0.0.0.0', '::']);
const MEGABYTE = 1024 * 1024;

const LISTEN_FAILURES: Record<string, string> = {
  EADDRINUSE: 'the port is in use (pick another with --port, or 0 for any free one)',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'this machine has no such address (check --host)',
  ENOTFOUND: 'unknown host name (check --host)',
};

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535, got '${value}'.`);
  return n;
}

/** A whole number within bounds, for an option named in the message. */
function wholeNumber(option: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${option} must be a whole number from ${min} to ${max}, got '${value}'.`);
    return n;
  };
}

/** Repeatable and comma-separated: `--allowed-host a,b --allowed-host c`. */
function hostList(value: string, previous: string[]): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const wrong = names.find((name) => parseHost(name) === undefined);
  if (wrong !== undefined)
    throw new InvalidArgumentError(
      `--allowed-host takes host names or name:port (no scheme, no path), got '${wrong}'.`,
    );
  return [...previous, ...names];
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the local web app: search the store, see the timeline beside its sources, add articles')
    .option(
      '--store <file|url>',
      `${STORE_LOCATION_HELP}; a file is created when missing (add articles from the page or with \`chronicle ingest\`)`,
      storeLocation,
      DEFAULT_STORE,
    )
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', portNumber, 4178)
    .option('--host <address>', 'address to bind; anything but localhost exposes the store to the network', '127.0.0.1')
    .addOption(
      new Option(
        '--allowed-host <names>',
        'host names (or name:port) clients may use besides the loopback ones and --host, comma-separated or repeated (a rebinding domain is refused)',
      )
        .argParser(hostList)
        .default([], 'none'),
    )
    .option(
      '--token <secret>',
      'require this token on every API request (Authorization: Bearer, or ?token= in the page address)',
      process.env.CHRONICLE_TOKEN,
    )
    .option(
      '--max-upload-mb <n>',
      'largest upload, in megabytes',
      wholeNumber('--max-upload-mb', 1, 1024),
      DEFAULT_BODY_LIMIT / MEGABYTE,
    )
    .option('--max-files <n>', 'files one upload may carry', wholeNumber('--max-files', 1, 10_000), DEFAULT_MAX_FILES)
    .option(
      '--rate-limit <n>',
      'requests per minute from one address, uploads aside (0: no limit)',
      wholeNumber('--rate-limit', 0, 1_000_000),
      DEFAULT_LIMITS.requestsPerMinute,
    )
    .option(
      '--upload-rate-limit <n>',
      'uploads per minute from one address (0: no limit)',
      wholeNumber('--upload-rate-limit', 0, 1_000_000),
      DEFAULT_LIMITS.uploadsPerMinute,
    )
    .option(
      '--threads <n>',
      'threads computing timelines, each reading the store (default: one per core, at most 4; 1 computes them on the main thread)',
      wholeNumber('--threads', 1, 64),
    )
    .addHelpText(
      'after',
      `
The token can also come from the CHRONICLE_TOKEN environment variable, which keeps it out of the
process list. Requests whose Host header names another server are refused (421), as are writes
from another origin or without a JSON body (403). Stop the server with Ctrl-C.

Examples:
  chronicle ingest examples/harbour-strike --store story.sqlite && chronicle serve --store story.sqlite
  chronicle serve --store story.sqlite --host 0.0.0.0 --allowed-host news.example.org --token "$(openssl rand -hex 16)"`,
    )
    .action(async (flags: ServeFlags) => {
      const { buildServer } = await import('../server/app.js');
      const { storeName } = await import('../store/index.js');
      const app = await buildServer({
        storeLocation: flags.store,
        host: flags.host,
        allowedHosts: flags.allowedHost,
        bodyLimit: flags.maxUploadMb * MEGABYTE,
        maxFiles: flags.maxFiles,
        limits: { requestsPerMinute: flags.rateLimit, uploadsPerMinute: flags.uploadRateLimit },
        ...(flags.token && { token: flags.token }),
        ...(flags.threads !== undefined && { threads: flags.threads }),
      });
      const address = await app
        .listen({ host: flags.host, port: flags.port })
        .catch(async (error: NodeJS.ErrnoException) => {
          await app.close();
          const reason = LISTEN_FAILURES[error.code ?? ''];
          throw reason ? new UserError(`cannot listen on ${flags.host}:${flags.port}: ${reason}.`) : error;
        });
      if (!LOOPBACK.has(flags.host) && !flags.token) {
        process.stderr.write(
          `chronicle: warning: listening on ${flags.host} without --token: anyone who can reach this address can read and add articles.\n`,
        );
      }
      if (WILDCARD.has(flags.host) && flags.allowedHost.length === 0) {
        process.stderr.write(
          `chronicle: note: listening on every interface, but only loopback names are answered: give the names clients use with --allowed-host.\n`,
        );
      }
      const pageUrl = flags.token ? `${address}/?token=${encodeURIComponent(flags.token)}` : `${address}/`;
      process.stderr.write(`chronicle: serving ${storeName(flags.store)} at ${pageUrl} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
