import { useModelEnabled } from '../app/app-state';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

/** Retrieval evaluation arrives later; nothing here runs before the licence is accepted. */
export function EvaluatePage() {
  const modelEnabled = useModelEnabled();
  return (
    <>
      <PageHeader title="Evaluate">
        Measure how well your settings retrieve: task adapters, dimensions and precision on a labelled dataset.
      </PageHeader>
      <EmptyState title="No evaluation runs yet">
        <p>
          Evaluation arrives with the encoder and the index: pick a BEIR/MTEB-format dataset (queries, corpus, relevance
          judgments) and compare nDCG@10 and recall across settings.
        </p>
        {!modelEnabled && <p className="muted">Evaluation needs the model, so the licence must be accepted first.</p>}
        <button type="button" className="button" disabled title="Evaluation arrives with the encoder">
          Run evaluation…
        </button>
      </EmptyState>
    </>
  );
}
