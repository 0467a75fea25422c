import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from './errors.js';
import { storeLocation } from './options.js';
import { DEFAULT_STORE, STORE_LOCATION_HELP } from './store-path.js';

interface ServeFlags {
  store: string;
  port: number;
  host: string;
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const LISTEN_FAILURES: Record<string, string> = {
  EADDRINUSE: 'the port is in use (pick another with --port, or 0 for any free one)',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'this machine has no such address (check --host)',
  ENOTFOUND: 'unknown host name (check --host)',
};

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535, got '${value}'.`);
  return n;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the local web app: search the store, see the timeline beside its sources, add articles')
    .option('--store <file|url>', `${STORE_LOCATION_HELP}; a file is created when missing (add articles from the page or with \`chronicle ingest\`)`, storeLocation, DEFAULT_STORE)
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', portNumber, 4178)
    .option('--host <address>', 'address to bind; anything but localhost exposes the store to the network', '127.0.0.1')
    .option('--token <secret>', 'require this token on every API request (Authorization: Bearer, or ?token= in the page address)', process.env.CHRONICLE_TOKEN)
    .addHelpText(
      'after',
      `
The token can also come from the CHRONICLE_TOKEN environment variable, which keeps it out of the
process list. Stop the server with Ctrl-C.

Examples:
  chronicle ingest examples/harbour-strike --store story.sqlite && chronicle serve --store story.sqlite
  chronicle serve --store story.sqlite --host 0.0.0.0 --token "$(openssl rand -hex 16)"`,
    )
    .action(async (flags: ServeFlags) => {
      const { buildServer } = await import('../server/app.js');
      const { storeName } = await import('../store/index.js');
      const app = await buildServer({ storeLocation: flags.store, ...(flags.token && { token: flags.token }) });
      const address = await app.listen({ host: flags.host, port: flags.port }).catch(async (error: NodeJS.ErrnoException) => {
        await app.close();
        const reason = LISTEN_FAILURES[error.code ?? ''];
        throw reason ? new UserError(`cannot listen on ${flags.host}:${flags.port}: ${reason}.`) : error;
      });
      if (!LOOPBACK.has(flags.host) && !flags.token) {
        process.stderr.write(`chronicle: warning: listening on ${flags.host} without --token: anyone who can reach this address can read and add articles.\n`);
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
