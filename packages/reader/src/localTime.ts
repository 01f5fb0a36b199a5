/**
 * M-Bus date-times (EN 13757-3 types F and I) carry no time zone: the meter's local time. This turns
 * `YYYY-MM-DDTHH:MM[:SS]` in an IANA zone into RFC 3339 with the offset that applied then.
 */

import { formatOffset, offsetMs } from "@omdp/model";

/** Offset of the zone at the instant in whole minutes (the shared helper gives ms, to the second). */
function offsetMinutes(utcMs: number, timeZone: string): number {
  return Math.round(offsetMs(utcMs, timeZone) / 60_000);
}

/** Local wall time in `timeZone` to RFC 3339 with offset; undefined when the text is no date-time. */
export function localToRfc3339(text: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "00"].map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (!Number.isFinite(wall)) return undefined;
  // two passes: the offset at the guessed instant, then at the corrected one (DST edges)
  let off = offsetMinutes(wall, timeZone);
  off = offsetMinutes(wall - off * 60_000, timeZone);
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(s).padStart(2, "0")}`;
  return `${iso}${formatOffset(off)}`;
}
