import type { RunContext } from './runContext.js';
import { cliInvocation } from '../reports/cliInvocation.js';

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The one command that replays exactly one case of one rule (same seed, same fast-check path). */
export function replayCommand(ctx: Pick<RunContext, 'seed' | 'runs' | 'targetArgs'>, ruleId: string, path: string): string {
  return [`${cliInvocation()} run`, ...ctx.targetArgs.map(quote), `--rules ${quote(ruleId)}`, `--seed ${ctx.seed}`, `--runs ${ctx.runs}`, `--replay-path ${quote(path)}`].join(' ');
}
