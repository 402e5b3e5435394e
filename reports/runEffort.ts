import type { Target } from '../targets/exchange.js';

/**
 * What a run has sent so far, split by phase: cases (the numRuns generated values of each rule's
 * property) and shrink steps (the values fast-check tries after a rule's first failure, to find a
 * smaller counterexample). Counted as they happen, for the progress line and the benches: a
 * "cases/s" figure alone hides the shrink steps, which can outnumber the cases several times.
 * `requests` counts every send through a rule's Target (a case sends one to five: create,
 * describe, lists, delete).
 */
export interface EffortCounts {
  cases: number;
  shrinkSteps: number;
  caseRequests: number;
  shrinkRequests: number;
}

export function noEffort(): EffortCounts {
  return { cases: 0, shrinkSteps: 0, caseRequests: 0, shrinkRequests: 0 };
}

export class RunEffort {
  readonly total: EffortCounts = noEffort();
  /** Rules in flight only: finish() hands a rule's counts over and forgets them. */
  private readonly open = new Map<string, EffortCounts>();

  /** A case (shrinking false) or a shrink step of rule `ruleId` is about to be sent. */
  step(ruleId: string, shrinking: boolean): void {
    const rule = this.countsOf(ruleId);
    if (shrinking) {
      rule.shrinkSteps++;
      this.total.shrinkSteps++;
    } else {
      rule.cases++;
      this.total.cases++;
    }
  }

  /** One request of rule `ruleId` was sent. */
  request(ruleId: string, shrinking: boolean): void {
    const rule = this.countsOf(ruleId);
    if (shrinking) {
      rule.shrinkRequests++;
      this.total.shrinkRequests++;
    } else {
      rule.caseRequests++;
      this.total.caseRequests++;
    }
  }

  /** `target`, counting each send into rule `ruleId` in the phase `shrinking()` names at that moment. */
  counting(target: Target, ruleId: string, shrinking: () => boolean): Target {
    return {
      info: target.info,
      send: (operation, input, options) => {
        this.request(ruleId, shrinking());
        return target.send(operation, input, options);
      },
      close: () => target.close(),
    };
  }

  /** The rule's counts (zeros when it sent nothing); the run keeps only the totals afterwards. */
  finish(ruleId: string): EffortCounts {
    const counts = this.open.get(ruleId) ?? noEffort();
    this.open.delete(ruleId);
    return counts;
  }

  private countsOf(ruleId: string): EffortCounts {
    let counts = this.open.get(ruleId);
    if (counts === undefined) {
      counts = noEffort();
      this.open.set(ruleId, counts);
    }
    return counts;
  }
}
