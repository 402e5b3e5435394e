import type { Oracle } from './verdict.js';
import { responseShapeOracle } from './responseShapeOracle.js';
import { defaultsOracle } from './defaultsOracle.js';
import { echoOracle } from './echoOracle.js';
import { rejectionOracle } from './rejectionOracle.js';
import { noSideEffectOracle } from './noSideEffectOracle.js';
import { consistencyOracle } from './consistencyOracle.js';
import { listShapeOracle } from './listShapeOracle.js';
import { identityOracle } from './identityOracle.js';
import { protocolOracle } from './protocolOracle.js';
import { probeOracle } from './probeOracle.js';
import { messageOracle } from './messageOracle.js';

/** Every oracle, in the order reports list them. Their ids are the names used in CLI flags and docs. */
export const allOracles: readonly Oracle[] = Object.freeze([
  responseShapeOracle,
  defaultsOracle,
  echoOracle,
  rejectionOracle,
  noSideEffectOracle,
  consistencyOracle,
  listShapeOracle,
  identityOracle,
  protocolOracle,
  probeOracle,
  messageOracle,
]);
