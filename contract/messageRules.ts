import type { Rule } from './rule.js';
import { semanticRules } from './semanticRules.js';
import { src } from './sources.js';

/**
 * Error messages as rules (issue 14): SDKs, the CLI and user code show or match the `message` of
 * an error, so an emulator that answers "us-east-1_abc" where AWS answers "User pool us-east-1_abc
 * does not exist." breaks them. A message is judged only where real AWS output shows its text;
 * where AWS's text is not known nothing is judged. Messages are an area of their own in every
 * report (kind `message`), so a maintainer can see how close the wording is and baseline it apart
 * from behaviour.
 *
 * A message rule judges only answers of the expected error type (a wrong type already fails the
 * rule the request breaks, or the probe): it is about the wording, not the rejection.
 *
 * Comparison: surrounding space and one final period do not count (real AWS sends the same
 * message with and without it: "Invalid range for token validity" and "… validity."), and a
 * `<placeholder>` of a known message stands for any non-empty text, except the pool and client
 * ids of the not-found messages, which must be the id sent.
 */
export const MESSAGE_RULE_IDS = {
  poolNotFound: 'message.pool-not-found',
  clientNotFound: 'message.client-not-found',
  validationForm: 'message.validation-form',
  knownText: 'message.known-text',
} as const;

/** AWS's not-found texts; `<id>` is the id the request named. */
export const POOL_NOT_FOUND_TEXT = 'User pool <id> does not exist.';
export const CLIENT_NOT_FOUND_TEXT = 'User pool client <id> does not exist.';

/**
 * Rules whose message message.known-text judges: an observed rule with a known message, except
 * user-pool.exists (message.pool-not-found judges it, with the id) and read-attributes.exist, whose
 * text is quoted only by a third-party lint rule (not a real response).
 */
const NOT_KNOWN_TEXT = new Set(['user-pool.exists', 'read-attributes.exist']);
export const KNOWN_TEXT_RULES: readonly string[] = semanticRules
  .filter((r) => r.expect.outcome === 'rejected' && r.expect.message !== undefined && r.evidence === 'observed' && !NOT_KNOWN_TEXT.has(r.id))
  .map((r) => r.id);

export const messageRules: readonly Rule[] = [
  {
    id: MESSAGE_RULE_IDS.poolNotFound,
    kind: 'message',
    members: ['UserPoolId'],
    statement: 'A ResourceNotFoundException for a missing user pool says "User pool <id> does not exist." with the id sent',
    evidence: 'observed',
    sources: [src.poolMissing, 'aws/aws-aspnet-cognito-identity-provider#135 ("User pool us-east-2_<id> does not exist.")'],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'Judged on probe.unknown-pool, probe.unknown-pool.list and the cases of user-pool.exists.',
  },
  {
    id: MESSAGE_RULE_IDS.clientNotFound,
    kind: 'message',
    members: [],
    statement: 'A ResourceNotFoundException for a missing app client says "User pool client <id> does not exist." with the ClientId sent',
    evidence: 'observed',
    sources: [
      'aws/aws-sdk-php#2183 (wire body "User pool client … does not exist.")',
      'aws-amplify/amplify-flutter#740 and anomalyco/guide#82 ("User pool client <id> does not exist.", with the id)',
    ],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'Judged on the probe.unknown-client.* answers. The text was seen from operations that look a ClientId up (Describe, SignUp); Update and Delete are read as the same lookup.',
  },
  {
    id: MESSAGE_RULE_IDS.validationForm,
    kind: 'message',
    members: [],
    statement: 'A model-constraint InvalidParameterException says "N validation error(s) detected: Value … at \'<member>\' failed to satisfy constraint: …", naming the member broken in lowerCamelCase ("1 validation error", "2 validation errors")',
    evidence: 'observed',
    sources: [
      src.cfnValidation,
      'aws/aws-sdk-java-v2#5528 (real "2 validation errors detected: Value \'[]\' at \'logoutURLs\' …")',
      'hashicorp/terraform-provider-aws#38167 (real "2 validation errors detected: Value \'\' at \'clientId\' …")',
    ],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'Judges the form only: the count and its grammar, the "Value … at \'…\' failed to satisfy constraint: " clause and the member path. The constraint wording is not judged (seen for a few constraints only). A sensitive value may be left out ("Value at \'…\'").',
  },
  {
    id: MESSAGE_RULE_IDS.knownText,
    kind: 'message',
    members: [],
    statement: 'A cross-field or existence rejection whose message real AWS was seen to send (the rule\'s expect.message) says that message',
    evidence: 'observed',
    sources: [src.tokenRangeMsg, src.oauthFlagNeedsLists, src.ccSecret, src.ccExclusive, src.ccOpenid, src.callbackNeeded, src.scopeMissing, src.idpMissing, src.writeAttrs],
    expect: { outcome: 'any' },
    breakable: false,
    note: 'Judged on the cases of every observed rule with a known message (KNOWN_TEXT_RULES), not user-pool.exists (message.pool-not-found) nor read-attributes.exist (its text was never seen in a real response).',
  },
];
