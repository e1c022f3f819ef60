import { useEffect, useState } from 'react';

import { MAX_POINTS_PAGE, type ExplorePoints, type Result, type ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { appendPage, emptyPoints, type MapPoints } from './map-points';

/** Smaller first pages put something on the map at once; later ones are the largest the contract allows. */
const FIRST_PAGE = 2_000;

export interface PointsState {
  readonly points: MapPoints | null;
  readonly done: boolean;
  readonly error: ResultError | null;
}

/**
 * Pages through `explore.points` for a finished topics job, handing each page to the map as it arrives
 * (the map draws what it has; 50 000 points come in a few pages, never one blocking answer).
 */
export function useMapPoints(jobId: string | null): PointsState {
  const client = useClient();
  const [state, setState] = useState<PointsState & { readonly jobId: string | null }>({
    jobId: null,
    points: null,
    done: false,
    error: null,
  });

  useEffect(() => {
    if (jobId === null) return undefined;
    let live = true;
    void (async () => {
      let points: MapPoints | null = null;
      let offset: number | null = 0;
      while (live && offset !== null) {
        const limit = offset === 0 ? FIRST_PAGE : MAX_POINTS_PAGE;
        const answer: Result<ExplorePoints> = await client.invoke('explore.points', { jobId, offset, limit });
        if (!live) return;
        if (!answer.ok) {
          setState({ jobId, points, done: true, error: answer.error });
          return;
        }
        const value: ExplorePoints = answer.value;
        points = appendPage(points ?? emptyPoints(jobId, value.total), offset, value.points, value.total);
        offset = value.next;
        setState({ jobId, points, done: offset === null, error: null });
      }
    })();
    return () => {
      live = false;
    };
  }, [client, jobId]);

  return state.jobId === jobId ? state : { points: null, done: false, error: null };
}
