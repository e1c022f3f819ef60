import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what "accessible" means in issue 7. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** Impacts that fail the check; `minor` and `moderate` ones are printed. */
const BLOCKING = new Set(['serious', 'critical']);

let source: Promise<string> | null = null;
function axeSource(): Promise<string> {
  source ??= readFile(AXE_SCRIPT, 'utf8');
  return source;
}

/** One rule axe found broken, with the nodes that break it. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

export interface AxeReport {
  /** What was checked, e.g. "Search (results), dark". */
  readonly label: string;
  readonly blocking: readonly AxeFinding[];
  readonly other: readonly AxeFinding[];
}

/**
 * Runs axe-core on the page as it is now, with the WCAG A/AA rules. Injects axe once per document (a
 * hash route change keeps it; a reload or `goto` needs it again). Waits until nothing is `aria-busy`,
 * so a half-loaded panel is not what gets judged.
 */
export async function runAxe(page: Page, label: string): Promise<AxeReport> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  // String expressions: the Node tsconfig has no DOM types.
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    // Evaluated through the debugging protocol, which the page's CSP (script-src 'self') does not govern,
    // unlike the inline <script> page.addScriptTag would add.
    await page.evaluate(await axeSource());
  }
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const findings = await page.evaluate<AxeFinding[]>(`
    axe.run(document, ${options}).then((results) =>
      results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
      })),
    )
  `);
  return {
    label,
    blocking: findings.filter((f) => BLOCKING.has(f.impact)),
    other: findings.filter((f) => !BLOCKING.has(f.impact)),
  };
}

/**
 * Runs axe in the light and then the dark colour scheme (emulated `prefers-color-scheme`), prints what
 * it found and leaves the page light again. Returns both reports; `blockingFindings` turns them into
 * the lines a test asserts are absent.
 */
export async function runAxeInBothSchemes(page: Page, label: string): Promise<AxeReport[]> {
  const reports: AxeReport[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const report = await runAxe(page, `${label}, ${scheme}`);
      printReport(report);
      reports.push(report);
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  return reports;
}

/** "rule (impact) at target: summary" per node of each serious or critical finding. */
export function blockingFindings(reports: readonly AxeReport[]): string[] {
  return reports.flatMap((report) =>
    report.blocking.flatMap((finding) =>
      finding.nodes.map(
        (node) => `${report.label}: ${finding.rule} (${finding.impact}) at ${node.target}: ${oneLine(node.summary)}`,
      ),
    ),
  );
}

export function printReport(report: AxeReport): void {
  const all = [...report.blocking, ...report.other];
  if (all.length === 0) {
    console.log(`axe ${report.label}: no WCAG A/AA violations`);
    return;
  }
  const lines = all.map(
    (f) =>
      `  ${f.rule} (${f.impact}, ${f.nodes.length} node(s): ${f.nodes.map((n) => n.target).join(', ')}) — ${f.help}`,
  );
  console.log(`axe ${report.label}: ${all.length} violation(s)\n${lines.join('\n')}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
