/**
 * `tsx tests/bench/session-options.ts`: ORT session options that are not obvious, measured on the
 * full-size synthetic model with the same bucketed batches, interleaved. Writes
 * tests/bench/results/session-options.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import { Encoder } from '../../electron/engine/encoder';
import { loadTokenizer } from '../../electron/engine/encoder/tokenizer';
import { ensureSyntheticModel } from '../fixtures/synthetic-model';
import { median, prng, textOfLength } from './workload';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const scratch = await mkdtemp(join(tmpdir(), 'polyseek-bench-'));
const modelDir = await ensureSyntheticModel('full');
const tokenizer = await loadTokenizer(modelDir, join(scratch, 'cache'));
const count = (text: string) => tokenizer.encode(text, 1 << 20).ids.length;
const random = prng(11);
const texts = Array.from({ length: 16 }, (_, i) =>
  textOfLength(20 + Math.floor(random() * 493), count, (i * 29) % 400),
);
const tokens = texts.map(count).reduce((a, b) => a + b, 0);

const load = (memoryPattern: boolean) =>
  Encoder.load({ modelDir, cacheDir: join(scratch, 'cache'), licenseAccepted: true, provider: 'cpu', memoryPattern });
const variants = { memPatternOff: await load(false), memPatternOn: await load(true) };
const speed: Record<keyof typeof variants, number[]> = { memPatternOff: [], memPatternOn: [] };
for (let round = 0; round < ROUNDS; round += 1) {
  const order = (Object.keys(variants) as (keyof typeof variants)[]).sort(() => (round % 2 ? -1 : 1));
  for (const name of order) {
    const start = performance.now();
    await variants[name].embed(texts, { task: 'retrieval.passage', prefix: false });
    speed[name].push(tokens / ((performance.now() - start) / 1000));
    process.stderr.write(`[session-options] round ${round} ${name}: ${speed[name].at(-1)?.toFixed(1)} tokens/s\n`);
  }
}
await Promise.all(Object.values(variants).map((e) => e.dispose()));
await rm(scratch, { recursive: true, force: true });
const results = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism() },
  corpus: { texts: texts.length, tokens, rounds: ROUNDS },
  mem_pattern_off_tokens_per_s: median(speed.memPatternOff),
  mem_pattern_on_tokens_per_s: median(speed.memPatternOn),
  mem_pattern_on_vs_off: median(speed.memPatternOn.map((s, i) => s / (speed.memPatternOff[i] ?? s))),
};
await writeFile(new URL('./results/session-options.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
