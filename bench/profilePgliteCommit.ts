// Temporary profiling script (not committed).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDecodePool } from '../src/services/sources/decodeSandbox/decodePool.ts';
import { sourceFrom } from '../src/services/sources/ingest.ts';
import { commitGroup } from '../src/services/sources/ingestGroups.ts';
import { prepareDataDir } from '../src/store/dataDir.ts';
import { sha256Hex } from '../src/store/fileStore.ts';
import { openStore } from '../src/store/openStore.ts';
import { builtTemplatePath } from '../src/store/pgliteTemplate.ts';
import { extractTar, flushFiles } from '../src/store/tarball.ts';
import { generateNewsTexts } from './corpus.ts';

const N = Number(process.env.N ?? 300);
const G = Number(process.env.G ?? 100);
const texts = generateNewsTexts(N, 17);
const decoder = createDecodePool();
const items = await Promise.all(
  texts.map(async (t, i) => {
    const bytes = new TextEncoder().encode(t.text);
    const outcome = await decoder.decode(bytes, `n${i}.txt`, '2017-05-12');
    const source = sourceFrom({ fileName: `n${i}.txt`, bytes, capturedBy: 'bench' }, sha256Hex(bytes), outcome);
    return { source, bytes, ocr: null, media: null };
  }),
);
await decoder.close();
const dataDir = mkdtempSync(join(tmpdir(), 'prof-'));
const { database } = prepareDataDir(dataDir);
flushFiles(database, extractTar(readFileSync(builtTemplatePath(join(import.meta.dirname, '..', 'dist', 'store'))), database));
const store = await openStore({ dataDir });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const c0 = cpu(); const w0 = performance.now();
for (let i = 0; i < items.length; i += G) await commitGroup(store, items.slice(i, i + G));
console.log(`commit ${N} in groups of ${G}: ${(cpu() - c0).toFixed(2)} CPU-s, ${((performance.now() - w0) / 1000).toFixed(2)} s wall`);
await store.close();
