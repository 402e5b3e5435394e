import { describe, expect, it } from 'vitest';
import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { persistentTarget } from './persistentTarget.js';

const OK = { status: 200, operation: 'DeleteUserPoolClient', headers: {}, body: {} } as unknown as Exchange;

/** A Target whose sends throw the given errors in turn, then answer OK; time moves only in pauses. */
function scripted(errors: Error[]) {
  const clock = { t: 0, pauses: [] as number[] };
  let sends = 0;
  const target: Target = {
    info: { name: 't', endpoint: 'http://127.0.0.1:1/', region: 'us-east-1', transport: 'http' },
    send: async () => {
      const err = errors[sends++];
      if (err) throw err;
      return OK;
    },
    close: async () => undefined,
  };
  const options = { now: () => clock.t, pause: async (ms: number) => { clock.pauses.push(ms); clock.t += ms; } };
  return { target, clock, options, sends: () => sends };
}

const throttled = () => new HarnessError('E_THROTTLED', 'DeleteUserPoolClient: still throttled after 6 attempts');

describe('persistentTarget: cleanup sends that outlast throttling', () => {
  it('sends again after a growing pause while the transport gives up on throttling, and returns the answer', async () => {
    const s = scripted([throttled(), throttled(), throttled()]);
    const ex = await persistentTarget(s.target, { ...s.options, firstPauseMs: 1_000, maxPauseMs: 3_000 }).send('DeleteUserPoolClient', {});
    expect(ex).toBe(OK);
    expect(s.sends()).toBe(4);
    expect(s.clock.pauses).toEqual([1_000, 2_000, 3_000]);
  });

  it('gives up with the last E_THROTTLED once the next round would start after giveUpAfterMs', async () => {
    const s = scripted(Array.from({ length: 100 }, throttled));
    await expect(persistentTarget(s.target, { ...s.options, firstPauseMs: 1_000, maxPauseMs: 1_000, giveUpAfterMs: 5_500 }).send('DeleteUserPool', {}))
      .rejects.toMatchObject({ code: 'E_THROTTLED' });
    expect(s.sends()).toBe(6);
  });

  it('passes any other failure through at once', async () => {
    const s = scripted([new HarnessError('E_TARGET_UNREACHABLE', 'refused')]);
    await expect(persistentTarget(s.target, s.options).send('DeleteUserPool', {})).rejects.toMatchObject({ code: 'E_TARGET_UNREACHABLE' });
    expect(s.sends()).toBe(1);
  });
});
