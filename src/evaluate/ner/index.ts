// Named-entity scoring on CoNLL-2003 style files (strict span and class, PER/ORG/LOC, MISC set aside).
export {
  articleOfDocument,
  entitiesOfTags,
  parseConll,
  type ConllArticle,
  type ConllClass,
  type ConllDocument,
  type ConllSentence,
  type EntitySpan,
} from './conll.js';
export { conllArticles, entityOfMention, evaluateOnConll, type ConllEvaluation } from './evaluate.js';
export { evaluatePipelineOnConllFile, pipelineMentions, type TimedEvaluation } from './pipeline.js';
export {
  emptyTally,
  formatNerScore,
  precisionRecallF1,
  scoreArticles,
  scoreOfTally,
  tallyArticle,
  SCORED_CLASSES,
  type Counts,
  type NerScore,
  type PrecisionRecallF1,
  type ScoredClass,
} from './score.js';
