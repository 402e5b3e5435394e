/**
 * The ClientIds a run had seen when one case was sent, for output.client-id.unique, as a read-only
 * view over the run's one growing set rather than a copy of it. A copy per case made a run
 * quadratic in its cases (issue 10: at `--runs 400` every case copied ~10,000 ids): the view costs
 * nothing to make. The run's set only grows (ids are added, never removed) and keeps insertion
 * order, so "seen when the case was sent" is exactly "among its first `size` ids": the position of
 * an id is looked up in an index extended lazily, in insertion order, as far as a question needs.
 */
interface Positions {
  index: Map<string, number>;
  /** A live iterator over the set: it goes on with ids added after it was made. */
  cursor: Iterator<string>;
}

const positionsOf = new WeakMap<ReadonlySet<string>, Positions>();

function positionOf(all: ReadonlySet<string>, id: string): number | undefined {
  if (!all.has(id)) return undefined;
  let p = positionsOf.get(all);
  if (p === undefined) {
    p = { index: new Map(), cursor: all.values() };
    positionsOf.set(all, p);
  }
  // Advance only while the set holds more ids than the index: an iterator that once reports the
  // end stays ended, even when ids are added later.
  while (!p.index.has(id) && p.index.size < all.size) {
    const next = p.cursor.next();
    if (next.done) break;
    p.index.set(next.value, p.index.size);
  }
  return p.index.get(id);
}

class EarlierIds implements ReadonlySet<string> {
  constructor(private readonly all: ReadonlySet<string>, readonly size: number) {}

  has(id: string): boolean {
    const at = positionOf(this.all, id);
    return at !== undefined && at < this.size;
  }

  *values(): SetIterator<string> {
    let n = 0;
    for (const id of this.all) {
      if (n++ >= this.size) return;
      yield id;
    }
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const id of this.values()) yield [id, id];
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.values()) callback.call(thisArg, id, id, this);
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
}

/** What `all` holds now, frozen as a view: ids added to `all` later are not in it. */
export function earlierClientIdsView(all: ReadonlySet<string>): ReadonlySet<string> {
  return new EarlierIds(all, all.size);
}
