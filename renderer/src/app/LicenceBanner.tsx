import { routeHref } from './routes';

/** Shown on every page while the model licence is not accepted. */
export function LicenceBanner({ onSettingsPage }: { readonly onSettingsPage: boolean }) {
  return (
    <div className="notice notice-warning" role="status">
      <p>
        <strong>Model features are off.</strong> Semantic search, evaluation and running the model need the Jina
        Embeddings v3 licence (CC BY-NC 4.0, non-commercial use only) to be accepted; downloading and checking the
        model&apos;s files do not.{' '}
        {onSettingsPage ? (
          'You can accept it below.'
        ) : (
          <a href={routeHref('settings')}>Review and accept it in Settings.</a>
        )}
      </p>
    </div>
  );
}
