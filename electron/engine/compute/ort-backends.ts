import { errorMessage } from '../../../shared';

export interface OrtBackend {
  readonly name: string;
  readonly bundled: boolean;
}

export type BackendListing = { backends: OrtBackend[]; error: null } | { backends: null; error: string };

/**
 * Lists onnxruntime-node's execution providers. ORT is loaded lazily (it is a 60 MB native module) and a
 * failure to load it is reported, not thrown: the rest of the app works without the encoder.
 */
export async function listOrtBackends(): Promise<BackendListing> {
  try {
    const ort = await import('onnxruntime-node');
    const backends = ort.listSupportedBackends().map((b) => ({ name: b.name, bundled: b.bundled }));
    return { backends, error: null };
  } catch (error) {
    return { backends: null, error: `loading onnxruntime-node: ${errorMessage(error)}` };
  }
}
