import { requestMembers } from '../contract/requestMembers.js';

/**
 * What the caller of validRequest forces and leaves out, looked up by member path: a top-level
 * member (`CallbackURLs`) or a structure member (`TokenValidityUnits.RefreshToken`). Unknown paths
 * throw at construction, so that a typo in a rule's `expect.when` is loud.
 */
export interface ValidRequestOptions {
  /** Member paths never set: top-level names or a structure member (`TokenValidityUnits.RefreshToken`). */
  omit?: readonly string[];
  /** Member paths forced to a value; the rest of the request adapts so that it stays valid. */
  set?: Readonly<Record<string, unknown>>;
}

function checkPath(path: string): void {
  const [top, child, ...more] = path.split('.');
  const node = requestMembers[top];
  if (!node || more.length || (child !== undefined && !node.members?.[child])) throw new Error(`validRequest: unknown member path ${path}`);
}

function parentOf(path: string): string | undefined {
  const dot = path.indexOf('.');
  return dot < 0 ? undefined : path.slice(0, dot);
}

export class RequestChoices {
  private readonly omitted: ReadonlySet<string>;
  readonly set: Readonly<Record<string, unknown>>;

  constructor(options: ValidRequestOptions) {
    for (const p of [...(options.omit ?? []), ...Object.keys(options.set ?? {})]) checkPath(p);
    this.omitted = new Set(options.omit ?? []);
    this.set = options.set ?? {};
  }

  isSet(path: string): boolean {
    if (Object.hasOwn(this.set, path)) return true;
    const p = parentOf(path);
    return p !== undefined && Object.hasOwn(this.set, p);
  }

  setValue(path: string): unknown {
    if (Object.hasOwn(this.set, path)) return this.set[path];
    const p = parentOf(path);
    if (p === undefined) return undefined;
    const parent = this.set[p] as Record<string, unknown> | undefined;
    return parent?.[path.slice(p.length + 1)];
  }

  isOmitted(path: string): boolean {
    if (this.omitted.has(path)) return true;
    const p = parentOf(path);
    return p !== undefined && this.omitted.has(p);
  }

  /** The forced value, nothing when omitted, else what the genome chose. */
  pick<T>(path: string, generated: T): T | undefined {
    if (this.isSet(path)) return this.setValue(path) as T;
    if (this.isOmitted(path)) return undefined;
    return generated;
  }

  /**
   * The caller's word is final: structure members forced or left out (`TokenValidityUnits.IdToken`)
   * are applied to the assembled request last, over what the rule families chose.
   */
  applyStructurePaths(request: Record<string, unknown>): void {
    for (const [path, value] of Object.entries(this.set)) if (path.includes('.')) setPath(request, path, value);
    for (const path of this.omitted) if (path.includes('.')) setPath(request, path, undefined);
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [top, child] = path.split('.');
  if (child === undefined) {
    target[top] = value;
    return;
  }
  const parent = { ...((target[top] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete parent[child];
  else parent[child] = value;
  if (Object.keys(parent).length) target[top] = parent;
  else delete target[top];
}
