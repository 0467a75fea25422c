// Ingests a fixed synthetic corpus into a store, batch after batch, for the crash test.
// Usage: ingest-child.ts <store file> <batches> <articles per batch> <sentences per article>
// Batch b is always articles b*size .. b*size+size-1, so a re-run after a crash resumes by
// content: what committed is reported as already stored, the rest is added.
import { duplicateDetector } from '../../../src/select/index.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { ready, syntheticArticles } from './synthetic.js';

const [file, batches, batchSize, sentences] = process.argv.slice(2);
if (file === undefined || sentences === undefined) {
  throw new Error('usage: ingest-child.ts <store file> <batches> <articles per batch> <sentences per article>');
}
const size = Number(batchSize);
const store = openSqliteStore(file);
for (let batch = 0; batch < Number(batches); batch++) {
  const result = await store.add(
    ready(syntheticArticles(batch * size, size, { sentences: Number(sentences) })),
    duplicateDetector,
  );
  // Written only after add returned, i.e. after the batch's transaction committed.
  process.stdout.write(
    `${JSON.stringify({ batch, added: result.added.length, alreadyStored: result.alreadyStored.length })}\n`,
  );
}
await store.close();
