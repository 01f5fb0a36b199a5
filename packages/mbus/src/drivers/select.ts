/** Record selectors (types.ts RecordSelector) against decoded data records. */
import type { DataRecord } from "../app/record";
import type { RecordSelector } from "./types";

const EXT = 0x7f;

/** The VIF code the selector's `vif.code` is compared with, and where further VIFEs start. */
function vifCode(r: DataRecord): { code: number; rest: number } | null {
  if (r.vif === null) return null;
  if (r.table === "primary") return { code: r.vif & EXT, rest: 0 };
  if (r.table === "fd" || r.table === "fb" || r.table === "manufacturer") {
    const first = r.vife[0];
    return first === undefined ? null : { code: first & EXT, rest: 1 };
  }
  return null;
}

function vifMatches(r: DataRecord, s: RecordSelector): boolean {
  if (s.vif === undefined && s.vife === undefined) return true;
  const v = vifCode(r);
  if (v === null) return false;
  if (s.vif !== undefined && (r.table !== s.vif.table || v.code !== s.vif.code)) return false;
  if (s.vife === undefined) return true;
  if (r.vife.length - v.rest !== s.vife.length) return false;
  return s.vife.every((code, i) => (r.vife[v.rest + i]! & EXT) === code);
}

/** True when every property the selector gives matches the record (`index` is not looked at). */
export function recordMatches(r: DataRecord, s: RecordSelector): boolean {
  if (s.function !== undefined && r.function !== s.function) return false;
  if (s.storage !== undefined && r.storage !== s.storage) return false;
  if (s.tariff !== undefined && r.tariff !== s.tariff) return false;
  if (s.subunit !== undefined && r.subunit !== s.subunit) return false;
  if (s.quantity !== undefined && r.quantity !== s.quantity) return false;
  if (s.plainText !== undefined && (r.table !== "plainText" || r.plainText !== s.plainText)) return false;
  return vifMatches(r, s);
}

/** The record a selector picks: the `index`-th match (default the first), or undefined. */
export function selectRecord(records: readonly DataRecord[], s: RecordSelector): DataRecord | undefined {
  const i = selectIndex(records, s);
  return i < 0 ? undefined : records[i];
}

/** Where the record a selector picks stands in `records`, or -1. */
export function selectIndex(records: readonly DataRecord[], s: RecordSelector): number {
  let n = s.index ?? 0;
  for (let i = 0; i < records.length; i++) {
    if (!recordMatches(records[i]!, s)) continue;
    if (n === 0) return i;
    n--;
  }
  return -1;
}
