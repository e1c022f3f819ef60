// Child of kill9.test.ts: writes to the index in a loop (commits, vectors, removals) until killed.
// Every file `/k/f<i>.txt` gets version v with `(i + v) % 4 + 1` chunks, so a consistent index can be
// told from one that mixes versions.
import { IndexStore } from '../../../electron/engine/store';
import { chunks, fileRecord, PROVENANCE, unitVector } from './support';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: kill-child.ts <index dir>');
const store = await IndexStore.open(dir);
process.stdout.write(`open ${JSON.stringify(store.recovery)}\n`);
for (let round = 0; ; round += 1) {
  const batch = Array.from({ length: 12 }, (_, k) => {
    const i = (round * 5 + k) % 30;
    const version = round;
    const count = ((i + version) % 4) + 1;
    return {
      file: fileRecord(`/k/f${i}.txt`, { hash: `v${version}-f${i}` }),
      chunks: chunks(Array.from({ length: count }, (_, c) => `file ${i} version ${version} chunk ${c}`)),
    };
  });
  await store.commitFiles(batch);
  const waiting = await store.chunksAwaitingVectors(PROVENANCE, 20);
  await store.addVectors(
    PROVENANCE,
    waiting.map((chunk) => ({ id: chunk.id, vector: unitVector(chunk.id) })),
  );
  if (round % 3 === 2) await store.removeFiles([`/k/f${round % 30}.txt`]);
  if (round % 7 === 6) await store.optimize();
  process.stdout.write(`round ${round}\n`);
}
