// The evidence over time as an inline SVG: bars for date references (what the timeline ranks days
// by), dots for articles published, a marker on each day the timeline chose. It covers the
// selection's date window, or the days its articles were published, and groups days into weeks,
// months or years when a bar per day would be too thin to see: a store that mixes stories years
// apart still reads. It is drawn at the width it is shown at, so its labels keep their size on a
// phone. Dragging across it (or choosing a week, month or year) picks a range of dates.
import { DAY_MS, MONTH_NAMES, timexInWords } from './date-words.js';
import { el, svg } from './dom.js';

const HEIGHT = 180;
const MARGIN = { top: 16, right: 10, bottom: 34, left: 10 };
/** Without a date window the plot covers the days articles were published, plus this either side. */
const PADDING_DAYS = 3;
/** The narrowest slot a bar may have, in CSS pixels; below it days are grouped into weeks, and so on. */
const MIN_SLOT = 8;
/** Room an axis label needs, in CSS pixels ("30 Sep" at 12px, and a gap). */
const LABEL_SPACING = 64;
/** A drag shorter than this is a click. */
const CLICK_PIXELS = 4;
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

const dayNumber = (day) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOf = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const dateOf = (n) => new Date(n * DAY_MS);
const numberOf = (year, month, day) => Math.round(Date.UTC(year, month, day) / DAY_MS);
const isDay = (value) => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** The periods a bar can stand for: where the period holding day `n` starts, and where the next one does. */
const UNITS = [
  { name: 'day', start: (n) => n, next: (n) => n + 1 },
  { name: 'week', start: (n) => n - ((dateOf(n).getUTCDay() + 6) % 7), next: (n) => n + 7 },
  {
    name: 'month',
    start: (n) => numberOf(dateOf(n).getUTCFullYear(), dateOf(n).getUTCMonth(), 1),
    next: (n) => numberOf(dateOf(n).getUTCFullYear(), dateOf(n).getUTCMonth() + 1, 1),
  },
  {
    name: 'year',
    start: (n) => numberOf(dateOf(n).getUTCFullYear(), 0, 1),
    next: (n) => numberOf(dateOf(n).getUTCFullYear() + 1, 0, 1),
  },
];

/** The bins of `unit` covering days first..last: each { start, end } (end inclusive), in order. */
function binsOf(unit, first, last) {
  const bins = [];
  for (let start = unit.start(first); start <= last; start = unit.next(start))
    bins.push({ start, end: unit.next(start) - 1, references: 0, articles: 0, chosen: false });
  return bins;
}

/** "7 Apr", "Apr" or "2025", with the year added where it changes. */
function label(unit, n, withYear) {
  const date = dateOf(n);
  const year = date.getUTCFullYear();
  if (unit.name === 'year') return String(year);
  const month = MONTHS[date.getUTCMonth()];
  const text = unit.name === 'month' ? month : `${date.getUTCDate()} ${month}`;
  return withYear ? `${text} ${year}` : text;
}

/** Steps between labelled bins, per unit: calendar-aligned (every 3 months is a quarter), the smallest that leaves room. */
const LABEL_STEPS = {
  day: [1, 2, 7, 14, 28],
  week: [1, 2, 4, 8, 13, 26, 52],
  month: [1, 2, 3, 6, 12],
  year: [1, 2, 5, 10, 25, 50, 100],
};

/** Whether bin `i` starts a labelled step: the 1st of every third month, years divisible by 5, …  */
function onStep(unit, bins, i, step) {
  const date = dateOf(bins[i].start);
  if (unit.name === 'month') return date.getUTCMonth() % step === 0;
  if (unit.name === 'year') return date.getUTCFullYear() % step === 0;
  return i % step === 0;
}

/**
 * Axis labels that fit without overlapping: the first bin, then bins on a calendar step, each
 * written with its year where the year changes. A label too long for the right edge ends there.
 */
function axisLabels(unit, bins, x, slot, width) {
  const step = LABEL_STEPS[unit.name].find((n) => n * slot >= LABEL_SPACING) ?? LABEL_STEPS[unit.name].at(-1);
  const estimate = (text) => text.length * 7 + 4;
  const labels = [];
  let lastEnd = -Infinity;
  let lastYear;
  for (let i = 0; i < bins.length; i++) {
    if (i > 0 && !onStep(unit, bins, i, step)) continue;
    const year = dateOf(bins[i].start).getUTCFullYear();
    const text = label(unit, bins[i].start, unit.name !== 'year' && year !== lastYear);
    const size = estimate(text);
    let at = x(i) + 2;
    let anchor = 'start';
    if (at + size > width - 2) {
      at = width - 2;
      anchor = 'end';
    }
    const start = anchor === 'start' ? at : at - size;
    if (start < lastEnd + 8) continue;
    labels.push({ at, text, anchor, tick: x(i) });
    lastEnd = start + size;
    lastYear = year;
  }
  return labels;
}

/** What a bin covers, in words: "8 April 2025", "the week of 7 April 2025", "April 2025", "2025". */
function binWords(unit, bin) {
  if (unit.name === 'day') return timexInWords(dayOf(bin.start));
  if (unit.name === 'week') return `the week of ${timexInWords(dayOf(bin.start))}`;
  if (unit.name === 'month') return timexInWords(dayOf(bin.start).slice(0, 7));
  return dayOf(bin.start).slice(0, 4);
}

/**
 * @param {Array<{day: string, articles: number, references: number}>} days the selection's evidence per day
 * @param {string[]} chosenDates the timeline's dates
 * @param {{ width?: number, from?: string, to?: string, onRange?: (from: string, to: string) => void }} [options]
 *   width: the pixels the plot is shown at; from/to: the date window; onRange: a range was picked
 */
export function signalPlot(days, chosenDates, options = {}) {
  const width = Math.max(260, Math.round(options.width ?? 900));
  const published = days.filter((d) => d.articles > 0).map((d) => dayNumber(d.day));
  const from = isDay(options.from) ? dayNumber(options.from) : undefined;
  const to = isDay(options.to) ? dayNumber(options.to) : undefined;
  if (published.length === 0 && from === undefined && to === undefined)
    return el('p', { class: 'muted' }, 'No articles to plot.');
  const firstPublished = published.length ? Math.min(...published) : (from ?? to);
  const lastPublished = published.length ? Math.max(...published) : (to ?? from);
  const first = from ?? Math.min(firstPublished - PADDING_DAYS, to ?? Infinity);
  const last = Math.max(to ?? lastPublished + PADDING_DAYS, first);

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const unit = UNITS.find((u) => binsOf(u, first, last).length * MIN_SLOT <= plotWidth) ?? UNITS[UNITS.length - 1];
  const bins = binsOf(unit, first, last);
  const binIndex = (n) => {
    if (n < bins[0].start || n > bins[bins.length - 1].end) return -1;
    if (unit.name === 'day') return n - bins[0].start;
    return bins.findIndex((bin) => n >= bin.start && n <= bin.end);
  };
  let outside = 0;
  for (const d of days) {
    const n = dayNumber(d.day);
    const i = n >= first && n <= last ? binIndex(n) : -1;
    if (i < 0) {
      outside += d.references;
      continue;
    }
    bins[i].references += d.references;
    bins[i].articles += d.articles;
  }
  const chosenDays = chosenDates.filter(isDay).map(dayNumber);
  for (const n of chosenDays) {
    const i = n >= first && n <= last ? binIndex(n) : -1;
    if (i >= 0) bins[i].chosen = true;
  }

  const slot = plotWidth / bins.length;
  const x = (i) => MARGIN.left + i * slot;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxReferences = Math.max(1, ...bins.map((b) => b.references));
  const maxArticles = Math.max(1, ...bins.map((b) => b.articles));
  const baseline = HEIGHT - MARGIN.bottom;
  const per = unit.name;

  const markers = bins.flatMap((bin, i) =>
    bin.chosen
      ? [
          svg(
            'g',
            { class: 'chosen' },
            svg('line', { x1: x(i) + slot / 2, x2: x(i) + slot / 2, y1: MARGIN.top - 8, y2: baseline }),
            svg('title', {}, `${binWords(unit, bin)}: on the timeline`),
          ),
        ]
      : [],
  );
  const bars = bins.map((bin, i) => {
    const height = (bin.references / maxReferences) * plotHeight;
    return svg(
      'rect',
      {
        class: bin.chosen ? 'ref picked' : 'ref',
        x: x(i) + slot * 0.12,
        y: baseline - height,
        width: Math.max(1, slot * 0.76),
        height,
      },
      svg('title', {}, `${binWords(unit, bin)}: ${bin.references} date reference(s), ${bin.articles} article(s)`),
    );
  });
  const dots = bins.flatMap((bin, i) =>
    bin.articles > 0
      ? [
          svg(
            'circle',
            {
              class: 'articles',
              cx: x(i) + slot / 2,
              cy: baseline - (bin.articles / maxArticles) * plotHeight,
              r: Math.min(4, Math.max(2, slot / 4)),
            },
            svg('title', {}, `${binWords(unit, bin)}: ${bin.articles} article(s) published`),
          ),
        ]
      : [],
  );

  const axis = axisLabels(unit, bins, x, slot, width).flatMap(({ at, text, anchor, tick }) => [
    svg('line', { class: 'tick', x1: tick, x2: tick, y1: baseline, y2: baseline + 5 }),
    svg('text', { class: 'axis', x: at, y: baseline + 18, 'text-anchor': anchor }, text),
  ]);

  const brush = svg('rect', {
    class: 'brush',
    x: 0,
    y: MARGIN.top,
    width: 0,
    height: plotHeight,
    visibility: 'hidden',
  });
  const area = svg('rect', {
    class: 'brush-area',
    x: MARGIN.left,
    y: 0,
    width: plotWidth,
    height: HEIGHT,
  });
  const figure = svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${HEIGHT}`,
      width,
      height: HEIGHT,
      role: 'img',
      'aria-label': `Date references and articles published per ${per}, from ${timexInWords(dayOf(bins[0].start))} to ${timexInWords(dayOf(bins[bins.length - 1].end))}`,
      class: `plot per-${per}`,
      'data-unit': per,
    },
    svg('line', { class: 'baseline', x1: MARGIN.left, x2: width - MARGIN.right, y1: baseline, y2: baseline }),
    markers,
    bars,
    dots,
    axis,
    brush,
    area,
  );
  if (options.onRange) brushing(figure, area, brush, { bins, unit, x, slot, onRange: options.onRange });

  const legend = el(
    'figcaption',
    { class: 'legend muted' },
    el('span', { class: 'key ref' }),
    ` date references per ${per} (max ${maxReferences})  `,
    el('span', { class: 'key articles' }),
    ` articles published (max ${maxArticles})  `,
    el('span', { class: 'key chosen' }),
    ' dates on the timeline',
    outside > 0 ? `  · ${outside} reference(s) to days outside this range` : '',
    options.onRange
      ? el(
          'span',
          { class: 'hint' },
          unit.name === 'day'
            ? ' · drag across the plot to narrow the timeline to those days'
            : ` · drag across the plot, or choose a ${per}, to narrow the timeline to it`,
        )
      : null,
  );
  return el('figure', { class: 'plot-figure' }, figure, legend);
}

/** Dragging across the plot picks the bins it covers; a click on a week, month or year picks that one. */
function brushing(figure, area, brush, { bins, unit, x, slot, onRange }) {
  let start;
  const pointX = (event) => {
    const matrix = figure.getScreenCTM();
    if (!matrix) return 0;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return point.x;
  };
  const binAt = (px) => Math.min(bins.length - 1, Math.max(0, Math.floor((px - x(0)) / slot)));
  const show = (a, b) => {
    const [i, j] = [binAt(Math.min(a, b)), binAt(Math.max(a, b))];
    brush.setAttribute('x', String(x(i)));
    brush.setAttribute('width', String(x(j) + slot - x(i)));
    brush.setAttribute('visibility', 'visible');
  };
  area.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    start = pointX(event);
    area.setPointerCapture(event.pointerId);
    show(start, start);
  });
  area.addEventListener('pointermove', (event) => {
    if (start !== undefined) show(start, pointX(event));
  });
  const finish = (event, cancelled) => {
    if (start === undefined) return;
    const end = pointX(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = undefined;
    brush.setAttribute('visibility', 'hidden');
    if (cancelled) return;
    const [i, j] = [binAt(a), binAt(b)];
    const click = b - a < CLICK_PIXELS;
    if (click && unit.name === 'day') return; // a single day is no range to narrow to
    onRange(dayOf(bins[i].start), dayOf(bins[j].end));
  };
  area.addEventListener('pointerup', (event) => finish(event, false));
  area.addEventListener('pointercancel', (event) => finish(event, true));
}
