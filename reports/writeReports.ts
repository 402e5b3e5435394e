import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from './runReport.js';
import { junitReport } from './junitReport.js';
import { htmlScorecard } from './htmlScorecard.js';
import { markdownReport } from './markdownReport.js';

export interface ReportFiles {
  json: string;
  junit: string;
  html: string;
  markdown: string;
}

/** The files writeReports writes into a report directory. */
export const REPORT_FILE_NAMES = ['report.json', 'junit.xml', 'scorecard.html', 'summary.md'] as const;

/**
 * Removes the report files of an earlier run from `dir` (nothing else: a recording may live
 * there too), so that a run that fails before writing its own leaves no stale ones that pass for
 * its own.
 */
export function clearReports(dir: string): void {
  for (const name of REPORT_FILE_NAMES) rmSync(join(dir, name), { force: true });
}

/**
 * Writes every report of a run into `dir`: report.json, junit.xml, scorecard.html, summary.md.
 * `strict`: the run's --strict, under which unconfirmed failures fail the run (JUnit, Markdown).
 */
export function writeReports(report: RunReport, dir: string, options: { strict?: boolean } = {}): ReportFiles {
  mkdirSync(dir, { recursive: true });
  const files: ReportFiles = {
    json: join(dir, 'report.json'),
    junit: join(dir, 'junit.xml'),
    html: join(dir, 'scorecard.html'),
    markdown: join(dir, 'summary.md'),
  };
  writeFileSync(files.json, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(files.junit, junitReport(report, options.strict ? { strict: true } : {}));
  writeFileSync(files.html, htmlScorecard(report, options));
  writeFileSync(files.markdown, markdownReport(report, options));
  return files;
}
