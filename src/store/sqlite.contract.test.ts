import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { storeContract } from '../../test/support/store/contract.js';
import { storyContract } from '../../test/support/store/story-contract.js';

const folder = mkdtempSync(join(tmpdir(), 'chronicle-contract-'));
let stores = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

storeContract('SQLite', async () => join(folder, `store-${++stores}.sqlite`));
storyContract('SQLite', async () => join(folder, `store-${++stores}.sqlite`));
