import { useModelEnabled } from '../app/app-state';
import { routeHref } from '../app/routes';
import { EmptyState } from '../components/EmptyState';
import { GpuStatusPanel } from '../components/GpuStatusPanel';
import { LicenceStatusPanel } from '../components/LicenceStatusPanel';
import { PageHeader } from '../components/PageHeader';

/** Licence and compute facts; downloading and verifying the model arrive with the encoder. */
export function ModelsPage() {
  const modelEnabled = useModelEnabled();
  return (
    <>
      <PageHeader title="Models">The embedding model, its licence, and where it runs.</PageHeader>
      <LicenceStatusPanel>
        {!modelEnabled && (
          <p className="muted">
            Model actions stay off until the licence is accepted in <a href={routeHref('settings')}>Settings</a>.
          </p>
        )}
      </LicenceStatusPanel>
      <GpuStatusPanel />
      <EmptyState title="No model yet">
        <p>
          Model management arrives with the encoder (jina-embeddings-v3, ONNX): download with resume and checksum
          verification, or point Polyseek at files you already have.
        </p>
      </EmptyState>
    </>
  );
}
