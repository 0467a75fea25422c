// @ts-check
// Talking to the server. A token given in the page's address (?token=…) goes along with every call.
// The answers' shapes are typed here, from the data model (src/model.ts, types only, which the page
// never loads) and the routes in src/server/app.ts.

/**
 * @typedef {import('../src/model.js').Article} Article
 * @typedef {import('../src/model.js').Citation} Citation
 * @typedef {import('../src/model.js').EntityCount} EntityCount
 * @typedef {import('../src/model.js').QuantityReport} QuantityReport
 * @typedef {import('../src/model.js').Sentence} Sentence
 * @typedef {import('../src/model.js').Story} Story
 * @typedef {import('../src/model.js').Timeline} Timeline
 * @typedef {import('../src/model.js').TimelineEntry} TimelineEntry
 */

/**
 * Query parameters: a value left empty (undefined, null or '') is not sent.
 * @typedef {Record<string, string | number | null | undefined>} Params
 */

/**
 * What the store holds (GET /api/stats `counts`, and the answer to an upload).
 * @typedef {{ articles: number, sentences: number, timexes: number, duplicateGroups: number, duplicates: number }} StoreCounts
 */

/**
 * GET /api/stats.
 * @typedef {object} Stats
 * @property {StoreCounts} counts
 * @property {string[]} methods the timeline methods
 * @property {string[]} formats the export formats /api/timeline/export accepts
 * @property {Record<string, number>} limits
 */

/**
 * An entry's figures that differ (src/server/figures.ts): outlets that contradict each other on one
 * measured thing, or one outlet that updated its own (earliest first).
 * @typedef {object} FigureConflict
 * @property {'conflict' | 'update'} kind
 * @property {string} unit
 * @property {[QuantityReport, ...QuantityReport[]]} figures never empty: one per outlet and value (a conflict), or by day (an update)
 */

/**
 * GET /api/timeline: the timeline and, per entry, its conflicting and updated figures.
 * @typedef {{ timeline: Timeline, conflicts: FigureConflict[][] }} TimelineAnswer
 */

/**
 * GET /api/signal: the evidence per day (src/server/signal.ts), in date order.
 * @typedef {{ day: string, articles: number, references: number }} DaySignal
 * @typedef {{ days: DaySignal[] }} SignalAnswer
 */

/**
 * Where a page of a list sits (every list route answers it).
 * @typedef {{ total: number, page: number, pageSize: number, pages: number }} ListPage
 */

/**
 * GET /api/articles: a page of stored articles.
 * @typedef {{ id: string, source: string, publishedOn: string, title?: string, sentences: number, opening: string }} ArticleSummary
 * @typedef {ListPage & { articles: ArticleSummary[] }} ArticleList
 */

/**
 * GET /api/articles/:id: the article (without where it was read from), its sentences (without
 * tokens), and the other articles carrying the same story.
 * @typedef {Omit<Article, 'origin'>} ShownArticle
 * @typedef {Omit<Sentence, 'tokens'>} ShownSentence
 * @typedef {Pick<Article, 'id' | 'source' | 'publishedOn' | 'title'>} ArticleCopy
 * @typedef {{ article: ShownArticle, sentences: ShownSentence[], copies: ArticleCopy[] }} ArticleAnswer
 */

/**
 * GET /api/stories: a page of the story list; GET /api/stories/:id: one story.
 * @typedef {ListPage & { stories: Story[] }} StoryList
 * @typedef {{ story: Story }} StoryAnswer
 */

/**
 * POST /api/articles: what became of each file, and what the store holds now.
 * @typedef {{ name: string, read: number, added: number, alreadyStored: number, skipped: { line?: number, reason: string }[] }} UploadedFile
 * @typedef {{ files: UploadedFile[], counts: StoreCounts }} UploadAnswer
 */

const token = new URLSearchParams(location.search).get('token');

/**
 * @param {string} path
 * @param {Params} [params]
 * @returns {string}
 */
export function apiUrl(path, params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '' && value !== null) search.set(key, String(value));
  return search.size ? `${path}?${search}` : path;
}

/**
 * A URL a plain link can follow (downloads cannot send headers): the token rides in the query.
 * @param {string} path
 * @param {Params} [params]
 * @returns {string}
 */
export function linkUrl(path, params = {}) {
  return apiUrl(path, token ? { ...params, token } : params);
}

/**
 * A call to the server's API. `T` is the answer's shape as the route gives it (the functions
 * below say which): the body is the server's own JSON, taken as it is.
 * @template T
 * @param {string} path
 * @param {Params} [params]
 * @param {RequestInit & { headers?: Record<string, string> }} [init]
 * @returns {Promise<T>}
 */
export async function api(path, params = {}, init = {}) {
  const headers = { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(apiUrl(path, params), { ...init, headers });
  /** @type {unknown} */
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(errorOf(body) ?? `${response.status} ${response.statusText}`);
  return /** @type {T} */ (body);
}

/**
 * The message of an error answer (`{"error": "…"}`), if the body is one.
 * @param {unknown} body
 * @returns {string | undefined}
 */
function errorOf(body) {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
    ? body.error
    : undefined;
}

// The routes the page calls, each with its answer's shape.

/** @returns {Promise<Stats>} */
export const getStats = () => api('/api/stats');

/**
 * @param {Params} params the selection: query, dates, sentences, from, to, entity, story
 * @returns {Promise<TimelineAnswer>}
 */
export const getTimeline = (params) => api('/api/timeline', params);

/**
 * @param {Params} params query, entity, from, to, story
 * @returns {Promise<SignalAnswer>}
 */
export const getSignal = (params) => api('/api/signal', params);

/**
 * @param {Params} params query, from, to, story, page, pageSize
 * @returns {Promise<ArticleList>}
 */
export const getArticles = (params) => api('/api/articles', params);

/**
 * @param {string} id
 * @returns {Promise<ArticleAnswer>}
 */
export const getArticle = (id) => api(`/api/articles/${encodeURIComponent(id)}`);

/**
 * @param {Params} params minArticles, order, page, pageSize
 * @returns {Promise<StoryList>}
 */
export const getStories = (params) => api('/api/stories', params);

/**
 * @param {string} id
 * @returns {Promise<StoryAnswer>}
 */
export const getStory = (id) => api(`/api/stories/${encodeURIComponent(id)}`);

/**
 * Adds files to the store.
 * @param {{ name: string, content: string, source?: string }[]} files
 * @returns {Promise<UploadAnswer>}
 */
export const postArticles = (files) =>
  api(
    '/api/articles',
    {},
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files }) },
  );
