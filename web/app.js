// The page: controls → timeline (left) → source article (right), plus the evidence plot, the
// entity filter, exports and uploads. State lives here; rendering is in small helpers.
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

const state = { entity: '', timeline: null, conflicts: [], articlePage: 1 };

function selection() {
  return {
    query: $('query').value.trim(),
    dates: $('dates').value,
    sentences: $('sentences').value,
    from: $('from').value,
    to: $('to').value,
    entity: state.entity,
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

// ---------------------------------------------------------------------------------------------
// Timeline

async function buildTimeline() {
  const params = selection();
  showStatus('Building the timeline…');
  const [{ timeline, conflicts }, { days }] = await Promise.all([
    api('/api/timeline', params),
    api('/api/signal', { query: params.query, entity: params.entity }),
  ]);
  Object.assign(state, { timeline, conflicts });
  const { stats } = timeline;
  showStatus(
    `${timeline.entries.length} date(s) from ${stats.articles} article(s) (${stats.duplicates} duplicate(s)) and ${stats.sentences} sentence(s).`,
  );
  renderFilter();
  renderTimeline();
  clear(
    $('plot'),
    signalPlot(
      days,
      timeline.entries.map((e) => e.date.value),
    ),
  );
  renderExports(params);
}

/** A new story: its timeline, and the list of its articles in place of whatever source was open. */
async function searchStory() {
  await Promise.all([buildTimeline(), showArticleList(1)]);
}

function renderTimeline() {
  const entries = state.timeline.entries;
  if (entries.length === 0) {
    clear($('timeline'), el('li', { class: 'muted' }, 'No dates: no stored article matches this story.'));
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
      'h2',
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
              onclick: () => guarded(() => showArticle(citation.articleId, citation, entry)),
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
  await buildTimeline();
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

function renderExports(params) {
  clear(
    $('exports'),
    'Export: ',
    EXPORTS.map(([format, label]) =>
      el('a', { class: 'button', href: linkUrl('/api/timeline/export', { ...params, format }), download: '' }, label),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Source panel: a list of stored articles, or one article with the cited sentence highlighted

async function showArticle(id, citation, entry) {
  const { article, sentences, copies } = await api(`/api/articles/${encodeURIComponent(id)}`);
  const otherOutlets = (entry?.sentences ?? []).filter((c) => c.source !== article.source);
  clear(
    $('source'),
    el(
      'article',
      { class: 'article' },
      el(
        'button',
        { type: 'button', class: 'link', onclick: () => guarded(() => showArticleList(state.articlePage)) },
        '← all articles',
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
                    `${copy.source}, ${timexInWords(copy.publishedOn)}`,
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
  $('source').querySelector('.cited')?.scrollIntoView({ block: 'center' });
}

async function showArticleList(page) {
  const { query, from, to } = selection();
  const list = await api('/api/articles', { query, from, to, page, pageSize: 10 });
  state.articlePage = list.page;
  clear(
    $('source'),
    el(
      'section',
      { class: 'article-list' },
      el('h2', {}, `${list.total} stored article(s)${query ? ` matching “${query}”` : ''}`),
      el(
        'ol',
        {},
        list.articles.map((a) =>
          el(
            'li',
            {},
            el(
              'button',
              { type: 'button', class: 'link', onclick: () => guarded(() => showArticle(a.id)) },
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
  const result = await api(
    '/api/articles',
    {},
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ files }) },
  );
  clear($('upload-results'), result.files.map(uploadResult));
  $('upload-form').reset();
  showStats(result.counts);
  showStatus(`Added ${result.files.reduce((n, f) => n + f.added, 0)} article(s).`);
  await searchStory();
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
  $('stats').textContent =
    `${counts.articles} articles · ${counts.sentences} sentences · ${counts.timexes} temporal expressions in the store`;
}

$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(searchStory);
});
$('upload-form').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(upload);
});
guarded(async () => {
  showStats((await api('/api/stats')).counts);
  await searchStory();
});
