// @ts-check
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

/** @typedef {import('./api.js').DaySignal} DaySignal */

/**
 * A period a bar can stand for: where the period holding day number `n` (days since 1970-01-01)
 * starts, and where the next one does.
 * @typedef {{ name: 'day' | 'week' | 'month' | 'year', start: (n: number) => number, next: (n: number) => number }} Unit
 */

/**
 * A bar: the day numbers start..end (end inclusive) and the evidence in them.
 * @typedef {{ start: number, end: number, references: number, articles: number, chosen: boolean }} Bin
 */

/** @param {string} day YYYY-MM-DD */
const dayNumber = (day) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
/** @param {number} n */
const dayOf = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** @param {number} n */
const dateOf = (n) => new Date(n * DAY_MS);
/**
 * @param {number} year
 * @param {number} month 0-11, or beyond as Date.UTC takes it
 * @param {number} day
 */
const numberOf = (year, month, day) => Math.round(Date.UTC(year, month, day) / DAY_MS);
/**
 * @param {string | undefined} value
 * @returns {value is string}
 */
const isDay = (value) => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** @type {Unit} */
const YEAR = {
  name: 'year',
  start: (n) => numberOf(dateOf(n).getUTCFullYear(), 0, 1),
  next: (n) => numberOf(dateOf(n).getUTCFullYear() + 1, 0, 1),
};
/**
 * The periods a bar can stand for, shortest first.
 * @type {readonly Unit[]}
 */
const UNITS = [
  { name: 'day', start: (n) => n, next: (n) => n + 1 },
  { name: 'week', start: (n) => n - ((dateOf(n).getUTCDay() + 6) % 7), next: (n) => n + 7 },
  {
    name: 'month',
    start: (n) => numberOf(dateOf(n).getUTCFullYear(), dateOf(n).getUTCMonth(), 1),
    next: (n) => numberOf(dateOf(n).getUTCFullYear(), dateOf(n).getUTCMonth() + 1, 1),
  },
  YEAR,
];

/**
 * The bins of `unit` covering days first..last (first <= last), in order: at least one.
 * @param {Unit} unit
 * @param {number} first
 * @param {number} last
 * @returns {[Bin, ...Bin[]]}
 */
function binsOf(unit, first, last) {
  /** @param {number} start */
  const bin = (start) => ({ start, end: unit.next(start) - 1, references: 0, articles: 0, chosen: false });
  /** @type {[Bin, ...Bin[]]} */
  const bins = [bin(unit.start(first))];
  for (let start = unit.next(bins[0].start); start <= last; start = unit.next(start)) bins.push(bin(start));
  return bins;
}

/**
 * "7 Apr", "Apr" or "2025", with the year added where it changes.
 * @param {Unit} unit
 * @param {number} n the bin's first day
 * @param {boolean} withYear
 * @returns {string}
 */
function label(unit, n, withYear) {
  const date = dateOf(n);
  const year = date.getUTCFullYear();
  if (unit.name === 'year') return String(year);
  // getUTCMonth is 0-11, so every month has its name: the number stands in for the type checker only.
  const month = MONTHS[date.getUTCMonth()] ?? String(date.getUTCMonth() + 1);
  const text = unit.name === 'month' ? month : `${date.getUTCDate()} ${month}`;
  return withYear ? `${text} ${year}` : text;
}

/**
 * Steps between labelled bins, per unit, ascending: calendar-aligned (every 3 months is a quarter), the smallest that leaves room.
 * @type {Readonly<Record<Unit['name'], readonly number[]>>}
 */
const LABEL_STEPS = {
  day: [1, 2, 7, 14, 28],
  week: [1, 2, 4, 8, 13, 26, 52],
  month: [1, 2, 3, 6, 12],
  year: [1, 2, 5, 10, 25, 50, 100],
};

/**
 * Whether `bin`, the `i`th, starts a labelled step: the 1st of every third month, years divisible by 5, …
 * @param {Unit} unit
 * @param {Bin} bin
 * @param {number} i
 * @param {number} step
 */
function onStep(unit, bin, i, step) {
  const date = dateOf(bin.start);
  if (unit.name === 'month') return date.getUTCMonth() % step === 0;
  if (unit.name === 'year') return date.getUTCFullYear() % step === 0;
  return i % step === 0;
}

/**
 * Axis labels that fit without overlapping: the first bin, then bins on a calendar step, each
 * written with its year where the year changes. A label too long for the right edge ends there.
 * @param {Unit} unit
 * @param {readonly Bin[]} bins
 * @param {(i: number) => number} x where bin `i` starts
 * @param {number} slot a bin's width
 * @param {number} width the plot's
 * @returns {{ at: number, text: string, anchor: 'start' | 'end', tick: number }[]}
 */
function axisLabels(unit, bins, x, slot, width) {
  const steps = LABEL_STEPS[unit.name];
  const step = steps.find((n) => n * slot >= LABEL_SPACING) ?? Math.max(...steps);
  /** @param {string} text */
  const estimate = (text) => text.length * 7 + 4;
  const labels = [];
  let lastEnd = -Infinity;
  /** @type {number | undefined} */
  let lastYear;
  for (const [i, bin] of bins.entries()) {
    if (i > 0 && !onStep(unit, bin, i, step)) continue;
    const year = dateOf(bin.start).getUTCFullYear();
    const text = label(unit, bin.start, unit.name !== 'year' && year !== lastYear);
    const size = estimate(text);
    let at = x(i) + 2;
    /** @type {'start' | 'end'} */
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

/**
 * What a bin covers, in words: "8 April 2025", "the week of 7 April 2025", "April 2025", "2025".
 * @param {Unit} unit
 * @param {Bin} bin
 */
function binWords(unit, bin) {
  if (unit.name === 'day') return timexInWords(dayOf(bin.start));
  if (unit.name === 'week') return `the week of ${timexInWords(dayOf(bin.start))}`;
  if (unit.name === 'month') return timexInWords(dayOf(bin.start).slice(0, 7));
  return dayOf(bin.start).slice(0, 4);
}

/**
 * @param {DaySignal[]} days the selection's evidence per day
 * @param {string[]} chosenDates the timeline's dates
 * @param {{ width?: number, from?: string, to?: string, onRange?: (from: string, to: string) => void }} [options]
 *   width: the pixels the plot is shown at; from/to: the date window; onRange: a range was picked
 * @returns {HTMLElement} the plot and its legend, or a line saying there is nothing to plot
 */
export function signalPlot(days, chosenDates, options = {}) {
  const width = Math.max(260, Math.round(options.width ?? 900));
  const published = days.filter((d) => d.articles > 0).map((d) => dayNumber(d.day));
  const from = isDay(options.from) ? dayNumber(options.from) : undefined;
  const to = isDay(options.to) ? dayNumber(options.to) : undefined;
  const firstPublished = published.length ? Math.min(...published) : (from ?? to);
  const lastPublished = published.length ? Math.max(...published) : (to ?? from);
  // Neither an article nor a date window.
  if (firstPublished === undefined || lastPublished === undefined)
    return el('p', { class: 'muted' }, 'No articles to plot.');
  const first = from ?? Math.min(firstPublished - PADDING_DAYS, to ?? Infinity);
  const last = Math.max(to ?? lastPublished + PADDING_DAYS, first);

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const unit = UNITS.find((u) => binsOf(u, first, last).length * MIN_SLOT <= plotWidth) ?? YEAR;
  const bins = binsOf(unit, first, last);
  const firstBin = bins[0];
  const lastBin = bins.at(-1) ?? firstBin;
  /**
   * The bin holding day number `n`, if the plot covers it.
   * @param {number} n
   * @returns {Bin | undefined}
   */
  const binOf = (n) => {
    if (n < firstBin.start || n > lastBin.end) return undefined;
    if (unit.name === 'day') return bins[n - firstBin.start];
    return bins.find((bin) => n >= bin.start && n <= bin.end);
  };
  let outside = 0;
  for (const d of days) {
    const n = dayNumber(d.day);
    const bin = n >= first && n <= last ? binOf(n) : undefined;
    if (!bin) {
      outside += d.references;
      continue;
    }
    bin.references += d.references;
    bin.articles += d.articles;
  }
  const chosenDays = chosenDates.filter(isDay).map(dayNumber);
  for (const n of chosenDays) {
    const bin = n >= first && n <= last ? binOf(n) : undefined;
    if (bin) bin.chosen = true;
  }

  const slot = plotWidth / bins.length;
  /**
   * Where bin `i` starts.
   * @param {number} i
   */
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
      'aria-label': `Date references and articles published per ${per}, from ${timexInWords(dayOf(firstBin.start))} to ${timexInWords(dayOf(lastBin.end))}`,
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

/**
 * Dragging across the plot picks the bins it covers; a click on a week, month or year picks that one.
 * @param {SVGSVGElement} figure
 * @param {SVGRectElement} area the surface that takes the pointer
 * @param {SVGRectElement} brush the range shown while dragging
 * @param {{ bins: readonly Bin[], unit: Unit, x: (i: number) => number, slot: number, onRange: (from: string, to: string) => void }} plot
 */
function brushing(figure, area, brush, { bins, unit, x, slot, onRange }) {
  /**
   * Where the drag started (in the plot's units), while one is on.
   * @type {number | undefined}
   */
  let start;
  /** @param {PointerEvent} event */
  const pointX = (event) => {
    const matrix = figure.getScreenCTM();
    if (!matrix) return 0;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return point.x;
  };
  /** @param {number} px */
  const binAt = (px) => Math.min(bins.length - 1, Math.max(0, Math.floor((px - x(0)) / slot)));
  /**
   * @param {number} a
   * @param {number} b
   */
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
  /**
   * @param {PointerEvent} event
   * @param {boolean} cancelled
   */
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
    const [firstBin, lastBin] = [bins[i], bins[j]];
    if (firstBin && lastBin) onRange(dayOf(firstBin.start), dayOf(lastBin.end));
  };
  area.addEventListener('pointerup', (event) => finish(event, false));
  area.addEventListener('pointercancel', (event) => finish(event, true));
}
