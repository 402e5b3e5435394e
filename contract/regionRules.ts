import type { Rule } from './rule.js';

/**
 * Rules about regions. A user pool belongs to the region it was created in: its id is
 * `<region>_<suffix>`, and a request for it made through another region's endpoint (or, on an
 * emulator with one endpoint for every region, signed for another region) does not find it.
 */
export const regionRules: readonly Rule[] = [
  {
    id: 'region.pool-scoped',
    kind: 'existence',
    members: ['UserPoolId'],
    statement: 'A pool is found only through its own region: CreateUserPoolClient naming the run\'s pool, signed for another region, is refused with ResourceNotFoundException',
    evidence: 'observed',
    sources: [
      // Real AWS answers quoted by users whose SDK or CLI region was not the pool's.
      'aws/aws-sdk-go#2436 (2021-12-15 comment: the CLI without --region answers ResourceNotFoundException "User pool us-east-1_AAAAAAAAA does not exist." for a us-east-1 pool; with --region us-east-1 it lists the users)',
      'vmware-archive/kube-prod-runtime#1464 (2021-09-23: pool in us-east-2, CLI region us-east-1: "ResourceNotFoundException: User pool us-east-2_vLD8dbSby does not exist.")',
      'aws/aws-aspnet-cognito-identity-provider#135 (2019: "User pool us-east-2_<id> does not exist.", answered by AWS as credentials configured for another region)',
      'AWS General Reference, Amazon Cognito endpoints: one endpoint per region, cognito-idp.<region>.amazonaws.com',
    ],
    expect: { outcome: 'rejected', errorTypes: ['ResourceNotFoundException'], status: 400, message: 'User pool <id> does not exist.' },
    breakable: false,
    via: 'other-region',
    note: 'The request itself is valid (a client for the run\'s own pool); only the region differs. Against AWS it goes to the other region\'s endpoint and is judged only with --other-region; on an emulator, which serves every region at one endpoint, only the SigV4 signing region differs (the default other region is us-west-2, or eu-west-1 when the run is in us-west-2). A client made anyway is deleted at once.',
  },
];
