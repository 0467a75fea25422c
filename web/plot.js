// The evidence per day as an inline SVG: bars for date references (what the timeline ranks days
// by), dots for articles published, a marker on each day the timeline chose.
import { timexInWords } from './date-words.js';
import { el, svg } from './dom.js';

const WIDTH = 900;
const HEIGHT = 170;
const MARGIN = { top: 18, right: 8, bottom: 22, left: 8 };
const DAY_MS = 86_400_000;
/** References reach back years ("in 2019"); the plot covers the days articles were published, plus this. */
const PADDING_DAYS = 7;

const dayNumber = (day) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function signalPlot(days, chosenDates) {
  const published = days.filter((d) => d.articles > 0).map((d) => dayNumber(d.day));
  if (published.length === 0) return el('p', { class: 'muted' }, 'No articles to plot.');
  const first = Math.min(...published) - PADDING_DAYS;
  const last = Math.max(...published) + PADDING_DAYS;
  const shown = days.filter((d) => dayNumber(d.day) >= first && dayNumber(d.day) <= last);
  const outside = days.reduce((n, d) => n + (shown.includes(d) ? 0 : d.references), 0);

  const span = last - first + 1;
  const step = (WIDTH - MARGIN.left - MARGIN.right) / span;
  const x = (n) => MARGIN.left + (n - first) * step;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxReferences = Math.max(1, ...shown.map((d) => d.references));
  const maxArticles = Math.max(1, ...shown.map((d) => d.articles));
  const baseline = HEIGHT - MARGIN.bottom;

  const chosen = new Set(chosenDates);
  const markers = [...chosen]
    .filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && dayNumber(day) >= first && dayNumber(day) <= last)
    .map((day) =>
      svg(
        'g',
        { class: 'chosen' },
        svg('line', {
          x1: x(dayNumber(day)) + step / 2,
          x2: x(dayNumber(day)) + step / 2,
          y1: MARGIN.top - 6,
          y2: baseline,
        }),
        svg('title', {}, `${timexInWords(day)}: on the timeline`),
      ),
    );
  const bars = shown.map((d) => {
    const height = (d.references / maxReferences) * plotHeight;
    return svg(
      'rect',
      {
        class: chosen.has(d.day) ? 'ref picked' : 'ref',
        x: x(dayNumber(d.day)) + step * 0.1,
        y: baseline - height,
        width: Math.max(1, step * 0.8),
        height,
      },
      svg('title', {}, `${timexInWords(d.day)}: ${d.references} date reference(s), ${d.articles} article(s)`),
    );
  });
  const dots = shown
    .filter((d) => d.articles > 0)
    .map((d) =>
      svg(
        'circle',
        {
          class: 'articles',
          cx: x(dayNumber(d.day)) + step / 2,
          cy: baseline - (d.articles / maxArticles) * plotHeight,
          r: Math.min(4, Math.max(2, step / 4)),
        },
        svg('title', {}, `${timexInWords(d.day)}: ${d.articles} article(s) published`),
      ),
    );
  const axis = [first + PADDING_DAYS, last - PADDING_DAYS].map((n, i) =>
    svg(
      'text',
      { class: 'axis', x: x(n) + step / 2, y: HEIGHT - 6, 'text-anchor': i === 0 ? 'start' : 'end' },
      timexInWords(dayOf(n)),
    ),
  );

  const figure = svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': 'Date references and articles per day',
      class: 'plot',
    },
    svg('line', { class: 'baseline', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: baseline, y2: baseline }),
    markers,
    bars,
    dots,
    axis,
  );
  const legend = el(
    'p',
    { class: 'legend muted' },
    el('span', { class: 'key ref' }),
    ` date references per day (max ${maxReferences})  `,
    el('span', { class: 'key articles' }),
    ` articles published (max ${maxArticles})  `,
    el('span', { class: 'key chosen' }),
    ' dates on the timeline',
    outside > 0 ? `  · ${outside} reference(s) to days outside this range` : '',
  );
  return el('figure', {}, figure, legend);
}
