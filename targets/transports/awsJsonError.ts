/**
 * The identity of an awsJson1_1 error answer: its shape name and message.
 *
 * The protocol lets a server name the error in the `X-Amzn-Errortype` header, a body `code` or a
 * body `__type`, possibly as `namespace#Name:uri` (Smithy awsJson1_1 spec, "Operation error
 * serialization": keep what is before the first `:`, then what is after the first `#`). Order:
 * the header first, then `code` (the Smithy protocol test `AwsJson11FooErrorUsingCode` says
 * clients "must first check for the X-Amzn-Errortype and then check for a top-level 'code'"),
 * then `__type`. AWS SDK v3 looks at `__type` first for JSON-RPC; the two orders differ only when a
 * server sends disagreeing names, which an oracle may want to flag rather than hide.
 */
export interface AwsJsonError {
  errorType?: string;
  errorMessage?: string;
}

export function parseAwsJsonError(headers: Readonly<Record<string, string>>, body: unknown): AwsJsonError {
  const fields = isRecord(body) ? body : {};
  const out: AwsJsonError = {};
  const errorType = firstDefined([
    headerIgnoringCase(headers, 'x-amzn-errortype'),
    fieldIgnoringCase(fields, 'code'),
    fields.__type,
  ]);
  if (errorType !== undefined) {
    const sanitized = sanitizeErrorType(errorType);
    if (sanitized !== '') out.errorType = sanitized;
  }
  // `message` first, `Message` as fallback: what the SDK's parseJsonErrorBody does.
  const message = fields.message ?? fields.Message;
  if (typeof message === 'string') out.errorMessage = message;
  return out;
}

/**
 * `aws.protocol#Foo:http://internal.amazon.com/...` → `Foo`. A header that carries several values
 * joined by `,` keeps the first, as the SDK does.
 */
export function sanitizeErrorType(raw: string | number): string {
  let value = String(raw);
  if (value.includes(',')) value = value.split(',')[0];
  if (value.includes(':')) value = value.split(':')[0];
  if (value.includes('#')) value = value.split('#')[1];
  return value.trim();
}

function firstDefined(values: readonly unknown[]): string | number | undefined {
  for (const v of values) {
    if (typeof v === 'string' || typeof v === 'number') return v;
  }
  return undefined;
}

function fieldIgnoringCase(record: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : record[key];
}

function headerIgnoringCase(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
