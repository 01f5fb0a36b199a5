/** SML_Time (SML 1.04 §6.3.3): a choice list { tag, value }, tags 1 secIndex, 2 timestamp, 3 localTimestamp. */
import type { Cursor } from "./cursor";
import type { SmlTime } from "./types";

const TIME_TAG = { secIndex: 1, timestamp: 2, localTimestamp: 3 } as const;

export function readTime(c: Cursor, field: string): SmlTime {
  c.list(field, 2);
  const tag = c.num(`${field}.tag`, "unsigned");
  if (tag === TIME_TAG.secIndex || tag === TIME_TAG.timestamp) {
    const value = c.num(`${field}.value`, "unsigned");
    return { kind: tag === TIME_TAG.secIndex ? "secIndex" : "timestamp", value };
  }
  if (tag === TIME_TAG.localTimestamp) {
    c.list(`${field}.localTimestamp`, 3);
    const value = c.num(`${field}.timestamp`, "unsigned");
    const localOffset = c.num(`${field}.localOffset`, "integer");
    const seasonOffset = c.num(`${field}.seasonTimeOffset`, "integer");
    return { kind: "localTimestamp", value, localOffset, seasonOffset };
  }
  return c.fail("BAD_CHOICE", `${field}: unknown SML_Time tag`, field, { expected: "1..3", actual: tag });
}

export function optTime(c: Cursor, field: string): SmlTime | undefined {
  return c.absent() ? undefined : readTime(c, field);
}

export { TIME_TAG };
