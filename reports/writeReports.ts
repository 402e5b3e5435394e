import { mkdirSync, writeFileSync } from 'node:fs';
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

/**
 * Writes every report of a run into `dir`: report.json, junit.xml, scorecard.html, summary.md.
 * `strict`: the run's --strict, under which unconfirmed failures fail the run (JUnit, Markdown).
 */
export function writeReports(report: RunReport, dir: string, options: { baselineNote?: string; strict?: boolean } = {}): ReportFiles {
  mkdirSync(dir, { recursive: true });
  const files: ReportFiles = {
    json: join(dir, 'report.json'),
    junit: join(dir, 'junit.xml'),
    html: join(dir, 'scorecard.html'),
    markdown: join(dir, 'summary.md'),
  };
  writeFileSync(files.json, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(files.junit, junitReport(report, options.strict ? { strict: true } : {}));
  writeFileSync(files.html, htmlScorecard(report));
  writeFileSync(files.markdown, markdownReport(report, options));
  return files;
}
