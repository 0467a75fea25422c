// TempEval-3 Task A (TIMEX3 extraction and normalisation): scoring, and tagging of TE3input files.
export { alignTimexes, type AlignedPair } from './align.js';
export {
  annotateTimemlFile,
  annotateTimemlPath,
  scoreTimexDirs,
  timemlFiles,
  timemlOutputName,
  type AnnotateTimemlOptions,
  type WrittenTimeml,
} from './files.js';
export { formatTimexScore } from './report.js';
export {
  precisionRecall,
  scoreTimex,
  TimexTextMismatchError,
  worstErrors,
  type ErrorGroup,
  type NamedTimeml,
  type PrecisionRecall,
  type TimexCounts,
  type TimexError,
  type TimexErrorKind,
  type TimexScore,
  type TimexSide,
  type TypeBreakdown,
} from './score.js';
