import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { errorMessage } from '../../../shared';

export interface OrtBackend {
  readonly name: string;
  /** Shipped inside onnxruntime-node's package (cpu, webgpu). */
  readonly bundled: boolean;
  /** Its libraries are present, so trying it can succeed (bundled, or added by `npm rebuild`). */
  readonly installed: boolean;
}

export type BackendListing = { backends: OrtBackend[]; error: null } | { backends: null; error: string };

/**
 * Lists onnxruntime-node's execution providers. ORT is loaded lazily (a 60 MB native module) and a
 * failure to load it is reported, not thrown: the rest of the app works without the encoder. A provider
 * that is not bundled (CUDA, TensorRT) counts as installed only when its shared library sits beside
 * ORT's binding — trying it otherwise just prints a native load error.
 */
export async function listOrtBackends(): Promise<BackendListing> {
  try {
    const ort = await import('onnxruntime-node');
    const bindingDir = ortBindingDir();
    const backends = await Promise.all(
      ort.listSupportedBackends().map(async (b) => ({
        name: b.name,
        bundled: b.bundled,
        installed: b.bundled || (bindingDir !== null && (await hasProviderLibrary(bindingDir, b.name))),
      })),
    );
    return { backends, error: null };
  } catch (error) {
    return { backends: null, error: `loading onnxruntime-node: ${errorMessage(error)}` };
  }
}

function ortBindingDir(): string | null {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
    return join(root, 'bin', 'napi-v6', process.platform, process.arch);
  } catch {
    return null;
  }
}

async function hasProviderLibrary(dir: string, provider: string): Promise<boolean> {
  const file =
    process.platform === 'win32'
      ? `onnxruntime_providers_${provider}.dll`
      : `libonnxruntime_providers_${provider}.${process.platform === 'darwin' ? 'dylib' : 'so'}`;
  return access(join(dir, file)).then(
    () => true,
    () => false,
  );
}
