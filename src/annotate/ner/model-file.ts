// The tagger's model on disk: gzipped JSON with the feature strings (one per line), the emission
// weights quantised to 16-bit integers (base64) and the transition weights. Features whose weights
// are all tiny are pruned when saving: they barely move a score and make up most of the bulk.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TaggerModel } from './model.js';
import { TAGS, TAG_COUNT } from './tags.js';

const FORMAT = 'chronicle-ner-perceptron/1';

interface ModelJson {
  format: string;
  tags: readonly string[];
  /** What the model was trained on and how, for whoever reads the file. */
  about: Record<string, unknown>;
  /** Feature strings, joined by newlines (no feature contains whitespace). */
  features: string;
  /** Emission weight = int16 value × scale. */
  scale: number;
  emission: string;
  transitions: number[];
}

/**
 * The shipped model: models/ner-conll.json.gz at the project root. This file is three levels down
 * both in src/ (run through tsx) and in dist/ (compiled), so one relative URL serves both.
 * CHRONICLE_NER_MODEL names another model file.
 */
export function defaultModelPath(): string {
  return (
    process.env.CHRONICLE_NER_MODEL ?? fileURLToPath(new URL('../../../models/ner-conll.json.gz', import.meta.url))
  );
}

/** Gzipped model bytes, keeping only features with some weight of at least `minWeight` in magnitude. */
export function serialiseModel(model: TaggerModel, about: Record<string, unknown>, minWeight: number): Buffer {
  const kept: [string, number][] = [];
  let largest = 0;
  for (const [feature, id] of model.featureIds) {
    let strongest = 0;
    for (let tag = 0; tag < TAG_COUNT; tag++)
      strongest = Math.max(strongest, Math.abs(model.emission[id * TAG_COUNT + tag] as number));
    if (strongest < minWeight) continue;
    kept.push([feature, id]);
    largest = Math.max(largest, strongest);
  }
  const scale = largest / 32767 || 1;
  const quantised = new Int16Array(kept.length * TAG_COUNT);
  kept.forEach(([, id], row) => {
    for (let tag = 0; tag < TAG_COUNT; tag++)
      quantised[row * TAG_COUNT + tag] = Math.round((model.emission[id * TAG_COUNT + tag] as number) / scale);
  });
  const json: ModelJson = {
    format: FORMAT,
    tags: TAGS,
    about,
    features: kept.map(([feature]) => feature).join('\n'),
    scale,
    emission: Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64'),
    transitions: Array.from(model.transitions, (w) => Math.round(w * 1000) / 1000),
  };
  return gzipSync(JSON.stringify(json), { level: 9 });
}

export function deserialiseModel(bytes: Buffer): TaggerModel {
  const json = JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelJson;
  if (json.format !== FORMAT) throw new Error(`not a Chronicle NER model (format ${String(json.format)})`);
  if (json.tags.join(' ') !== TAGS.join(' ')) throw new Error('the model was trained with another tag set');
  const features = json.features === '' ? [] : json.features.split('\n');
  const raw = Buffer.from(json.emission, 'base64');
  const quantised = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const emission = Float32Array.from(quantised, (value) => value * json.scale);
  const featureIds = new Map<string, number>();
  features.forEach((feature, id) => featureIds.set(feature, id));
  return { featureIds, emission, transitions: Float32Array.from(json.transitions) };
}

export function readModelFile(path: string): TaggerModel {
  return deserialiseModel(readFileSync(path));
}

let loaded: { path: string; model: TaggerModel | undefined } | undefined;

/**
 * The shipped model, read on first use and kept for the life of the thread (every annotation
 * worker thread loads its own copy once). Undefined when the file is missing, so that annotation
 * still works, with the rules alone; a warning says so once.
 */
export function shippedModel(): TaggerModel | undefined {
  const path = defaultModelPath();
  if (loaded?.path === path) return loaded.model;
  let model: TaggerModel | undefined;
  if (existsSync(path)) model = readModelFile(path);
  else
    process.emitWarning(
      `named-entity model not found at ${path}: names are found by rules alone (run npm run train:ner)`,
    );
  loaded = { path, model };
  return model;
}
