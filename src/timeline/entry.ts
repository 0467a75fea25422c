// Turning chosen sentences into a timeline entry with everything a reader needs to check it:
// citations with offsets and dating evidence, the people/places/organisations, and the figures
// each outlet gave (side by side, so disagreements show).
import type { Citation, DateRef, EntityCount, QuantityReport, Timex, TimelineEntry } from '../model.js';
import { preferredNameForm } from '../annotate/name-form.js';
import { unitKey, withoutVaguerRepeats } from '../figures.js';
import type { IndexedCorpus, SentenceRef } from './corpus.js';
import { qualifiersOf } from './figure-context.js';

const MAX_ENTITIES = 10;
const MAX_QUANTITIES = 12;

/** The timex that dates a sentence to `date`, when one does. */
export function timexFor(ref: SentenceRef, date: DateRef): Timex | undefined {
  return ref.sentence.timexes.find(
    (t) => t.refersTo?.value === date.value && t.refersTo.granularity === date.granularity,
  );
}

export function citationFor(ref: SentenceRef, date: DateRef, index: IndexedCorpus): Citation {
  const { article } = ref.article;
  const timex = timexFor(ref, date);
  const citation: Citation = {
    text: ref.sentence.text,
    articleId: article.id,
    source: article.source,
    publishedOn: article.publishedOn,
    sentenceIndex: ref.sentence.index,
    span: ref.sentence.span,
    dating: timex
      ? {
          how: 'reference',
          timex: {
            text: timex.text,
            span: timex.span,
            value: timex.value,
            anchor: timex.anchor,
            evidence: timex.evidence,
          },
          evidence: `"${timex.text}" in an article of ${article.publishedOn} → ${timex.value}`,
        }
      : { how: 'publication', evidence: `no date in the sentence; article published ${article.publishedOn}` },
    alsoIn: index.copiesOf.get(article.id) ?? [],
  };
  if (article.title !== undefined) citation.title = article.title;
  if (article.url !== undefined) citation.url = article.url;
  return citation;
}

/**
 * Most-mentioned names across the sentences about this date (the summary's and the rest). A name
 * counts once whatever its case: a headline's "VELMORA" is the text's "Velmora", which is the form
 * shown.
 */
export function entitiesOf(pool: SentenceRef[]): EntityCount[] {
  const counts = new Map<string, EntityCount>();
  for (const { sentence } of pool) {
    for (const mention of sentence.mentions) {
      const key = `${mention.kind}:${mention.text.toLocaleLowerCase()}`;
      const entry = counts.get(key) ?? { text: mention.text, kind: mention.kind, count: 0 };
      entry.text = preferredNameForm(entry.text, mention.text);
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, MAX_ENTITIES);
}

/**
 * Figures reported about this date, grouped by what is counted so outlets' numbers sit together.
 * Each carries the words that say what it measures and the day its outlet gave it, so conflicts
 * and updates can be told apart (src/figures.ts); an outlet's vaguer repeat of its own figure is
 * dropped ("hundreds of people" beside its "some 500 people").
 */
export function quantitiesOf(pool: SentenceRef[]): QuantityReport[] {
  const seen = new Set<string>();
  const reports: QuantityReport[] = [];
  for (const { article, sentence } of pool) {
    for (const q of sentence.quantities) {
      if (!q.unit) continue;
      const report: QuantityReport = {
        text: q.text,
        value: q.value,
        approximate: q.approximate,
        unit: q.unit,
        qualifiers: qualifiersOf(sentence, q),
        articleId: article.article.id,
        source: article.article.source,
        publishedOn: article.article.publishedOn,
      };
      const key = [
        report.value,
        report.approximate,
        unitKey(report.unit),
        report.qualifiers.join(' '),
        report.source,
      ].join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      reports.push(report);
    }
  }
  const kept = withoutVaguerRepeats(reports);
  const unitFrequency = new Map<string, number>();
  for (const r of kept) unitFrequency.set(unitKey(r.unit), (unitFrequency.get(unitKey(r.unit)) ?? 0) + 1);
  return kept
    .sort(
      (a, b) =>
        unitFrequency.get(unitKey(b.unit))! - unitFrequency.get(unitKey(a.unit))! ||
        a.unit.localeCompare(b.unit) ||
        b.value - a.value ||
        a.source.localeCompare(b.source),
    )
    .slice(0, MAX_QUANTITIES);
}

export function buildEntry(
  date: DateRef,
  score: number,
  chosen: SentenceRef[],
  pool: SentenceRef[],
  index: IndexedCorpus,
): TimelineEntry {
  return {
    date,
    score,
    sentences: chosen.map((ref) => citationFor(ref, date, index)),
    entities: entitiesOf(pool),
    quantities: quantitiesOf(pool),
  };
}
