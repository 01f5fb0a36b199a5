/**
 * M-Bus date-times (EN 13757-3 types F and I) carry no time zone: the meter's local time. This turns
 * `YYYY-MM-DDTHH:MM[:SS]` in an IANA zone into RFC 3339 with the offset that applied then.
 */

function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function fmtOffset(min: number): string {
  if (min === 0) return "Z";
  const sign = min < 0 ? "-" : "+";
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
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
  return `${iso}${fmtOffset(off)}`;
}
