/**
 * Citations the rules use. Each is a short reference a reader can follow: a model shape and date,
 * an AWS documentation page, or the public report of a real AWS response (repository, issue or
 * file, with a date). `docs/evidence.md §n` names the section of the project's evidence page that
 * summarises a citation; the public source is always given beside it.
 */
export const MODEL_DATE = '2026-04-21';

/** A fact read off the cognito-idp Smithy model of 2026-04-21. */
export function modelSource(what: string): string {
  return `model ${MODEL_DATE}: ${what}`;
}

export const src = {
  apiRef: 'AWS API Reference, CreateUserPoolClient (docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html)',
  apiRefErrors: 'AWS API Reference, CreateUserPoolClient "Errors": HTTP 400 for every client error, 500 for InternalErrorException (docs/evidence.md §7)',
  botocore2026: 'botocore service-2.json cognito-idp, model of 2026-07-24 (commit 341bf52; docs/evidence.md §2)',
  botocoreHistory: 'botocore cognito-idp service-2.json history 2016-04-18..2026-07-24 (docs/evidence.md §4)',
  oldCliDoc: 'AWS CLI reference create-user-pool-client, 2021-era text ("ENABLED for clients created after February 15th 2020")',
  cliExample2024: 'aws/aws-cli awscli/examples/cognito-idp/create-user-pool-client.rst (2024-12-19)',
  cliExample2019: 'aws/aws-cli awscli/examples/cognito-idp/create-user-pool-client.rst (2019-01-29)',
  modelExample: 'cognito-idp Smithy model smithy.api#examples for CreateUserPoolClient (api-models-aws 2025-04-02)',
  awsJsonSpec: 'smithy-lang/smithy docs/source-2.0/aws/protocols/aws-json.rst.template (awsJson1_1 protocol)',
  tfTest: 'hashicorp/terraform-provider-aws internal/service/cognitoidp/user_pool_client_test.go (2026; acceptance tests against real AWS)',
  tfTestUtf8: 'hashicorp/terraform-provider-aws user_pool_client_test.go TestAccCognitoIDPUserPoolClient_urls_utf8 / supportedIdentityProviders_utf8 (real AWS)',
  tfTestEmptySets: 'hashicorp/terraform-provider-aws user_pool_client_test.go emptySets (real AWS accepts [] for every list)',
  tfRotation: 'hashicorp/terraform-provider-aws issues #43531 (2025-07), #45650, #47374 (RefreshTokenRotation read back as {"Feature":"DISABLED","RetryGracePeriodSeconds":0})',
  raw1: 'real CLI create response, ap-northeast-1, 2024-11-22 (docs/evidence.md §3 RAW-1)',
  raw2: 'real CLI create response, ap-northeast-1, 2021-07-11 (docs/evidence.md §3 RAW-2)',
  raw3: 'real CLI create response, us-east-1, 2024-12-08 (docs/evidence.md §3 RAW-3)',
  raw5: 'real CLI update response, us-east-1, 2025-10-16, 25-character ClientId (docs/evidence.md §3 RAW-5)',
  raw7: 'aws/bedrock-agentcore-starter-toolkit test mock with real response headers, 2025-07-29 (docs/evidence.md §3 RAW-7)',
  raw8: 'test mock copied from a real 2022-02-15 response incl. headers (docs/evidence.md §3 RAW-8)',
  cfnValidation: 'awsdocs/aws-cloudformation-user-guide#563, #517, #525 and aws/aws-cli#2941 (real "N validation error(s) detected" InvalidParameterException)',
  tokenRangeMsg: 'aws-samples/cloudfront-authorization-at-edge#144 and awsdocs/aws-cloudformation-user-guide#828 (real "Invalid range for token validity.")',
  tokenUnitWithoutValue: 'public SST project comment: a unit without a value is applied to the default value (docs/evidence.md §5 X3)',
  refreshAlways: 'aws/aws-cdk#7625 (2020-04-27, real "REFRESH_TOKEN_AUTH should always be allowed.", InvalidParameterException, 400); aws/aws-cdk#10561',
  refreshOptional2025: 'imo-tikuwa/cognito-demo notes/setup_hosted-ui-login.md (commit 7a04ff6, 2025-07, ap-northeast-1): real describe-user-pool-client output, ExplicitAuthFlows ["ALLOW_USER_PASSWORD_AUTH"] alone, CreationDate == LastModifiedDate 2025-07-02T03:27:39.867Z (never updated since create, so the create itself carried the list)',
  refreshOptional2026: 'hashicorp/terraform-provider-aws#47196 (2026-04-02): a client created with ExplicitAuthFlows ["ALLOW_USER_SRP_AUTH"] and RefreshTokenRotation ENABLED, without ALLOW_REFRESH_TOKEN_AUTH',
  oauthFlagNeedsLists: 'hashicorp/terraform-provider-aws internal/service/cognitoidp/managed_user_pool_client_test.go (acceptance test against real AWS): "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows." (InvalidParameterException); the same message quoted from failed CloudFormation deploys of clients with the flag true and no flows',
  requiredWrite: 'Amazon Cognito Developer Guide, "Attribute permissions and scopes" (app client attribute read and write permissions): required attributes cannot be removed from an app client\'s write permissions',
  ccSecret: 'public Terraform configurations quoting "client_credentials flow can not be selected if client does not have a client secret." (InvalidOAuthFlowException, 400; docs/evidence.md §5 X6)',
  ccExclusive: 'aws/aws-sdk-js-v3#2650 and other public notes quoting "client_credentials flow can not be selected along with code flow or implicit flow." (docs/evidence.md §5 X6)',
  ccOpenid: 'hashicorp/terraform-provider-aws#4984 (2018, real "openid is not supported with client_credentials flow")',
  callbackNeeded: 'cisagov/crossfeed#440 (2020) and anomalyco/sst#6272 (2025): real "CallbackUrls can not be empty when code flow or implicit flow is selected"',
  scopeMissing: 'awsdocs/aws-cloudformation-user-guide#564, #518 (real ScopeDoesNotExistException "Invalid scope requested")',
  idpMissing: 'public CDK/Terraform notes quoting real "The provider Google does not exist for User Pool us-east-1_…" (docs/evidence.md §5 X14)',
  readAttrs: 'third-party lint rule quoting "Invalid read attributes specified while creating a client" (docs/evidence.md §5 X15, weak)',
  writeAttrs: 'aws/aws-cdk#2608, #20760 (real "Invalid write attributes specified while creating a client")',
  poolMissing: 'getmoto/moto#4434 quoting boto3 against AWS: "User pool <id> does not exist."; aws-amplify/amplify-flutter#740 (400 ResourceNotFoundException)',
  status400: 'aws-amplify/amplify-flutter#740 (400 ResourceNotFoundException), aws/aws-sdk-php#2183 (400 Bad Request), aws/aws-sdk-java#2301 (400 TooManyRequestsException)',
  errorBody: 'aws/aws-sdk-php#2183: real body {"__type":"ResourceNotFoundException","message":"…"}',
  callback127: 'AWS staff comment in microsoft/vscode#256122 (2025-08-28): http://127.0.0.1 and http://[::1] callbacks accepted',
  analyticsArn: 'hashicorp/terraform-provider-aws user_pool_client_test.go analyticsWithARN (real AWS returns the service-linked RoleArn)',
  devGuideAppClients: 'Amazon Cognito Developer Guide, "App client settings" (user-pool-settings-client-apps)',
  devGuideRefresh: 'Amazon Cognito Developer Guide, "Refresh tokens": rotation is not compatible with REFRESH_TOKEN_AUTH',
} as const;
