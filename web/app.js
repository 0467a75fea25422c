// @ts-check
// The page: controls → timeline (left) → source article (right, or over the page on a phone),
// plus the evidence plot, the entity filter, exports and uploads. State lives here; rendering is in
// small helpers. Opening an article moves the focus to it; "Back to the timeline" (or Escape)
// returns it to the sentence or list entry that opened it.
//
// An archive opens on its stories (/api/stories): choosing one shows that story's timeline, its
// plot, exports and articles (story=<id>), kept in the address (?story=<id>) so reload and
// back/forward find it again; "All stories" goes back to the list with the focus on that story.
// A search with topic words covers the whole archive (it leaves the story); without words, the
// form's settings (dates, sentences, window) rebuild the open story.
import {
  getArticle,
  getArticles,
  getSignal,
  getStats,
  getStories,
  getStory,
  getTimeline,
  linkUrl,
  postArticles,
} from './api.js';
import { articleBody, articleHeader } from './article.js';
import { evidenceInWords, timexInWords } from './date-words.js';
import { clear, el, required } from './dom.js';
import { signalPlot } from './plot.js';

/**
 * @typedef {import('./api.js').Citation} Citation
 * @typedef {import('./api.js').EntityCount} EntityCount
 * @typedef {import('./api.js').FigureConflict} FigureConflict
 * @typedef {import('./api.js').DaySignal} DaySignal
 * @typedef {import('./api.js').StoreCounts} StoreCounts
 * @typedef {import('./api.js').Story} Story
 * @typedef {import('./api.js').Timeline} Timeline
 * @typedef {import('./api.js').TimelineEntry} TimelineEntry
 * @typedef {import('./api.js').UploadedFile} UploadedFile
 */

/**
 * What the form asks for (the query parameters of /api/timeline): the form's fields as typed, the
 * entity filter and the open story ('' for none).
 * @typedef {{ query: string, dates: string, sentences: string, from: string, to: string, entity: string, story: string }} Selection
 */

/** The page's fixed elements (index.html), each of the kind the script uses. */
const ui = {
  main: required('#main', HTMLElement),
  skip: required('.skip', HTMLAnchorElement),
  stats: required('#stats', HTMLElement),
  addArticles: required('#add-articles', HTMLButtonElement),
  upload: required('#upload', HTMLDetailsElement),
  uploadForm: required('#upload-form', HTMLFormElement),
  uploadFiles: required('#upload-files', HTMLInputElement),
  paste: required('#paste', HTMLTextAreaElement),
  pasteName: required('#paste-name', HTMLInputElement),
  pasteSource: required('#paste-source', HTMLInputElement),
  uploadStatus: required('#upload-status', HTMLElement),
  uploadResults: required('#upload-results', HTMLElement),
  controls: required('#controls', HTMLFormElement),
  query: required('#query', HTMLInputElement),
  dates: required('#dates', HTMLInputElement),
  sentences: required('#sentences', HTMLInputElement),
  from: required('#from', HTMLInputElement),
  to: required('#to', HTMLInputElement),
  status: required('#status', HTMLElement),
  filter: required('#filter', HTMLElement),
  stories: required('#stories', HTMLElement),
  storiesHeading: required('#stories-heading', HTMLElement),
  orderArticles: required('#order-articles', HTMLButtonElement),
  orderRecent: required('#order-recent', HTMLButtonElement),
  wholeArchive: required('#whole-archive', HTMLButtonElement),
  storiesNote: required('#stories-note', HTMLElement),
  storyList: required('#story-list', HTMLElement),
  storyPager: required('#story-pager', HTMLElement),
  signal: required('.signal', HTMLElement),
  plot: required('#plot', HTMLElement),
  exports: required('#exports', HTMLElement),
  columns: required('.columns', HTMLElement),
  timelineColumn: required('.timeline-column', HTMLElement),
  storyBack: required('#story-back', HTMLElement),
  allStories: required('#all-stories', HTMLButtonElement),
  timelineHeading: required('#timeline-heading', HTMLElement),
  timeline: required('#timeline', HTMLElement),
  source: required('#source', HTMLElement),
};

/**
 * The page's names for the export formats the server offers (/api/stats `formats`); a format
 * without one here is offered under its own name.
 * @type {Readonly<Record<string, string>>}
 */
const EXPORT_LABELS = { json: 'JSON', md: 'Markdown', timelinejs: 'TimelineJS JSON', tilse: 'tilse text' };
/** Formats the page does not offer: news-tls's timelines.jsonl is an evaluation's input, not a file for a reader. */
const NOT_OFFERED = new Set(['newstls']);

/**
 * @typedef {object} State
 * @property {string} entity
 * @property {'stories' | 'timeline'} view the story list, or a timeline (a story's, a search's or the whole archive's)
 * @property {Story | null} story the open story, as /api/stories gives it
 * @property {'articles' | 'recent'} storyOrder the story list's order
 * @property {number} storyPage the story list's page
 * @property {string} lastStory the story last opened from the list (focus returns there)
 * @property {Timeline | null} timeline
 * @property {FigureConflict[][]} conflicts per entry of the timeline
 * @property {DaySignal[]} days the evidence per day of the selection the timeline was built for
 * @property {Selection | null} params that selection
 * @property {number} plotWidth the width the plot was last drawn at
 * @property {number} articlePage
 * @property {StoreCounts | null} counts
 * @property {string[]} formats the export formats the server offers
 * @property {boolean} reading whether an article is open
 * @property {EventTarget | null} opener while an article is open, the element that opened it (focus goes back there)
 * @property {ChildNode[] | null} list while an article is open, the list it replaced
 */

/** @type {State} */
const state = {
  entity: '',
  view: 'timeline',
  story: null,
  storyOrder: 'articles',
  storyPage: 1,
  lastStory: '',
  timeline: null,
  conflicts: [],
  days: [],
  params: null,
  plotWidth: 0,
  articlePage: 1,
  counts: null,
  formats: [],
  reading: false,
  opener: null,
  list: null,
};
/** Requests answered after a newer one was sent are dropped. */
const runs = { timeline: 0, list: 0, stories: 0 };
/** Stories per page of the story list. */
const STORY_PAGE_SIZE = 10;
/** Below this width the article opens over the page (see app.css). */
const narrow = window.matchMedia('(max-width: 900px)');
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** @returns {Selection} */
function selection() {
  return {
    query: ui.query.value.trim(),
    dates: ui.dates.value,
    sentences: ui.sentences.value,
    from: ui.from.value.trim(),
    to: ui.to.value.trim(),
    entity: state.entity,
    story: state.story?.id ?? '',
  };
}

/**
 * @param {string} message
 * @param {boolean} [isError]
 */
function showStatus(message, isError = false) {
  const status = ui.status;
  status.className = isError ? 'status error' : 'status';
  status.textContent = message;
}

/**
 * What went wrong, in words.
 * @param {unknown} error
 * @returns {string}
 */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs an action (from a click, say), showing what it throws in the status line.
 * @param {() => Promise<unknown>} action
 */
function guarded(action) {
  action().catch((error) => showStatus(messageOf(error), true));
}

/**
 * True for a YYYY-MM-DD day that exists (2025-02-30 does not).
 * @param {string} value
 */
function isCalendarDay(value) {
  if (!ISO_DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * What is wrong with the date window, if anything; the fields at fault are marked.
 * @param {{ from: string, to: string }} window
 * @returns {string | undefined}
 */
function windowProblem({ from, to }) {
  const problems = [];
  for (const [field, name, value] of /** @type {const} */ ([
    [ui.from, 'From', from],
    [ui.to, 'To', to],
  ])) {
    const wrong = value !== '' && !isCalendarDay(value);
    field.toggleAttribute('aria-invalid', wrong);
    if (wrong) problems.push(`${name}: expected a day as YYYY-MM-DD, e.g. 2025-04-05 (not “${value}”).`);
  }
  if (problems.length) return problems.join(' ');
  if (from && to && from > to) {
    ui.from.setAttribute('aria-invalid', 'true');
    ui.to.setAttribute('aria-invalid', 'true');
    return `From (${from}) is after To (${to}): no day lies between them. Change one of them.`;
  }
  return undefined;
}

/**
 * Nothing of an earlier selection stays on screen under an error about the current one.
 * @param {string} reason
 */
function clearResults(reason) {
  Object.assign(state, { timeline: null, conflicts: [], days: [], params: null });
  endReading();
  clear(ui.timeline, el('li', { class: 'muted' }, reason));
  clear(ui.plot);
  clear(ui.source);
  renderExports(null);
}

// ---------------------------------------------------------------------------------------------
// Timeline

async function buildTimeline() {
  const params = selection();
  const run = ++runs.timeline;
  showStatus('Building the timeline…');
  const { query, entity, from, to, story } = params;
  const [{ timeline, conflicts }, { days }] = await Promise.all([
    getTimeline(params),
    getSignal({ query, entity, from, to, story }),
  ]);
  if (run !== runs.timeline) return;
  Object.assign(state, { timeline, conflicts, days, params });
  const { stats } = timeline;
  showStatus(
    `${timeline.entries.length} date(s) from ${stats.articles} article(s) (${stats.duplicates} duplicate(s)) and ${stats.sentences} sentence(s).`,
  );
  renderFilter();
  renderTimeline();
  renderPlot();
  renderExports(timeline.entries.length > 0 ? params : null);
}

/** A new story: its timeline, and the list of its articles in place of whatever source was open. */
async function searchStory() {
  // A story list still on its way is not shown over this timeline.
  runs.stories++;
  setView('timeline');
  if (state.counts?.articles === 0) return showEmptyStore();
  const problem = windowProblem(selection());
  if (problem) {
    clearResults('No timeline: the dates above need fixing.');
    showStatus(problem, true);
    return;
  }
  try {
    await Promise.all([buildTimeline(), showArticleList(1)]);
  } catch (error) {
    clearResults('No timeline: see the message above.');
    throw error;
  }
}

/** A store with no articles: say how to add some, and open the upload panel. */
function showEmptyStore() {
  runs.stories++;
  setView('timeline');
  clearResults('');
  showStatus('The store is empty.');
  clear(
    ui.timeline,
    el(
      'li',
      { class: 'empty-store' },
      el('p', {}, el('strong', {}, 'No articles yet.'), ' A timeline is built from the articles in the store.'),
      el(
        'p',
        {},
        'Add some with ',
        el('button', { type: 'button', class: 'link', onclick: () => openUpload() }, 'Add articles'),
        ' above: files (.txt whose first line is “ date YYYY-MM-DD”, .jsonl, .html, RSS/Atom) or a pasted text. ',
        'Or, from a terminal: ',
        el('code', {}, 'chronicle ingest <folder> --store <this store>'),
        ', then reload this page.',
      ),
    ),
  );
  ui.upload.open = true;
}

function renderPlot() {
  const { timeline, params } = state;
  if (!timeline || !params) return;
  const { from, to } = params;
  const chosen = timeline.entries.map((e) => e.date.value);
  const width = ui.plot.clientWidth;
  state.plotWidth = width;
  clear(
    ui.plot,
    signalPlot(state.days, chosen, { width, from, to, onRange: narrowTo }),
    from || to
      ? el(
          'p',
          { class: 'window' },
          `Showing ${from ? timexInWords(from) : 'the start'} to ${to ? timexInWords(to) : 'the end'}. `,
          el('button', { type: 'button', class: 'link', onclick: () => narrowTo('', '') }, 'Show all dates'),
        )
      : [],
  );
}

/**
 * A range picked on the plot becomes the timeline's date window.
 * @param {string} from
 * @param {string} to
 */
function narrowTo(from, to) {
  ui.from.value = from;
  ui.to.value = to;
  guarded(searchStory);
}

function renderTimeline() {
  if (!state.timeline) return;
  const entries = state.timeline.entries;
  if (entries.length === 0) {
    const { from, to } = state.params ?? {};
    clear(
      ui.timeline,
      el(
        'li',
        { class: 'muted' },
        from || to
          ? 'No dates: no stored article of this story lies in this date window.'
          : 'No dates: no stored article matches this story.',
      ),
    );
    return;
  }
  clear(
    ui.timeline,
    entries.map((entry, i) => entryNode(entry, state.conflicts[i] ?? [])),
  );
}

/**
 * @param {TimelineEntry} entry
 * @param {FigureConflict[]} conflicts its figures that differ
 */
function entryNode(entry, conflicts) {
  return el(
    'li',
    { class: 'entry', 'data-date': entry.date.value },
    el(
      'h3',
      {},
      el('time', { datetime: entry.date.value }, timexInWords(entry.date.value, { weekday: true })),
      el('span', { class: 'score muted' }, ` score ${entry.score.toFixed(1)}`),
    ),
    el(
      'ul',
      { class: 'citations' },
      entry.sentences.map((citation) =>
        el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              class: 'citation',
              onclick: (event) => {
                const opener = event.currentTarget;
                guarded(() => showArticle(citation.articleId, citation, entry, opener));
              },
            },
            citation.text,
          ),
          el(
            'p',
            { class: 'meta muted' },
            `${citation.source} · ${timexInWords(citation.publishedOn)} · ${evidenceInWords(citation.dating.evidence)}`,
          ),
        ),
      ),
    ),
    entry.entities.length ? el('div', { class: 'entities' }, entry.entities.map(entityChip)) : null,
    entry.quantities.length
      ? el(
          'p',
          { class: 'quantities muted' },
          'Figures: ',
          entry.quantities.map((q) => `${q.text} (${q.source})`).join(' · '),
        )
      : null,
    conflicts.length ? conflictTable(conflicts) : null,
  );
}

/** @param {EntityCount} entity */
function entityChip(entity) {
  return el(
    'button',
    {
      type: 'button',
      class: `chip ${entity.kind}`,
      title: `${entity.kind}, ${entity.count} mention(s): show only articles naming it`,
      onclick: () => guarded(() => setEntity(entity.text)),
    },
    entity.text,
  );
}

/**
 * Outlets that contradict each other on one measured thing, and outlets that updated their own figure (earlier → later).
 * @param {FigureConflict[]} conflicts
 */
function conflictTable(conflicts) {
  return el(
    'table',
    { class: 'conflicts' },
    el('caption', {}, 'Figures that differ'),
    conflicts.map((conflict) =>
      conflict.kind === 'update'
        ? el(
            'tr',
            { class: 'update' },
            el('th', { scope: 'row' }, `${conflict.unit}, updated by ${conflict.figures[0].source}`),
            el(
              'td',
              {},
              conflict.figures.flatMap((figure, i) => [
                i > 0 ? ' → ' : '',
                el('strong', {}, figure.text),
                ` (${timexInWords(figure.publishedOn)})`,
              ]),
            ),
          )
        : el(
            'tr',
            {},
            el('th', { scope: 'row' }, conflict.unit),
            conflict.figures.map((figure) =>
              el('td', {}, el('strong', {}, figure.text), el('br'), el('span', { class: 'muted' }, figure.source)),
            ),
          ),
    ),
  );
}

/** @param {string} text the name to filter by, or '' for none */
async function setEntity(text) {
  state.entity = text;
  const problem = windowProblem(selection());
  if (problem) {
    clearResults('No timeline: the dates above need fixing.');
    showStatus(problem, true);
    return;
  }
  try {
    await buildTimeline();
  } catch (error) {
    clearResults('No timeline: see the message above.');
    throw error;
  }
}

function renderFilter() {
  clear(
    ui.filter,
    state.entity
      ? [
          el('span', {}, 'Only articles naming '),
          el('strong', {}, state.entity),
          ' ',
          el('button', { type: 'button', class: 'link', onclick: () => guarded(() => setEntity('')) }, 'show all'),
        ]
      : [],
  );
}

/**
 * Export links, one per format the server offers, only for a timeline with dates in it (TimelineJS
 * refuses one without events).
 * @param {Selection | null} params the timeline's selection, or null for none
 */
function renderExports(params) {
  const nav = ui.exports;
  nav.hidden = !params;
  if (!params) return clear(nav);
  clear(
    nav,
    'Export: ',
    state.formats
      .filter((format) => !NOT_OFFERED.has(format))
      .map((format) =>
        el(
          'a',
          { class: 'button', href: linkUrl('/api/timeline/export', { ...params, format }), download: '' },
          EXPORT_LABELS[format] ?? format,
        ),
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// Source panel: a list of stored articles, or one article with the cited sentence highlighted

/**
 * @param {string} id the article's
 * @param {Citation} [citation] the cited sentence to show
 * @param {TimelineEntry} [entry] the timeline entry citing it (its other outlets are listed)
 * @param {EventTarget | null} [opener] what opened it (the focus goes back there); the focused element if not given
 */
async function showArticle(id, citation, entry, opener) {
  const { article, sentences, copies } = await getArticle(id);
  const otherOutlets = (entry?.sentences ?? []).filter((c) => c.source !== article.source);
  if (!state.reading) {
    // The first article opened from the timeline or the list: remember where to come back to.
    state.opener = opener ?? document.activeElement;
    state.list = [...ui.source.childNodes];
  }
  clear(
    ui.source,
    el(
      'article',
      { class: 'article' },
      el(
        'div',
        { class: 'article-bar' },
        el('button', { type: 'button', class: 'back', onclick: closeArticle }, '← Back to the timeline'),
      ),
      articleHeader(article),
      citation ? el('p', { class: 'dated-by' }, 'Dated by: ', evidenceInWords(citation.dating.evidence)) : null,
      copies.length
        ? el(
            'section',
            { class: 'related' },
            el('h3', {}, 'Same story also in'),
            el(
              'ul',
              {},
              copies.map((copy) =>
                el(
                  'li',
                  {},
                  el(
                    'button',
                    { type: 'button', class: 'link', onclick: () => guarded(() => showArticle(copy.id)) },
                    copy.title ? `${copy.source}: ${copy.title}` : `${copy.source}, ${timexInWords(copy.publishedOn)}`,
                  ),
                ),
              ),
            ),
          )
        : null,
      entry && otherOutlets.length
        ? el(
            'section',
            { class: 'related' },
            el('h3', {}, `Other outlets on ${timexInWords(entry.date.value)}`),
            el(
              'ul',
              {},
              otherOutlets.map((other) =>
                el(
                  'li',
                  {},
                  el(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      onclick: () => guarded(() => showArticle(other.articleId, other, entry)),
                    },
                    `${other.source}, ${timexInWords(other.publishedOn)}`,
                  ),
                  ` — ${other.text}`,
                ),
              ),
            ),
          )
        : null,
      articleBody(article.text, sentences, citation),
    ),
  );
  startReading();
  const source = ui.source;
  const heading = source.querySelector('#article-heading');
  if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
  // The panel scrolls to the cited sentence (from the top when it shows there with the headline);
  // the page under it stays where it was.
  const cited = source.querySelector('.cited');
  source.scrollTop = 0;
  if (cited) {
    const below = cited.getBoundingClientRect().bottom - source.getBoundingClientRect().top;
    if (below > source.clientHeight * 0.9)
      source.scrollTop =
        cited.getBoundingClientRect().top - source.getBoundingClientRect().top - source.clientHeight / 3;
  }
}

/** The rest of the page, which an article opened over it on a phone keeps out of reach. */
function behindTheArticle() {
  const main = ui.main;
  return [
    ...[...document.body.children].filter((node) => node !== main),
    ...[...main.children].filter((node) => !node.classList.contains('columns')),
    ui.timelineColumn,
  ].filter((node) => node instanceof HTMLElement);
}

/** @param {boolean} on */
function setInert(on) {
  for (const node of behindTheArticle()) node.inert = on;
}

function startReading() {
  state.reading = true;
  ui.source.classList.add('reading');
  document.body.classList.add('reading');
  setInert(narrow.matches);
}

/** Leaves the article view without moving the focus (a new search replaces it). */
function endReading() {
  if (!state.reading) return;
  state.reading = false;
  ui.source.classList.remove('reading');
  document.body.classList.remove('reading');
  setInert(false);
}

/** Back to the timeline: the list the article replaced, and the focus on what opened it. */
function closeArticle() {
  if (!state.reading) return;
  endReading();
  clear(ui.source, state.list ?? []);
  const opener = state.opener;
  state.opener = null;
  state.list = null;
  if ((opener instanceof HTMLElement || opener instanceof SVGElement) && opener.isConnected) opener.focus();
  else ui.timelineHeading.focus();
}

/**
 * "‹ previous", "page p of n", "next ›" for a paged list (the article list, the story list).
 * @param {{ page: number, pages: number }} list
 * @param {(page: number) => Promise<void>} show
 */
function pagerControls(list, show) {
  return [
    el(
      'button',
      { type: 'button', disabled: list.page <= 1, onclick: () => guarded(() => show(list.page - 1)) },
      '‹ previous',
    ),
    ` page ${list.page} of ${list.pages} `,
    el(
      'button',
      { type: 'button', disabled: list.page >= list.pages, onclick: () => guarded(() => show(list.page + 1)) },
      'next ›',
    ),
  ];
}

/** @param {number} page */
async function showArticleList(page) {
  const { query, from, to, story } = selection();
  const run = ++runs.list;
  const list = await getArticles({ query, from, to, story, page, pageSize: 10 });
  if (run !== runs.list) return;
  state.articlePage = list.page;
  endReading();
  if (list.total === 0) {
    clear(ui.source);
    return;
  }
  clear(
    ui.source,
    el(
      'section',
      { class: 'article-list' },
      el('h2', {}, `${list.total} stored article(s)${story ? ' in this story' : query ? ` matching “${query}”` : ''}`),
      el(
        'ol',
        {},
        list.articles.map((a) =>
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: (event) => {
                  const opener = event.currentTarget;
                  guarded(() => showArticle(a.id, undefined, undefined, opener));
                },
              },
              a.title ?? `${a.source}, ${timexInWords(a.publishedOn)}`,
            ),
            el('p', { class: 'muted' }, `${a.source} · ${timexInWords(a.publishedOn)} — ${a.opening}`),
          ),
        ),
      ),
      el('p', { class: 'pager' }, ...pagerControls(list, showArticleList)),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Stories: the archive's first view, and the story a timeline is about

/**
 * Shows the story list, or the timeline column (with plot, exports and source panel).
 * @param {State['view']} view
 */
function setView(view) {
  state.view = view;
  const list = view === 'stories';
  ui.stories.hidden = !list;
  for (const node of [ui.signal, ui.columns, ui.filter]) node.hidden = list;
  if (list) renderExports(null);
  ui.storyBack.hidden = list || !state.counts?.articles;
  const skip = ui.skip;
  skip.href = list ? '#stories-heading' : '#timeline-heading';
  skip.textContent = list ? 'Skip to the stories' : 'Skip to the timeline';
  renderHeading();
}

/** The timeline's heading: the open story's label, or "Timeline". */
function renderHeading() {
  const heading = ui.timelineHeading;
  heading.textContent = state.story ? state.story.label || `Story ${state.story.id}` : 'Timeline';
  heading.classList.toggle('story-title', Boolean(state.story));
}

/** The story in the page's address (?story=<id>), or ''. */
function storyInUrl() {
  return new URLSearchParams(location.search).get('story') ?? '';
}

/**
 * This page's address with `id` as its story (none for ''): other parameters (the token) stay.
 * @param {string} id
 */
function storyHref(id) {
  const url = new URL(location.href);
  url.hash = '';
  if (id) url.searchParams.set('story', id);
  else url.searchParams.delete('story');
  return `${url.pathname}${url.search}`;
}

/** The address's query the page last showed: a move to a #fragment (the skip link) keeps it. */
let shownSearch = location.search;

/**
 * A new history entry when the story changes, so Back returns to the one before.
 * @param {string} id
 */
function rememberStory(id) {
  if (storyInUrl() === id) return;
  history.pushState(null, '', storyHref(id));
  shownSearch = location.search;
}

/**
 * @param {number} count
 * @param {string} one
 * @param {string} [many]
 */
const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The list of stories, biggest or most recent first. A store whose stories are all single articles
 * lists those rather than nothing; one with no story at all shows the whole archive's timeline.
 * `focus`: 'story' puts the focus on the story last opened (or the heading), 'heading' on the heading.
 * @param {number} [page]
 * @param {{ focus?: 'story' | 'heading' }} [options]
 */
async function showStories(page = 1, { focus } = {}) {
  const run = ++runs.stories;
  // A timeline or article list still on its way is not shown over the list.
  runs.timeline++;
  runs.list++;
  Object.assign(state, { story: null, entity: '' });
  clearResults('');
  setView('stories');
  showStatus('Finding the stories…');
  /**
   * @param {number} minArticles
   * @param {number} at the page
   */
  const ask = (minArticles, at) =>
    getStories({ minArticles, order: state.storyOrder, page: at, pageSize: STORY_PAGE_SIZE });
  let minArticles = 2;
  let list = await ask(minArticles, page);
  if (list.total === 0) list = await ask((minArticles = 1), page);
  // Past the last page (the store changed): its last page.
  if (list.stories.length === 0 && list.total > 0) list = await ask(minArticles, list.pages);
  if (run !== runs.stories) return;
  if (list.total === 0) return searchStory();
  state.storyPage = list.page;
  const order = state.storyOrder === 'recent' ? 'most recent first' : 'biggest first';
  showStatus(`${plural(list.total, 'story', 'stories')} in the archive, ${order}.`);
  ui.storiesNote.textContent =
    minArticles === 1 ? 'No story has two or more articles yet: each story below is a single article.' : '';
  clear(ui.storyList, list.stories.map(storyItem));
  clear(ui.storyPager, list.pages > 1 ? pagerControls(list, showStories) : []);
  if (focus === 'story') {
    const opened = [...ui.storyList.querySelectorAll('a.story')].find(
      (a) => a instanceof HTMLAnchorElement && a.dataset.story === state.lastStory,
    );
    (opened instanceof HTMLAnchorElement ? opened : ui.storiesHeading).focus();
  } else if (focus === 'heading') ui.storiesHeading.focus();
}

/** @param {Story} story */
function storyItem(story) {
  const copies = story.articles - story.independent;
  const span =
    story.firstDay === story.lastDay
      ? timexInWords(story.firstDay)
      : `${timexInWords(story.firstDay)} to ${timexInWords(story.lastDay)}`;
  /**
   * @param {string} label
   * @param {EntityCount[]} list
   */
  const names = (label, list) =>
    list.length ? [el('span', { class: 'muted' }, `${label}: `), list.map((n) => n.text).join(', ')] : [];
  const top = [names('Names', story.names.slice(0, 4)), names('Places', story.places.slice(0, 4))].filter(
    (part) => part.length > 0,
  );
  return el(
    'li',
    { class: 'story-item' },
    el(
      'h3',
      {},
      el(
        'a',
        {
          class: 'story',
          href: storyHref(story.id),
          'data-story': story.id,
          onclick: (event) => {
            // A new tab or window (ctrl/cmd/shift-click, middle click) follows the link itself.
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            guarded(() => openStory(story));
          },
        },
        story.label || `Story ${story.id}`,
      ),
    ),
    el(
      'p',
      { class: 'story-facts muted' },
      `${span} · ${plural(story.articles, 'article')}${copies > 0 ? ` (${plural(copies, 'copy', 'copies')})` : ''} · ${plural(story.outlets, 'outlet')}`,
    ),
    top.length
      ? el(
          'p',
          { class: 'story-names' },
          top.flatMap((part, i) => (i > 0 ? [' · ', ...part] : part)),
        )
      : null,
  );
}

/**
 * One story's timeline (`story` as /api/stories gives it). The focus goes to the timeline's
 * heading, which names the story, unless `focus` is false (the page just opened).
 * @param {Story} story
 * @param {{ push?: boolean, focus?: boolean }} [options] push: a new entry in the history
 */
async function openStory(story, { push = true, focus = true } = {}) {
  Object.assign(state, { story, lastStory: story.id, entity: '' });
  for (const field of [ui.query, ui.from, ui.to]) field.value = '';
  windowProblem(selection());
  if (push) rememberStory(story.id);
  setView('timeline');
  clearResults('Building the timeline of this story…');
  if (focus) ui.timelineHeading.focus();
  await searchStory();
}

/** Leaves the open story (the next timeline is the whole archive's, or a search's). */
function leaveStory() {
  if (!state.story) return;
  state.story = null;
  rememberStory('');
  renderHeading();
}

/**
 * What the address asks for: its story, or the story list (an empty store says how to fill it).
 * @param {{ focus: boolean }} options
 */
async function showFromUrl({ focus }) {
  if (state.counts?.articles === 0) return showEmptyStore();
  const id = storyInUrl();
  if (!id) return showStories(state.storyPage, { focus: focus ? 'story' : undefined });
  const run = ++runs.stories;
  let story;
  try {
    ({ story } = await getStory(id));
  } catch (error) {
    if (run !== runs.stories) return;
    // The address names no story (any more): the list, and an address that says so.
    history.replaceState(null, '', storyHref(''));
    shownSearch = location.search;
    await showStories(1, { focus: focus ? 'heading' : undefined });
    showStatus(`${messageOf(error)}: choose one of the stories below.`, true);
    return;
  }
  if (run === runs.stories) await openStory(story, { push: false, focus });
}

/** @param {State['storyOrder']} order */
function setStoryOrder(order) {
  state.storyOrder = order;
  ui.orderArticles.setAttribute('aria-pressed', String(order === 'articles'));
  ui.orderRecent.setAttribute('aria-pressed', String(order === 'recent'));
  guarded(() => showStories(1));
}

// ---------------------------------------------------------------------------------------------
// Uploads and store figures

async function upload() {
  /** @type {{ name: string, content: string, source?: string }[]} */
  const files = await Promise.all(
    [...(ui.uploadFiles.files ?? [])].map(async (file) => ({ name: file.name, content: await file.text() })),
  );
  const pasted = ui.paste.value;
  if (pasted.trim())
    files.push({
      name: ui.pasteName.value || 'pasted.txt',
      content: pasted,
      ...(ui.pasteSource.value.trim() && { source: ui.pasteSource.value.trim() }),
    });
  if (files.length === 0) throw new Error('Choose files or paste an article first.');
  showUploadStatus('Adding…');
  const result = await postArticles(files);
  clear(ui.uploadResults, result.files.map(uploadResult));
  ui.uploadForm.reset();
  const added = result.files.reduce((n, f) => n + f.added, 0);
  const stored = result.files.reduce((n, f) => n + f.alreadyStored, 0);
  const problems = result.files.filter((f) => f.skipped.length > 0).length;
  // Its own line, in the upload panel: the timeline's status, rebuilt next, does not overwrite it.
  showUploadStatus(
    `Added ${added} article(s)${stored ? `, ${stored} already stored` : ''}${problems ? `; ${problems} file(s) with problems, listed below` : ''}.`,
  );
  showStats(result.counts);
  if (state.view === 'stories') await showStories(state.storyPage);
  else await searchStory();
}

/**
 * @param {string} message
 * @param {boolean} [isError]
 */
function showUploadStatus(message, isError = false) {
  const status = ui.uploadStatus;
  status.className = isError ? 'upload-status error' : 'upload-status';
  status.textContent = message;
}

/** The upload panel, from the header's "Add articles" or the empty store's note. */
function openUpload() {
  ui.upload.open = true;
  ui.uploadFiles.focus();
}

/** @param {UploadedFile} file */
function uploadResult(file) {
  const ok = file.skipped.length === 0;
  return el(
    'li',
    { class: ok ? 'ok' : 'problem' },
    el('strong', {}, file.name),
    `: ${file.read} read, ${file.added} added, ${file.alreadyStored} already stored`,
    file.skipped.length
      ? el(
          'ul',
          {},
          file.skipped.map((s) => el('li', {}, s.line ? `line ${s.line}: ${s.reason}` : s.reason)),
        )
      : null,
  );
}

/** @param {StoreCounts} counts */
function showStats(counts) {
  state.counts = counts;
  ui.stats.textContent =
    counts.articles === 0
      ? 'The store is empty'
      : `${counts.articles} articles · ${counts.sentences} sentences · ${counts.timexes} temporal expressions in the store`;
}

ui.controls.addEventListener('submit', (event) => {
  event.preventDefault();
  // Topic words search the whole archive; without them, the open story is rebuilt with the form's settings.
  if (ui.query.value.trim()) leaveStory();
  guarded(searchStory);
});
ui.orderArticles.addEventListener('click', () => setStoryOrder('articles'));
ui.orderRecent.addEventListener('click', () => setStoryOrder('recent'));
ui.wholeArchive.addEventListener('click', () => {
  leaveStory();
  state.entity = '';
  for (const field of [ui.query, ui.from, ui.to]) field.value = '';
  windowProblem(selection());
  setView('timeline');
  ui.timelineHeading.focus();
  guarded(searchStory);
});
ui.allStories.addEventListener('click', () => {
  rememberStory('');
  guarded(() => showStories(state.storyPage, { focus: 'story' }));
});
window.addEventListener('popstate', () => {
  // Back or forward to another story or to the list; not a jump to a #fragment of this view.
  if (location.search === shownSearch) return;
  shownSearch = location.search;
  guarded(() => showFromUrl({ focus: true }));
});
ui.uploadForm.addEventListener('submit', (event) => {
  event.preventDefault();
  upload().catch((error) => showUploadStatus(messageOf(error), true));
});
ui.addArticles.addEventListener('click', openUpload);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.reading) closeArticle();
});
narrow.addEventListener('change', () => setInert(state.reading && narrow.matches));
// The plot is drawn at the width it is shown at: drawn again when that changes.
new ResizeObserver(() => {
  if (state.timeline && Math.abs(ui.plot.clientWidth - state.plotWidth) > 1) renderPlot();
}).observe(ui.plot);
guarded(async () => {
  const { counts, formats } = await getStats();
  state.formats = formats;
  showStats(counts);
  await showFromUrl({ focus: false });
});
