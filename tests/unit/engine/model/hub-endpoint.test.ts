import { describe, expect, it } from 'vitest';

import {
  describeDownloadProxy,
  downloadEndpoint,
  downloadToken,
  resolveUrl,
} from '../../../../electron/engine/model/hub-endpoint';
import { SHIPPED_MANIFEST } from '../../../../electron/engine/model/manifest';
import { isHfCacheSnapshot } from '../../../../electron/engine/model/model-paths';
import { DEFAULT_SETTINGS } from '../../../../shared';

const withEndpoint = (endpoint: string | null) => ({ ...DEFAULT_SETTINGS, model: { dir: null, endpoint } });

describe('download endpoint, token and URLs', () => {
  it('prefers the setting, then HF_ENDPOINT, then huggingface.co, without trailing slashes', () => {
    expect(downloadEndpoint(withEndpoint('https://mirror.example/hf/'), { HF_ENDPOINT: 'https://env' })).toBe(
      'https://mirror.example/hf',
    );
    expect(downloadEndpoint(withEndpoint(null), { HF_ENDPOINT: 'https://env.example/' })).toBe('https://env.example');
    expect(downloadEndpoint(withEndpoint(null), {})).toBe('https://huggingface.co');
  });

  it('lays files out as {endpoint}/{repo}/resolve/{revision}/{path}, escaping each segment', () => {
    const manifest = { ...SHIPPED_MANIFEST, revision: 'abc123' };
    expect(resolveUrl('https://mirror.example/hf', manifest, 'onnx/model.onnx_data').href).toBe(
      'https://mirror.example/hf/jinaai/jina-embeddings-v3/resolve/abc123/onnx/model.onnx_data',
    );
    expect(resolveUrl('https://h', manifest, 'a b/c#d').pathname).toBe(
      '/jinaai/jina-embeddings-v3/resolve/abc123/a%20b/c%23d',
    );
  });

  it('reads the token from HF_TOKEN (or the older name) only', () => {
    expect(downloadToken({ HF_TOKEN: ' hf_1 ' })).toBe('hf_1');
    expect(downloadToken({ HUGGING_FACE_HUB_TOKEN: 'hf_2' })).toBe('hf_2');
    expect(downloadToken({ HF_TOKEN: '' })).toBeNull();
  });

  it('describes the proxy a download would use', () => {
    expect(describeDownloadProxy('https://huggingface.co', { HTTPS_PROXY: 'http://u:p@proxy:3128' })).toBe(
      'http://proxy:3128',
    );
    expect(describeDownloadProxy('https://huggingface.co', { HTTPS_PROXY: 'http://proxy', NO_PROXY: '*' })).toBeNull();
  });

  it('recognises a Hugging Face cache snapshot folder', () => {
    expect(isHfCacheSnapshot('/home/a/.cache/huggingface/hub/models--jinaai--jina-embeddings-v3/snapshots/abc')).toBe(
      true,
    );
    expect(isHfCacheSnapshot('/home/a/.cache/huggingface/hub/models--jinaai--jina-embeddings-v3')).toBe(false);
    expect(isHfCacheSnapshot('/data/snapshots/abc')).toBe(false);
  });
});
