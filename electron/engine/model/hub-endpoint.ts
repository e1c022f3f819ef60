import type { Settings } from '../../../shared';
import type { ModelManifest } from './manifest';
import { describeProxy, proxyFor } from './proxy';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';

/** Settings `model.endpoint` (a mirror chosen in the app), else `HF_ENDPOINT`, else huggingface.co. */
export function downloadEndpoint(settings: Settings, env: NodeJS.ProcessEnv): string {
  const chosen = settings.model.endpoint ?? env['HF_ENDPOINT'] ?? DEFAULT_ENDPOINT;
  return chosen.trim().replace(/\/+$/, '');
}

/**
 * The bearer token for gated mirrors: `HF_TOKEN` (or the older `HUGGING_FACE_HUB_TOKEN`), never a setting,
 * because settings.json is shown by `settings get`, sent to every client and copied into backups.
 */
export function downloadToken(env: NodeJS.ProcessEnv): string | null {
  const token = (env['HF_TOKEN'] ?? env['HUGGING_FACE_HUB_TOKEN'] ?? '').trim();
  return token === '' ? null : token;
}

/** `{endpoint}/{repo}/resolve/{revision}/{path}`, each path segment escaped. */
export function resolveUrl(endpoint: string, manifest: ModelManifest, path: string): URL {
  const segments = path.split('/').map(encodeURIComponent).join('/');
  return new URL(`${endpoint}/${manifest.id}/resolve/${encodeURIComponent(manifest.revision)}/${segments}`);
}

/** The proxy a download from `endpoint` would go through (credentials removed), or null. */
export function describeDownloadProxy(endpoint: string, env: NodeJS.ProcessEnv): string | null {
  try {
    const proxy = proxyFor(new URL(endpoint), env);
    return proxy ? describeProxy(proxy) : null;
  } catch {
    return 'invalid proxy setting';
  }
}
