import { describe, expect, it } from 'vitest';
import { ProgressReporter } from './progressReporter.js';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

const result = (id: string, status: 'passed' | 'failed', cases: number) => ({ id, status, cases });

describe('ProgressReporter', () => {
  it('writes one plain line per rule when not on a terminal (pipes, CI)', () => {
    const out = stream(false);
    const p = new ProgressReporter(3, out);
    p.onRuleResult(result('client-name.max-length', 'failed', 1));
    p.onRuleResult(result('default.auth-session-validity', 'passed', 25));
    p.onRunEnd();
    const lines = out.text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[1\/3\] failed +client-name\.max-length \(1 cases\) — 1 cases, [\d.]+\/s$/);
    expect(lines[1]).toMatch(/^\[2\/3\] passed +default\.auth-session-validity \(25 cases\) — 26 cases, [\d.]+\/s$/);
    expect(out.text).not.toContain('\r');
  });

  it('rewrites one line in place on a terminal, and clears it at the end', () => {
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const out = stream(true);
      const p = new ProgressReporter(2, out);
      p.onRuleResult(result('output.shape', 'passed', 25));
      p.onRunEnd();
      expect(out.text.startsWith('\r\x1b[2K[1/2] passed')).toBe(true);
      expect(out.text.endsWith('\r\x1b[2K')).toBe(true);
      expect(out.text).not.toContain('\n');
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});
