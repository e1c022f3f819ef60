import { routeHref } from './routes';

/** Shown on every page while the model licence is not accepted. */
export function LicenceBanner({ onSettingsPage }: { readonly onSettingsPage: boolean }) {
  return (
    <div className="notice notice-warning" role="status">
      <p>
        <strong>Model features are off.</strong> Semantic search, model management and evaluation need the Jina
        Embeddings v3 licence (CC BY-NC 4.0, non-commercial use only) to be accepted.{' '}
        {onSettingsPage ? (
          'You can accept it below.'
        ) : (
          <a href={routeHref('settings')}>Review and accept it in Settings.</a>
        )}
      </p>
    </div>
  );
}
