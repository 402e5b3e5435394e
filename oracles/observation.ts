import type { Rule } from '../contract/rule.js';
import type { TestCase } from '../generators/testCase.js';
import type { Exchange } from '../targets/exchange.js';

/**
 * Everything a suite gathered about one case, for the oracles to judge. Oracles never send
 * requests; what they need beyond the create exchange is gathered here by the suite.
 */
export interface Observation {
  rule: Rule;
  testCase: TestCase;
  /** The CreateUserPoolClient exchange. */
  create: Exchange;
  /** Wall clock (ms since epoch) just before the create was sent and just after it answered. */
  sentAt: number;
  receivedAt: number;
  /** DescribeUserPoolClient of the created client (consistency rules). */
  describe?: Exchange;
  /** ListUserPoolClients of the pool before and after the create (side-effect and consistency rules). */
  listBefore?: Exchange;
  listAfter?: Exchange;
  /** ClientIds returned by earlier creates in this run (identity: uniqueness). */
  earlierClientIds?: ReadonlySet<string>;
}
