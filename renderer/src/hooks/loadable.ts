import type { ResultError } from '../../../shared';

/** A value fetched from the engine: still loading, there, or refused with a typed error. */
export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: ResultError };

export const LOADING: Loadable<never> = { status: 'loading' };

export function valueOf<T>(loadable: Loadable<T>): T | null {
  return loadable.status === 'ready' ? loadable.value : null;
}
