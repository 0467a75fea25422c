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
import { api, linkUrl } from './api.js';
import { articleBody, articleHeader } from './article.js';
import { evidenceInWords, timexInWords } from './date-words.js';
import { clear, el } from './dom.js';
import { signalPlot } from './plot.js';

const $ = (id) => document.getElementById(id);
const EXPORTS = [
  ['json', 'JSON'],
  ['md', 'Markdown'],
  ['timelinejs', 'TimelineJS JSON'],
  ['tilse', 'tilse text'],
];

const state = {
  entity: '',
  /** 'stories' (the story list) or 'timeline' (a story's, a search's or the whole archive's). */
  view: 'timeline',
  /** The open story ({id, label, …} as /api/stories gives it), or null. */
  story: null,
  /** The story list: its order, page, and the story last opened from it (focus returns there). */
  storyOrder: 'articles',
  storyPage: 1,
  lastStory: '',
  timeline: null,
  conflicts: [],
  /** The evidence per day of the selection the timeline was built for, and that selection. */
  days: [],
  params: null,
  /** The width the plot was last drawn at. */
  plotWidth: 0,
  articlePage: 1,
  counts: null,
  /** While an article is open: the element that opened it (focus goes back there) and the list it replaced. */
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

function selection() {
  return {
    query: $('query').value.trim(),
    dates: $('dates').value,
    sentences: $('sentences').value,
    from: $('from').value.trim(),
    to: $('to').value.trim(),
    entity: state.entity,
    story: state.story?.id ?? '',
  };
}

function showStatus(message, isError = false) {
  const status = $('status');
  status.className = isError ? 'status error' : 'status';
  status.textContent = message;
}

async function guarded(action) {
  try {
    await action();
  } catch (error) {
    showStatus(error.message, true);
  }
}

/** True for a YYYY-MM-DD day that exists (2025-02-30 does not). */
function isCalendarDay(value) {
  if (!ISO_DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** What is wrong with the date window, if anything; the fields at fault are marked. */
function windowProblem({ from, to }) {
  const problems = [];
  for (const [id, name, value] of [
    ['from', 'From', from],
    ['to', 'To', to],
  ]) {
    const wrong = value !== '' && !isCalendarDay(value);
    $(id).toggleAttribute('aria-invalid', wrong);
    if (wrong) problems.push(`${name}: expected a day as YYYY-MM-DD, e.g. 2025-04-05 (not “${value}”).`);
  }
  if (problems.length) return problems.join(' ');
  if (from && to && from > to) {
    $('from').setAttribute('aria-invalid', 'true');
    $('to').setAttribute('aria-invalid', 'true');
    return `From (${from}) is after To (${to}): no day lies between them. Change one of them.`;
  }
  return undefined;
}

/** Nothing of an earlier selection stays on screen under an error about the current one. */
function clearResults(reason) {
  Object.assign(state, { timeline: null, conflicts: [], days: [], params: null });
  endReading();
  clear($('timeline'), el('li', { class: 'muted' }, reason));
  clear($('plot'));
  clear($('source'));
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
    api('/api/timeline', params),
    api('/api/signal', { query, entity, from, to, story }),
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
    $('timeline'),
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
  $('upload').open = true;
}

function renderPlot() {
  if (!state.timeline) return;
  const { from, to } = state.params;
  const chosen = state.timeline.entries.map((e) => e.date.value);
  const width = $('plot').clientWidth;
  state.plotWidth = width;
  clear(
    $('plot'),
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

/** A range picked on the plot becomes the timeline's date window. */
function narrowTo(from, to) {
  $('from').value = from;
  $('to').value = to;
  guarded(searchStory);
}

function renderTimeline() {
  const entries = state.timeline.entries;
  if (entries.length === 0) {
    const { from, to } = state.params ?? {};
    clear(
      $('timeline'),
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
    $('timeline'),
    entries.map((entry, i) => entryNode(entry, state.conflicts[i] ?? [])),
  );
}

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

/** Outlets that contradict each other on one measured thing, and outlets that updated their own figure (earlier → later). */
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
    $('filter'),
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

/** Export links, only for a timeline with dates in it (TimelineJS refuses one without events). */
function renderExports(params) {
  const nav = $('exports');
  nav.hidden = !params;
  if (!params) return clear(nav);
  clear(
    nav,
    'Export: ',
    EXPORTS.map(([format, label]) =>
      el('a', { class: 'button', href: linkUrl('/api/timeline/export', { ...params, format }), download: '' }, label),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Source panel: a list of stored articles, or one article with the cited sentence highlighted

async function showArticle(id, citation, entry, opener) {
  const { article, sentences, copies } = await api(`/api/articles/${encodeURIComponent(id)}`);
  const otherOutlets = (entry?.sentences ?? []).filter((c) => c.source !== article.source);
  if (!state.reading) {
    // The first article opened from the timeline or the list: remember where to come back to.
    state.opener = opener ?? document.activeElement;
    state.list = [...$('source').childNodes];
  }
  clear(
    $('source'),
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
      otherOutlets.length
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
  const source = $('source');
  source.querySelector('#article-heading')?.focus({ preventScroll: true });
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
  const main = $('main');
  return [
    ...[...document.body.children].filter((node) => node !== main),
    ...[...main.children].filter((node) => !node.classList.contains('columns')),
    document.querySelector('.timeline-column'),
  ];
}

function setInert(on) {
  for (const node of behindTheArticle()) node.inert = on;
}

function startReading() {
  state.reading = true;
  $('source').classList.add('reading');
  document.body.classList.add('reading');
  setInert(narrow.matches);
}

/** Leaves the article view without moving the focus (a new search replaces it). */
function endReading() {
  if (!state.reading) return;
  state.reading = false;
  $('source').classList.remove('reading');
  document.body.classList.remove('reading');
  setInert(false);
}

/** Back to the timeline: the list the article replaced, and the focus on what opened it. */
function closeArticle() {
  if (!state.reading) return;
  endReading();
  clear($('source'), state.list ?? []);
  const opener = state.opener;
  state.opener = null;
  state.list = null;
  if (opener?.isConnected && typeof opener.focus === 'function') opener.focus();
  else $('timeline-heading').focus();
}

async function showArticleList(page) {
  const { query, from, to, story } = selection();
  const run = ++runs.list;
  const list = await api('/api/articles', { query, from, to, story, page, pageSize: 10 });
  if (run !== runs.list) return;
  state.articlePage = list.page;
  endReading();
  if (list.total === 0) {
    clear($('source'));
    return;
  }
  clear(
    $('source'),
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
      el(
        'p',
        { class: 'pager' },
        el(
          'button',
          { type: 'button', disabled: list.page <= 1, onclick: () => guarded(() => showArticleList(list.page - 1)) },
          '‹ previous',
        ),
        ` page ${list.page} of ${list.pages} `,
        el(
          'button',
          {
            type: 'button',
            disabled: list.page >= list.pages,
            onclick: () => guarded(() => showArticleList(list.page + 1)),
          },
          'next ›',
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Stories: the archive's first view, and the story a timeline is about

/** Shows the story list, or the timeline column (with plot, exports and source panel). */
function setView(view) {
  state.view = view;
  const list = view === 'stories';
  $('stories').hidden = !list;
  for (const node of [document.querySelector('.signal'), document.querySelector('.columns'), $('filter')])
    node.hidden = list;
  if (list) renderExports(null);
  $('story-back').hidden = list || !state.counts?.articles;
  const skip = document.querySelector('.skip');
  skip.href = list ? '#stories-heading' : '#timeline-heading';
  skip.textContent = list ? 'Skip to the stories' : 'Skip to the timeline';
  renderHeading();
}

/** The timeline's heading: the open story's label, or "Timeline". */
function renderHeading() {
  const heading = $('timeline-heading');
  heading.textContent = state.story ? state.story.label || `Story ${state.story.id}` : 'Timeline';
  heading.classList.toggle('story-title', Boolean(state.story));
}

/** The story in the page's address (?story=<id>), or ''. */
function storyInUrl() {
  return new URLSearchParams(location.search).get('story') ?? '';
}

/** This page's address with `id` as its story (none for ''): other parameters (the token) stay. */
function storyHref(id) {
  const url = new URL(location.href);
  url.hash = '';
  if (id) url.searchParams.set('story', id);
  else url.searchParams.delete('story');
  return `${url.pathname}${url.search}`;
}

/** The address's query the page last showed: a move to a #fragment (the skip link) keeps it. */
let shownSearch = location.search;

/** A new history entry when the story changes, so Back returns to the one before. */
function rememberStory(id) {
  if (storyInUrl() === id) return;
  history.pushState(null, '', storyHref(id));
  shownSearch = location.search;
}

const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The list of stories, biggest or most recent first. A store whose stories are all single articles
 * lists those rather than nothing; one with no story at all shows the whole archive's timeline.
 * `focus`: 'story' puts the focus on the story last opened (or the heading), 'heading' on the heading.
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
  const ask = (minArticles, at) =>
    api('/api/stories', { minArticles, order: state.storyOrder, page: at, pageSize: STORY_PAGE_SIZE });
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
  $('stories-note').textContent =
    minArticles === 1 ? 'No story has two or more articles yet: each story below is a single article.' : '';
  clear($('story-list'), list.stories.map(storyItem));
  clear(
    $('story-pager'),
    list.pages > 1
      ? [
          el(
            'button',
            { type: 'button', disabled: list.page <= 1, onclick: () => guarded(() => showStories(list.page - 1)) },
            '‹ previous',
          ),
          ` page ${list.page} of ${list.pages} `,
          el(
            'button',
            {
              type: 'button',
              disabled: list.page >= list.pages,
              onclick: () => guarded(() => showStories(list.page + 1)),
            },
            'next ›',
          ),
        ]
      : [],
  );
  if (focus === 'story') {
    const opened = [...$('story-list').querySelectorAll('a.story')].find((a) => a.dataset.story === state.lastStory);
    (opened ?? $('stories-heading')).focus();
  } else if (focus === 'heading') $('stories-heading').focus();
}

function storyItem(story) {
  const copies = story.articles - story.independent;
  const span =
    story.firstDay === story.lastDay
      ? timexInWords(story.firstDay)
      : `${timexInWords(story.firstDay)} to ${timexInWords(story.lastDay)}`;
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
 */
async function openStory(story, { push = true, focus = true } = {}) {
  Object.assign(state, { story, lastStory: story.id, entity: '' });
  for (const id of ['query', 'from', 'to']) $(id).value = '';
  windowProblem(selection());
  if (push) rememberStory(story.id);
  setView('timeline');
  clearResults('Building the timeline of this story…');
  if (focus) $('timeline-heading').focus();
  await searchStory();
}

/** Leaves the open story (the next timeline is the whole archive's, or a search's). */
function leaveStory() {
  if (!state.story) return;
  state.story = null;
  rememberStory('');
  renderHeading();
}

/** What the address asks for: its story, or the story list (an empty store says how to fill it). */
async function showFromUrl({ focus }) {
  if (state.counts?.articles === 0) return showEmptyStore();
  const id = storyInUrl();
  if (!id) return showStories(state.storyPage, { focus: focus ? 'story' : undefined });
  const run = ++runs.stories;
  let story;
  try {
    ({ story } = await api(`/api/stories/${encodeURIComponent(id)}`));
  } catch (error) {
    if (run !== runs.stories) return;
    // The address names no story (any more): the list, and an address that says so.
    history.replaceState(null, '', storyHref(''));
    shownSearch = location.search;
    await showStories(1, { focus: focus ? 'heading' : undefined });
    showStatus(`${error.message}: choose one of the stories below.`, true);
    return;
  }
  if (run === runs.stories) await openStory(story, { push: false, focus });
}

function setStoryOrder(order) {
  state.storyOrder = order;
  $('order-articles').setAttribute('aria-pressed', String(order === 'articles'));
  $('order-recent').setAttribute('aria-pressed', String(order === 'recent'));
  guarded(() => showStories(1));
}

// ---------------------------------------------------------------------------------------------
// Uploads and store figures

async function upload() {
  const files = await Promise.all(
    [...$('upload-files').files].map(async (file) => ({ name: file.name, content: await file.text() })),
  );
  const pasted = $('paste').value;
  if (pasted.trim())
    files.push({
      name: $('paste-name').value || 'pasted.txt',
      content: pasted,
      ...($('paste-source').value.trim() && { source: $('paste-source').value.trim() }),
    });
  if (files.length === 0) throw new Error('Choose files or paste an article first.');
  showUploadStatus('Adding…');
  const result = await api(
    '/api/articles',
    {},
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files }) },
  );
  clear($('upload-results'), result.files.map(uploadResult));
  $('upload-form').reset();
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

function showUploadStatus(message, isError = false) {
  const status = $('upload-status');
  status.className = isError ? 'upload-status error' : 'upload-status';
  status.textContent = message;
}

/** The upload panel, from the header's "Add articles" or the empty store's note. */
function openUpload() {
  $('upload').open = true;
  $('upload-files').focus();
}

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

function showStats(counts) {
  state.counts = counts;
  $('stats').textContent =
    counts.articles === 0
      ? 'The store is empty'
      : `${counts.articles} articles · ${counts.sentences} sentences · ${counts.timexes} temporal expressions in the store`;
}

$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  // Topic words search the whole archive; without them, the open story is rebuilt with the form's settings.
  if ($('query').value.trim()) leaveStory();
  guarded(searchStory);
});
$('order-articles').addEventListener('click', () => setStoryOrder('articles'));
$('order-recent').addEventListener('click', () => setStoryOrder('recent'));
$('whole-archive').addEventListener('click', () => {
  leaveStory();
  state.entity = '';
  for (const id of ['query', 'from', 'to']) $(id).value = '';
  windowProblem(selection());
  setView('timeline');
  $('timeline-heading').focus();
  guarded(searchStory);
});
$('all-stories').addEventListener('click', () => {
  rememberStory('');
  guarded(() => showStories(state.storyPage, { focus: 'story' }));
});
window.addEventListener('popstate', () => {
  // Back or forward to another story or to the list; not a jump to a #fragment of this view.
  if (location.search === shownSearch) return;
  shownSearch = location.search;
  guarded(() => showFromUrl({ focus: true }));
});
$('upload-form').addEventListener('submit', (event) => {
  event.preventDefault();
  upload().catch((error) => showUploadStatus(error.message, true));
});
$('add-articles').addEventListener('click', openUpload);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.reading) closeArticle();
});
narrow.addEventListener('change', () => setInert(state.reading && narrow.matches));
// The plot is drawn at the width it is shown at: drawn again when that changes.
new ResizeObserver(() => {
  if (state.timeline && Math.abs($('plot').clientWidth - (state.plotWidth ?? 0)) > 1) renderPlot();
}).observe($('plot'));
guarded(async () => {
  showStats((await api('/api/stats')).counts);
  await showFromUrl({ focus: false });
});
