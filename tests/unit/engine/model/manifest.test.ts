import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  SHIPPED_MANIFEST,
  loadManifestFile,
  variantFiles,
  variantsOf,
} from '../../../../electron/engine/model/manifest';
import { useTempDirs } from '../../../fixtures/temp-dir';

const tempDir = useTempDirs();

describe('the shipped manifest (models/manifest.json)', () => {
  it('pins a revision and names the licence', () => {
    expect(SHIPPED_MANIFEST.id).toBe('jinaai/jina-embeddings-v3');
    expect(SHIPPED_MANIFEST.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(SHIPPED_MANIFEST.license).toMatchObject({
      id: 'CC-BY-NC-4.0',
      url: 'https://creativecommons.org/licenses/by-nc/4.0/',
    });
  });

  it('describes the variants: fp32 with external data, fp16 in one file, int8 made locally', () => {
    expect(variantFiles(SHIPPED_MANIFEST, 'fp32')).toEqual([
      'onnx/model.onnx',
      'onnx/model.onnx_data',
      'tokenizer.json',
      'tokenizer_config.json',
      'special_tokens_map.json',
      'config.json',
    ]);
    expect(SHIPPED_MANIFEST.variants.fp16).toEqual({ files: ['onnx/model_fp16.onnx'], origin: 'hub' });
    expect(SHIPPED_MANIFEST.variants.int8.origin).toBe('local');
    expect(variantsOf(SHIPPED_MANIFEST, 'onnx/model.onnx_data')).toEqual(['fp32']);
  });

  it('says where every value came from, and that unknown hashes are recorded at the first verified download', () => {
    for (const [path, file] of Object.entries(SHIPPED_MANIFEST.files)) {
      expect(file.source.length, path).toBeGreaterThan(20);
      if (file.sha256 === null && !path.includes('int8')) expect(file.source, path).toMatch(/first verified download/);
    }
    // The large weights are the ones the hub publishes LFS digests for.
    expect(SHIPPED_MANIFEST.files['onnx/model.onnx_data']).toMatchObject({ size: 2291339168 });
    expect(SHIPPED_MANIFEST.files['onnx/model_fp16.onnx']?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('loadManifestFile', () => {
  it('reads a mirror manifest and refuses one that lists files it does not describe', async () => {
    const dir = await tempDir();
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ ...SHIPPED_MANIFEST, revision: 'main' }));
    expect((await loadManifestFile(good)).revision).toBe('main');

    const bad = join(dir, 'bad.json');
    const { 'config.json': _dropped, ...files } = SHIPPED_MANIFEST.files;
    await writeFile(bad, JSON.stringify({ ...SHIPPED_MANIFEST, files }));
    await expect(loadManifestFile(bad)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('config.json is used but not described') as string,
    });
    await expect(loadManifestFile(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
