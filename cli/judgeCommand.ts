import { existsSync } from 'node:fs';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { baselineFromReport, baselineSummary, loadBaseline, writeBaseline, type Baseline } from '../reports/baseline.js';
import { plural } from '../reports/plural.js';
import { settleRun } from '../reports/settleRun.js';
import { summaryText } from '../reports/summaryText.js';
import { writeReports } from '../reports/writeReports.js';
import { judgeRecords, type JudgedRecord } from '../runner/judgeRecords.js';
import { judgeReport } from '../runner/judgeReport.js';
import { selectRules } from '../runner/selectRules.js';
import { readRecordedOutcome, withRecordedOutcomes } from '../runner/recordedOutcome.js';
import { readRecordings, recordingFiles } from '../targets/recording/readRecordings.js';
import { checkOutputPath } from './checkOutputPath.js';
import { parseFlags } from './parseFlags.js';
import { UsageError } from './usageError.js';

export const DEFAULT_JUDGE_OUT = 'reports/judge';

export const judgeHelp = `Usage: cognito-conformance judge [flags] PATH...

Judges recorded exchanges against the contract, without a target: the request judge and every
oracle, over JSON Lines recordings (.jsonl files, or directories of them; the format is
targets/recording/recordedExchange.schema.json). A recording of \`run --record DIR\` is judged case by case
as the run judged it, so its per-rule statuses are the run's; any other record (the evidence
corpus in contract/evidence/, an exchange captured elsewhere) is judged on every rule that applies to it.
Updates, Describes, listings and Deletes are also judged under the lifecycle rules, each given the
exchanges before it on its pool (a run recording's pool; an evidence record's \`sequence\`).
Writes report.json, junit.xml, scorecard.html and summary.md, as \`run\` does. Rules the recorded
run did not finish (a spent budget, Ctrl-C) are reported as it reported them: \`run --record\` writes
them beside the recording (<name>.jsonl.outcome.json).

  --out DIR            report directory (default ${DEFAULT_JUDGE_OUT})
  --rules GLOB         only rules whose id matches (comma-separated globs: 'default.*,oauth.*')
  --strict             unconfirmed failures (inferred rules, disputed or unresolved sources) fail too
  --baseline FILE      failures listed in FILE do not fail (the baseline's target is the
                       recording's: the recorded target's name, or "aws" for evidence records)
  --update-baseline    write the failures to the baseline FILE (exit 0 once written)
  --verbose            every failure in full

Exit codes: 0 every rule passed or was skipped (or failed unconfirmed); 1 conformance failures;
2 a usage error or a recording that cannot be read (one line: file:line: reason).
`;

function recordLine(j: JudgedRecord): string[] {
  const bad = j.verdicts.filter((v) => !v.ok);
  const at = `${j.record.key}${j.record.record.id ? ` (${j.record.file}:${j.record.line})` : ''}`;
  return bad.map((v) => `  ✗ ${at} — ${v.ruleId}: ${v.message}`);
}

export function judgeCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parseFlags('judge', argv, {
    out: { type: 'string' },
    rules: { type: 'string' },
    strict: { type: 'boolean' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    out(judgeHelp);
    return 0;
  }
  if (!positionals.length) throw new UsageError('judge needs at least one recording: a .jsonl file or a directory (see judge --help)');
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  const rules = selectRules(contract.rules, ALL_KINDS, values.rules);
  if (rules.length === 0) throw new UsageError(`--rules "${values.rules}" matches no rule id (see \`spec\` for the ids)`);
  const outDir = values.out ?? DEFAULT_JUDGE_OUT;
  checkOutputPath(outDir, { flag: '--out', kind: 'directory' });
  if (values['update-baseline'] && values.baseline) checkOutputPath(values.baseline, { flag: '--baseline', kind: 'file' });
  const strict = values.strict ?? false;

  const startedAt = new Date();
  const records = readRecordings(positionals);
  const outcome = judgeRecords(records, { rules });
  // Rules the recorded run did not finish (a spent budget, a signal) get its status again.
  const recorded = recordingFiles(positionals).map(readRecordedOutcome).filter((o) => o !== undefined);
  outcome.results = withRecordedOutcomes(outcome.results, recorded);
  const report = judgeReport(outcome, records, positionals, startedAt);

  const baselinePath = values.baseline;
  let written: Baseline | undefined;
  if (values['update-baseline'] && baselinePath) {
    const previous = existsSync(baselinePath) ? loadBaseline(baselinePath) : undefined;
    written = baselineFromReport(report, previous);
    writeBaseline(baselinePath, written);
  }
  const given = baselinePath && !written ? loadBaseline(baselinePath) : undefined;
  const outcomeOfBaseline = settleRun(report, {
    ...(baselinePath && (written ?? given) ? { baseline: { file: baselinePath, value: (written ?? given) as Baseline } } : {}),
    written: written !== undefined,
    strict,
  });
  const files = writeReports(report, outDir, { strict });

  const r = report.recording;
  out(`Judged ${r.judged} recorded exchange${r.judged === 1 ? '' : 's'} (${r.evidence} on every rule that applies, ${r.judged - r.evidence} as cases of a run; ` +
    `${r.fixtures} fixture exchange${r.fixtures === 1 ? '' : 's'} not judged) from ${r.records} record${r.records === 1 ? '' : 's'}` +
    `${r.recordedFrom ? `, recorded ${r.recordedFrom.slice(0, 10)} to ${r.recordedTo?.slice(0, 10)}` : ''}.\n\n`);
  out(summaryText(report, files.json, { strict, verbose: values.verbose ?? false }));
  const flagged = outcome.judged.flatMap(recordLine);
  if (flagged.length) out(`\nRecords flagged (${flagged.length} verdict${flagged.length === 1 ? '' : 's'}):\n${flagged.join('\n')}\n`);
  if (outcomeOfBaseline) out(`\nBaseline ${baselinePath}:\n${baselineSummary(outcomeOfBaseline, { listKnown: false })}`);
  out(`Scorecard: ${files.html}  JUnit: ${files.junit}  Markdown: ${files.markdown}\n`);
  if (written) out(`Baseline written: ${baselinePath} (${plural(written.entries.length, 'entry', 'entries')} for target "${written.target}")\n`);
  return report.exitCode ?? 2;
}
