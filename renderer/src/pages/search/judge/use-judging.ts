import { useCallback, useEffect, useState } from 'react';

import type { ResultError, TestSet } from '../../../../../shared';
import { useClient } from '../../../app/connection-context';
import { EVALUATE_TEXT } from '../../../text/evaluate';
import { gradesFor, isTestSetName, withTestSet } from './grades';

export type JudgeStatus =
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly text: string }
  | { readonly kind: 'failed'; readonly error: ResultError; readonly context: string };

export interface Judging {
  readonly on: boolean;
  readonly setOn: (on: boolean) => void;
  /** The test set grades go into, as typed (may be a new name). */
  readonly testSet: string;
  readonly setTestSet: (name: string) => void;
  readonly testSets: readonly TestSet[];
  readonly nameValid: boolean;
  /** Grades the test set holds for the query shown, by path. */
  readonly grades: ReadonlyMap<string, number>;
  readonly judge: (file: { readonly path: string; readonly name: string }, grade: number | null) => void;
  readonly status: JudgeStatus | null;
}

/**
 * The Search page's judging mode: off until turned on (then `eval.testsets` is read), grades saved one
 * file at a time through `eval.judge` with the query the results belong to.
 */
export function useJudging(query: string | null): Judging {
  const client = useClient();
  const [on, setOn] = useState(false);
  const [testSets, setTestSets] = useState<readonly TestSet[] | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [status, setStatus] = useState<JudgeStatus | null>(null);

  useEffect(() => {
    if (!on || testSets !== null) return undefined;
    let live = true;
    void client.invoke('eval.testsets', {}).then((answer) => {
      if (!live) return;
      if (answer.ok) setTestSets(answer.value.testSets);
      else setStatus({ kind: 'failed', error: answer.error, context: EVALUATE_TEXT.judge.readContext });
    });
    return () => {
      live = false;
    };
  }, [client, on, testSets]);

  const sets = testSets ?? [];
  const testSet = typed ?? sets[0]?.name ?? EVALUATE_TEXT.judge.defaultName;
  const nameValid = isTestSetName(testSet);
  const grades = query ? gradesFor(sets, testSet, query) : new Map<string, number>();

  const judge = useCallback(
    (file: { readonly path: string; readonly name: string }, grade: number | null) => {
      if (!query || !nameValid) return;
      setStatus({ kind: 'saving' });
      void client.invoke('eval.judge', { testSet, query, judgments: [{ path: file.path, grade }] }).then((answer) => {
        if (!answer.ok) {
          setStatus({ kind: 'failed', error: answer.error, context: EVALUATE_TEXT.judge.context });
          return;
        }
        setTestSets((current) => withTestSet(current ?? [], answer.value));
        setStatus({ kind: 'saved', text: EVALUATE_TEXT.judge.saved(file.name, grade, answer.value.name) });
      });
    },
    [client, query, testSet, nameValid],
  );

  return { on, setOn, testSet, setTestSet: setTyped, testSets: sets, nameValid, grades, judge, status };
}
