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

/** Writes every report of a run into `dir`: report.json, junit.xml, scorecard.html, summary.md. */
export function writeReports(report: RunReport, dir: string, options: { baselineNote?: string } = {}): ReportFiles {
  mkdirSync(dir, { recursive: true });
  const files: ReportFiles = {
    json: join(dir, 'report.json'),
    junit: join(dir, 'junit.xml'),
    html: join(dir, 'scorecard.html'),
    markdown: join(dir, 'summary.md'),
  };
  writeFileSync(files.json, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(files.junit, junitReport(report));
  writeFileSync(files.html, htmlScorecard(report));
  writeFileSync(files.markdown, markdownReport(report, options));
  return files;
}
