import type { RunContext } from './runContext.js';

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The one command that replays exactly one case of one rule (same seed, same fast-check path). */
export function replayCommand(ctx: Pick<RunContext, 'seed' | 'runs' | 'targetFlags'>, ruleId: string, path: string): string {
  const parts = ['npm run conformance -- run'];
  if (ctx.targetFlags) parts.push(ctx.targetFlags);
  parts.push(`--rules ${quote(ruleId)}`, `--seed ${ctx.seed}`, `--runs ${ctx.runs}`, `--replay-path ${quote(path)}`);
  return parts.join(' ');
}
