import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatrix } from '../reports/matrix.js';
import { matrixHtml } from '../reports/matrixHtml.js';
import { matrixMarkdown } from '../reports/matrixMarkdown.js';
import { readReport } from '../reports/readReport.js';
import { checkOutputPath } from './checkOutputPath.js';
import { parseFlags } from './parseFlags.js';
import { UsageError } from './usageError.js';

export const DEFAULT_MATRIX_OUT = 'reports/matrix';

export const matrixHelp = `Usage: cognito-conformance matrix [--out DIR] REPORT.json...

One page with the contract's rules as rows and the given reports as columns (runs against
targets, and \`judge\` reports of recordings), each cell the rule's verdict there. A run against
AWS, or a judged recording of AWS exchanges, is the reference: rules where it and another column
disagree (one passed, the other failed) come first. Writes matrix.md and matrix.html into DIR.

  --out DIR   where to write (default ${DEFAULT_MATRIX_OUT})

Exit codes: 0 written (disagreements are shown, not failed); 2 a report that cannot be read.
`;

export function matrixCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('matrix', argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    out(matrixHelp);
    return 0;
  }
  if (!positionals.length) throw new UsageError('matrix needs at least one report.json (see matrix --help)');
  const dir = values.out ?? DEFAULT_MATRIX_OUT;
  checkOutputPath(dir, { flag: '--out', kind: 'directory' });
  const matrix = buildMatrix(positionals.map(readReport), positionals);
  mkdirSync(dir, { recursive: true });
  const md = join(dir, 'matrix.md');
  const html = join(dir, 'matrix.html');
  writeFileSync(md, matrixMarkdown(matrix));
  writeFileSync(html, matrixHtml(matrix));
  const aws = matrix.columns.some((c) => c.aws);
  out(`Matrix of ${matrix.rows.length} rules × ${matrix.columns.length} columns (${matrix.columns.map((c) => c.label).join(', ')})` +
    `${aws ? `: ${matrix.disagreements} rule${matrix.disagreements === 1 ? '' : 's'} where AWS and another column disagree` : ': no AWS column'}.\n`);
  out(`Markdown: ${md}  HTML: ${html}\n`);
  return 0;
}
