// Scoring what users get: each CoNLL document is annotated by the normal annotation pipeline
// (annotateArticle, as `chronicle annotate` and every store use it), and its mentions are scored.
import { readFileSync } from 'node:fs';
import { annotateArticle } from '../../annotate/index.js';
import type { Mention } from '../../model.js';
import { evaluateOnConll, type ConllEvaluation } from './evaluate.js';

/** The mentions annotateArticle finds in a text, in text order. */
export function pipelineMentions(text: string): Mention[] {
  const annotated = annotateArticle({
    id: 'conll-document',
    source: 'conll',
    // CoNLL-2003 is Reuters copy of August–December 1996; the day only anchors dates, not names.
    publishedOn: '1996-09-01',
    text,
    origin: { file: 'conll' },
  });
  return annotated.sentences.flatMap((sentence) => sentence.mentions);
}

export interface TimedEvaluation extends ConllEvaluation {
  seconds: number;
}

/** Reads a CoNLL file and scores the pipeline's mentions on it. */
export function evaluatePipelineOnConllFile(path: string): TimedEvaluation {
  const content = readFileSync(path, 'utf8');
  const started = performance.now();
  const evaluation = evaluateOnConll(content, pipelineMentions);
  return { ...evaluation, seconds: (performance.now() - started) / 1000 };
}
