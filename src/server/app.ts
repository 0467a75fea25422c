// The local web app: a JSON API over the same library and store as the CLI, and the page in web/.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Timeline } from '../model.js';
import { openStore, renderTimeline, TIMELINE_METHOD_NAMES, timelineSelection, type OutputFormat } from '../pipeline.js';
import { outputFormats } from '../render/index.js';
import type { Store } from '../store/store.js';
import { presentedToken, SECURITY_HEADERS, tokenMatches } from './access.js';
import { createComputer, type Computer } from './compute.js';
import {
  allowedHosts,
  CSRF_HEADER,
  crossOriginProblem,
  hasWriteProof,
  hostAllowed,
  isWrite,
  newCsrfToken,
} from './forgery.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_LIMITS, DEFAULT_MAX_FILES, type RequestLimits } from './defaults.js';
import { BusyError, registerRateLimits, uploadRateLimit, UploadQueue } from './limits.js';
import {
  articleListQuery,
  articleParams,
  exportQuery,
  LIMITS,
  RequestError,
  signalQuery,
  storyListQuery,
  storyParams,
  timelineQuery,
  uploadBody,
  validate,
  type TimelineQuery,
  type UploadFile,
} from './schemas.js';
import { StoreViews } from './views.js';
import { ingestUploads } from './upload.js';

export interface ServerOptions {
  /** A SQLite file (created when missing) or a postgres:// URL. */
  storeLocation: string;
  /** When set, every /api request must carry it (Bearer header or ?token=). */
  token?: string;
  /** The address the server is bound to (default 127.0.0.1): the Host header must name it or a loopback name. */
  host?: string;
  /** Further names (or name:port) the Host header may carry, when `host` exposes the server. */
  allowedHosts?: string[];
  /** Largest request body accepted, in bytes (uploads). */
  bodyLimit?: number;
  /** Files one upload may carry. */
  maxFiles?: number;
  /** Requests and uploads per client, and how many uploads may wait. */
  limits?: Partial<RequestLimits>;
  /** Fastify's request log; off by default (tests, and a CLI that prints its own lines). */
  logger?: boolean;
  /**
   * Threads computing timelines and signals, each reading the store (default: one per core, at
   * most four); 1 computes them on the main thread. They start when the server listens, or on the
   * first request that needs them.
   */
  threads?: number;
}

/** The page: plain files, no build step. Resolves the same from src/server and dist/server. */
const WEB_DIR = resolve(import.meta.dirname, '..', '..', 'web');
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The API's answers: bodies made as JSON text (compute.ts) are sent as they are. */
const JSON_TYPE = 'application/json; charset=utf-8';

const EXPORT_FILES: Record<OutputFormat, { name: string; type: string }> = {
  json: { name: 'timeline.json', type: 'application/json; charset=utf-8' },
  md: { name: 'timeline.md', type: 'text/markdown; charset=utf-8' },
  tilse: { name: 'timeline.txt', type: 'text/plain; charset=utf-8' },
  newstls: { name: 'timelines.jsonl', type: 'application/x-ndjson; charset=utf-8' },
  timelinejs: { name: 'timelinejs.json', type: 'application/json; charset=utf-8' },
};

/** What the routes need besides the store: the limits in force and the CSRF token. */
interface ApiSettings {
  maxFiles: number;
  bodyLimit: number;
  limits: RequestLimits;
  csrfToken: string;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const settings: ApiSettings = {
    maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    csrfToken: newCsrfToken(),
  };
  const hosts = allowedHosts(options.host ?? '127.0.0.1', options.allowedHosts);
  const store = await openStore(options.storeLocation);
  const app = Fastify({
    bodyLimit: settings.bodyLimit,
    logger: options.logger ?? false,
    // Longer ids are refused by the router itself (414), before any route runs.
    routerOptions: { maxParamLength: LIMITS.articleId },
    // Errors the router raises before any hook (a malformed or over-long URL) get the same headers and body as all others.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply.headers(SECURITY_HEADERS), error.statusCode ?? 400, routerErrorMessage(error));
    },
  });
  const views = new StoreViews(store);
  const computer = createComputer(store, options.storeLocation, options.threads);
  app.addHook('onListen', async () => computer.start());
  app.addHook('onClose', async () => {
    await computer.close();
    await store.close();
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // A name other than this server's is a rebinding domain or a misdirected client: nothing is served to it.
    if (!hostAllowed(request.headers.host, hosts, request.socket.localPort)) {
      throw new RequestError(
        421,
        `this server does not answer to the host '${request.headers.host ?? ''}' (start it with --allowed-host for the names clients use)`,
      );
    }
    // The page's files hold no data and a browser cannot add a header to <script src>: only the API is guarded.
    // The matched route decides, not the raw URL, which an encoded path ("/%61pi/...") could disguise.
    const guarded = request.routeOptions.url?.startsWith('/api/') ?? false;
    if (options.token !== undefined && guarded && !tokenMatches(presentedToken(request), options.token)) {
      throw new RequestError(
        401,
        'this server needs a token: send "Authorization: Bearer <token>" or add ?token=<token>',
      );
    }
    if (isWrite(request)) refuseForgedWrite(request, settings.csrfToken);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfterSeconds));
    const status = error.statusCode;
    if (status !== undefined && ((status >= 400 && status < 500) || error instanceof RequestError))
      return sendError(reply, status, error.message);
    request.log.error(error);
    return sendError(reply, 500, 'internal error (a bug in chronicle: please report it)');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, `no such route: ${request.method} ${request.url.split('?')[0]}`),
  );

  await registerRateLimits(app, settings.limits);
  registerWebFiles(app);
  registerApi(app, store, views, computer, settings);
  return app;
}

/** The router's own message repeats the whole URL, which may be the megabyte that made it refuse. */
function routerErrorMessage(error: FastifyError): string {
  return error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? `a part of the path is longer than ${LIMITS.articleId} characters (an article id is at most that)`
    : error.message;
}

/** Every error the server answers has this one shape: `{"error": "<what went wrong>"}`. */
function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send({ error: message });
}

function refuseForgedWrite(request: FastifyRequest, csrfToken: string): void {
  const crossOrigin = crossOriginProblem(request);
  if (crossOrigin) throw new RequestError(403, crossOrigin);
  if (!hasWriteProof(request, csrfToken)) {
    throw new RequestError(
      403,
      `a write must be sent as application/json, or carry the ${CSRF_HEADER} header that GET /api/csrf-token gives`,
    );
  }
}

function registerWebFiles(app: FastifyInstance): void {
  const files = readdirSync(WEB_DIR).filter((name) => CONTENT_TYPES[extname(name)] !== undefined);
  for (const name of files) {
    const body = readFileSync(join(WEB_DIR, name));
    const url = name === 'index.html' ? '/' : `/${name}`;
    app.get(url, async (_request, reply) => reply.type(CONTENT_TYPES[extname(name)]!).send(body));
  }
}

/** The query string without the access token, which is not a parameter of any route. */
function queryOf(request: FastifyRequest): Record<string, unknown> {
  const { token: _token, ...rest } = (request.query ?? {}) as Record<string, unknown>;
  return rest;
}

/** The rows a page of a list asks the store for. */
function rowsOf({ page, pageSize }: { page: number; pageSize: number }): { offset: number; limit: number } {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

/** Where a page sits in a list of `total` items, as every list route answers it. */
function pageOf({ page, pageSize }: { page: number; pageSize: number }, total: number) {
  return { total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

function registerApi(
  app: FastifyInstance,
  store: Store,
  views: StoreViews,
  computer: Computer,
  settings: ApiSettings,
): void {
  /** The timeline route's JSON body (`{timeline, conflicts}`), computed once per store version. */
  const timelineBody = (query: TimelineQuery): Promise<string> => {
    const { query: words, entity, story, from, to, dates, sentences, method } = query;
    const key = JSON.stringify(['timeline', words, entity, story, from, to, dates, sentences, method]);
    return views.remember(key, () =>
      computer.run({ kind: 'timeline', request: { query: words, entity, story, from, to, dates, sentences, method } }),
    );
  };

  app.get('/api/stats', async () => ({
    counts: await store.counts(),
    methods: TIMELINE_METHOD_NAMES,
    formats: outputFormats,
    limits: { ...LIMITS, uploadFiles: settings.maxFiles, uploadBytes: settings.bodyLimit },
  }));

  // For clients that post a text/plain body (a pasted article from a script): a same-origin read,
  // which neither a foreign page (no CORS) nor a rebinding domain (Host is checked) can make.
  app.get('/api/csrf-token', async () => ({ csrfToken: settings.csrfToken }));

  app.get('/api/articles', async (request) => {
    const query = validate(articleListQuery, queryOf(request), 'query parameters');
    const list = await store.articleList(timelineSelection(query), rowsOf(query));
    return { ...pageOf(query, list.total), articles: list.articles };
  });

  app.get('/api/stories', async (request) => {
    const query = validate(storyListQuery, queryOf(request), 'query parameters');
    const list = await store.stories({
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
      minArticles: query.minArticles,
      order: query.order,
      ...rowsOf(query),
    });
    return { ...pageOf(query, list.total), stories: list.stories };
  });

  app.get('/api/stories/:id', async (request) => {
    const { id } = validate(storyParams, request.params, 'story id');
    const story = await store.story(id);
    if (!story) throw new RequestError(404, `no story with id '${id}' in the store`);
    return { story };
  });

  app.get('/api/articles/:id', async (request) => {
    const { id } = validate(articleParams, request.params, 'article id');
    const found = await views.article(id);
    if (!found) throw new RequestError(404, `no article with id '${id}' in the store`);
    const { origin: _origin, ...article } = found.article;
    return {
      article,
      // Tokens are the annotator's working material; the page needs spans, not them.
      sentences: found.sentences.map(({ tokens: _tokens, ...sentence }) => sentence),
      copies: (await views.copiesOf(id)).map(({ id, source, publishedOn, title }) => ({
        id,
        source,
        publishedOn,
        ...(title !== undefined && { title }),
      })),
    };
  });

  app.get('/api/signal', async (request, reply) => {
    const query = validate(signalQuery, queryOf(request), 'query parameters');
    const selection = timelineSelection(query);
    return reply
      .type(JSON_TYPE)
      .send(
        await views.remember(JSON.stringify(['signal', selection]), () => computer.run({ kind: 'signal', selection })),
      );
  });

  app.get('/api/timeline', async (request, reply) => {
    const query = validate(timelineQuery, queryOf(request), 'query parameters');
    return reply.type(JSON_TYPE).send(await timelineBody(query));
  });

  app.get('/api/timeline/export', async (request, reply) => {
    const query = validate(exportQuery, queryOf(request), 'query parameters');
    const file = EXPORT_FILES[query.format];
    const { timeline } = JSON.parse(await timelineBody(query)) as { timeline: Timeline };
    // A story's timeline is titled by the story's label (TimelineJS), which the timeline does not carry.
    const storyLabel = query.story === undefined ? undefined : (await store.story(query.story))?.label;
    return reply
      .type(file.type)
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .send(renderTimeline(timeline, query.format, { storyLabel }));
  });

  const uploads = new UploadQueue(settings.limits.queuedUploads);
  const uploadSchema = uploadBody(settings.maxFiles);
  app.post('/api/articles', { config: uploadRateLimit(settings.limits) }, async (request) => {
    const files: UploadFile[] =
      typeof request.body === 'string'
        ? [{ name: 'pasted.txt', content: request.body }]
        : validate(
            uploadSchema,
            request.body,
            'upload (expected {"files": [{"name", "content", "source"?}]} or a text/plain body)',
          ).files;
    const reports = await uploads.run(() => ingestUploads(files, store, computer.annotator));
    return { files: reports, counts: await store.counts() };
  });
}
