import type { LoadedRecord } from '../targets/recording/recordedExchange.js';

/**
 * The cases of a `run --record` recording: the exchanges one case of one rule sent, gathered back
 * into what runner/observeCase.ts observed — the listing before the create (side-effect rules),
 * the create, the Describe of the created client and the listing after it (consistency and
 * side-effect rules); the Delete that follows is not judged.
 *
 * Records tagged with a `case` are grouped by (file, rule, case). Records with only a `rule` are
 * split by their order: a rule sends its cases one after another, so within one file and rule a
 * case ends with the Delete of its client, or when the next create (or, before any create, a
 * second listing) shows that the next case has begun.
 */
export interface RecordedCase {
  rule: string;
  file: string;
  records: LoadedRecord[];
  create?: LoadedRecord;
  describe?: LoadedRecord;
  listBefore?: LoadedRecord;
  listAfter?: LoadedRecord;
}

function emptyCase(rule: string, file: string): RecordedCase {
  return { rule, file, records: [] };
}

/** Adds one record to the case; false when it belongs to the next case instead. */
function add(c: RecordedCase, r: LoadedRecord): boolean {
  switch (r.record.operation) {
    case 'CreateUserPoolClient':
      if (c.create) return false;
      c.create = r;
      break;
    case 'ListUserPoolClients':
      if (!c.create) {
        if (c.listBefore) return false;
        c.listBefore = r;
      } else {
        if (c.listAfter) return false;
        c.listAfter = r;
      }
      break;
    case 'DescribeUserPoolClient':
      // Without a create it is an exchange of its own (a probe's lookup, runner/checkRule.ts): kept in the case's records.
      if (!c.create) break;
      if (c.describe) return false;
      c.describe = r;
      break;
    default:
      break;
  }
  c.records.push(r);
  return true;
}

function split(rule: string, file: string, records: readonly LoadedRecord[], byOrder: boolean): RecordedCase[] {
  const out: RecordedCase[] = [];
  let current = emptyCase(rule, file);
  for (const r of records) {
    if (!add(current, r)) {
      out.push(current);
      current = emptyCase(rule, file);
      add(current, r);
    }
    // Without case tags, the Delete of the created client closes the case.
    if (byOrder && r.record.operation === 'DeleteUserPoolClient' && current.create) {
      out.push(current);
      current = emptyCase(rule, file);
    }
  }
  if (current.records.length) out.push(current);
  return out;
}

/** Every case in the records that carry a rule tag (fixture records are left out), in record order. */
export function recordedCases(records: readonly LoadedRecord[]): RecordedCase[] {
  const groups = new Map<string, { rule: string; file: string; byOrder: boolean; records: LoadedRecord[] }>();
  for (const r of records) {
    const { rule, fixture } = r.record;
    if (rule === undefined || fixture === true) continue;
    const tagged = r.record.case !== undefined;
    const key = JSON.stringify([r.file, rule, tagged ? r.record.case : null]);
    const g = groups.get(key) ?? { rule, file: r.file, byOrder: !tagged, records: [] };
    g.records.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].flatMap((g) => split(g.rule, g.file, g.records, g.byOrder));
}
