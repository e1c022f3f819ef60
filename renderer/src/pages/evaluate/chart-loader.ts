import type { Chart } from 'chart.js';

export type ChartClass = typeof Chart;

let loading: Promise<ChartClass> | null = null;

/**
 * Chart.js, fetched the first time a chart is drawn (its own bundle chunk: the Search page never pays
 * for it) with only the pieces line charts use registered. Memoized; a failed load is forgotten, so the
 * next chart tries again.
 */
export function loadChart(): Promise<ChartClass> {
  loading ??= import('chart.js')
    .then(({ Chart, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip }) => {
      Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);
      return Chart;
    })
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
