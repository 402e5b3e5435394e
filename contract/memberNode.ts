/**
 * One member of a request or response structure, as the contract states it.
 * The field names match what `cognito-conformance spec --json` prints and what
 * ../shared/tools/check-spec.mjs compares with the AWS model.
 */
export type NodeType = 'string' | 'integer' | 'boolean' | 'timestamp' | 'list' | 'structure' | 'enum';

export interface Bounds {
  min?: number;
  max?: number;
}

export interface MemberNode {
  type: NodeType;
  required?: true;
  /** Inclusive; characters (Unicode code points) for strings, elements for lists. */
  length?: Bounds;
  /** Inclusive numeric bounds. */
  range?: Bounds;
  /** ECMA-262 source as written in the model (anchored `^…$`); compile with the `u` flag. */
  pattern?: string;
  enum?: readonly string[];
  items?: MemberNode;
  members?: Readonly<Record<string, MemberNode>>;
  /** The model marks the value sensitive: never log or report it. */
  sensitive?: true;
  /** The model's `smithy.api#default` for the member (0 or false), which the service may override. */
  modelDefault?: number | boolean;
  /** The model shape the facts come from, for citations. */
  shape?: string;
}
