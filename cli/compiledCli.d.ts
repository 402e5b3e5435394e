/** Types of compiledCli.js (plain JavaScript: bin.js imports it before any TypeScript loader runs). */
export interface CompiledCliPlace {
  /** The directory source paths are kept relative to. */
  root: string;
  /** The TypeScript entry module. */
  entry: string;
  /** Where compiled copies and `current.json` are kept. */
  cache: string;
}

/** The compiled entry module, built first when stale; undefined when it cannot be had (then use tsx). */
export function compiledCli(place?: CompiledCliPlace): Promise<any>;
