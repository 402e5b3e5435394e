import { pathToFileURL } from 'node:url';
import { HarnessError } from '../harnessError.js';
import { checkSdkFloor } from './sdkFloor.js';
import type { SdkSource } from './sdkSource.js';

/**
 * The parts of the SDK the transport uses, described by shape rather than by the SDK's own types:
 * the copy a run loads may be any release from the floor on, and never the one this file was
 * compiled against, so nothing here may rely on a class identity (`instanceof`) or on a type that
 * one release has and another lacks.
 */
export interface SdkMiddlewareArgs {
  request: unknown;
  input: unknown;
}
export interface SdkMiddlewareOutput {
  response: unknown;
  output: unknown;
}
export type SdkMiddleware = (next: (args: SdkMiddlewareArgs) => Promise<SdkMiddlewareOutput>) => (args: SdkMiddlewareArgs) => Promise<SdkMiddlewareOutput>;

export interface SdkCommand {
  middlewareStack: { add(middleware: SdkMiddleware, options: { step: 'deserialize'; priority: 'low'; name: string }): void };
}
export type SdkCommandClass = new (input: object) => SdkCommand;

export interface SdkOutput {
  $metadata: { httpStatusCode?: number };
  [member: string]: unknown;
}

export interface SdkClient {
  send(command: SdkCommand, options: { abortSignal?: AbortSignal }): Promise<SdkOutput>;
  destroy(): void;
}
export type SdkClientClass = new (config: Record<string, unknown>) => SdkClient;

/** One copy of the SDK, loaded. */
export interface LoadedSdk {
  source: SdkSource;
  /** Its exports, as `import * as sdk` would give them (the drift test reads the schemas and enums). */
  module: Readonly<Record<string, unknown>>;
  Client: SdkClientClass;
  /**
   * The `<Operation>Command` class, looked up in the exports so that every operation the suite sends
   * (and any this SDK knows) needs no list; undefined when this SDK has no such command.
   */
  commandClass(operation: string): SdkCommandClass | undefined;
}

const loaded = new Map<string, Promise<LoadedSdk>>();

/**
 * Loads the SDK a source names, by a dynamic import of its resolved entry file (so that the app's
 * copy is loaded, not whichever one this file's own imports would resolve to), once per process.
 * Refuses a release below the floor before importing it (sdkFloor.ts).
 */
export function loadSdk(source: SdkSource): Promise<LoadedSdk> {
  checkSdkFloor(source);
  let promise = loaded.get(source.entry);
  if (promise === undefined) {
    promise = importSdk(source);
    loaded.set(source.entry, promise);
    promise.catch(() => loaded.delete(source.entry));
  }
  return promise;
}

async function importSdk(source: SdkSource): Promise<LoadedSdk> {
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(source.entry).href)) as Record<string, unknown>;
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new HarnessError('E_CONFIG', `cannot load @aws-sdk/client-cognito-identity-provider ${source.version} from ${source.origin}: ${why}`);
  }
  // The entry is CommonJS: its `module.exports` is the default export, and the named exports are
  // only what Node's static analysis of the file found, so the default is the complete one.
  const exported = namespace.default;
  const module: Record<string, unknown> = typeof exported === 'object' && exported !== null && 'CognitoIdentityProviderClient' in exported ? (exported as Record<string, unknown>) : namespace;
  const Client = module.CognitoIdentityProviderClient;
  if (typeof Client !== 'function') {
    throw new HarnessError('E_CONFIG', `@aws-sdk/client-cognito-identity-provider ${source.version} from ${source.origin} exports no CognitoIdentityProviderClient`);
  }
  return {
    source,
    module,
    Client: Client as SdkClientClass,
    commandClass: (operation) => commandClassIn(module, operation),
  };
}

/**
 * A command class by shape: a function whose instances resolve a middleware stack. Older releases
 * do not export `$Command` at all, so a check against it ("Right-hand side of 'instanceof' is not
 * an object" on 3.600.0) cannot tell one from anything else.
 */
function commandClassIn(module: Readonly<Record<string, unknown>>, operation: string): SdkCommandClass | undefined {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(operation)) return undefined;
  const exported = module[`${operation}Command`];
  if (typeof exported !== 'function') return undefined;
  const prototype = (exported as { prototype?: { resolveMiddleware?: unknown } }).prototype;
  return typeof prototype?.resolveMiddleware === 'function' ? (exported as SdkCommandClass) : undefined;
}
