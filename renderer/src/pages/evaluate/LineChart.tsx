import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { EVALUATE_TEXT } from '../../text/evaluate';
import { loadChart } from './chart-loader';
import type { ChartData } from './chart-series';

interface Props {
  readonly data: ChartData;
  readonly xTitle: string;
  readonly yTitle: string;
  /**
   * `sizes`: few x values (dimensions), every point marked, centred in its slot; `depth`: k = 1…100,
   * a marker and a label at k = 1 and every tenth k.
   */
  readonly kind: 'sizes' | 'depth';
}

/** Six colours (styles/base.css, both themes), each with its own marker; past six, lines also differ by dash. */
const PALETTE = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'] as const;
const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'] as const;
const DASHES: readonly number[][] = [[], [6, 4], [2, 3]];

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
function subscribeScheme(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The colour scheme, so a chart is redrawn in the other theme's colours when it changes. */
function useDarkScheme(): boolean {
  return useSyncExternalStore(subscribeScheme, () => darkQuery().matches);
}

/**
 * A Chart.js line chart drawn on a canvas that screen readers meet as one image with a summary
 * (role="img" + aria-label); the numbers themselves are in the table below it. Every line differs by
 * colour, marker shape and (past six lines) dash, so no line is told apart by colour alone.
 */
export function LineChart({ data, xTitle, yTitle, kind }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let chart: Chart | null = null;
    let live = true;
    loadChart().then(
      (ChartClass) => {
        if (!live || !canvas.current) return;
        chart = new ChartClass(canvas.current, chartConfig(data, xTitle, yTitle, kind));
        setFailed(false);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [data, xTitle, yTitle, kind, dark]);

  return (
    <div className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={data.summary}>
          {data.summary}
        </canvas>
      </div>
      {failed && <p className="notice notice-warning">{EVALUATE_TEXT.charts.loadFailed}</p>}
    </div>
  );
}

function chartConfig(
  data: ChartData,
  xTitle: string,
  yTitle: string,
  kind: Props['kind'],
): ChartConfiguration<'line', (number | null)[], string> {
  // k = 1, 10, 20 … 100: the points people read a recall curve at.
  const tenth = (index: number) => index === 0 || (index + 1) % 10 === 0;
  const style = getComputedStyle(document.documentElement);
  const color = (name: string) => style.getPropertyValue(name).trim();
  const text = color('--muted');
  const grid = color('--border');
  const font = { family: style.fontFamily, size: 12 };
  const axis = (title: string) => ({
    title: { display: true, text: title, color: text, font },
    ticks: { color: text, font },
    grid: { color: grid },
    border: { color: grid },
  });
  return {
    type: 'line',
    data: {
      labels: [...data.labels],
      datasets: data.series.map((series) => {
        const stroke = color(PALETTE[series.style % PALETTE.length] ?? '--chart-1');
        const dash = series.dash + Math.floor(series.style / PALETTE.length);
        return {
          label: series.label,
          data: [...series.points],
          borderColor: stroke,
          backgroundColor: stroke,
          borderWidth: 2,
          borderDash: DASHES[dash % DASHES.length] ?? [],
          pointStyle: MARKERS[series.style % MARKERS.length] ?? 'circle',
          pointRadius: kind === 'sizes' ? 5 : (context) => (tenth(context.dataIndex) ? 4 : 0),
          pointHoverRadius: 6,
          spanGaps: true,
          // A value of exactly 1 or 0 sits on the edge of the plot: let its marker show whole.
          clip: 8,
        };
      }),
    },
    options: {
      // Drawn at once: no motion to sit through (or to switch off), and screenshots see the final state.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x:
          kind === 'sizes'
            ? { ...axis(xTitle), offset: true }
            : {
                ...axis(xTitle),
                ticks: {
                  ...axis(xTitle).ticks,
                  autoSkip: false,
                  maxRotation: 0,
                  callback: (_value, index) => (tenth(index) ? String(index + 1) : null),
                },
              },
        y: { ...axis(yTitle), min: 0, max: 1 },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: text, font, usePointStyle: true, boxHeight: 8 } },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${typeof item.parsed.y === 'number' ? EVALUATE_TEXT.metric(item.parsed.y) : '–'}`,
          },
        },
      },
    },
  };
}
