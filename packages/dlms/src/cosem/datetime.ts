/**
 * COSEM date-time (Blue Book 4.1.6.1, "date_time" octet-string(12)):
 * year(2) month day day-of-week hour minute second hundredths deviation(2, signed) clock-status.
 * 0xFF (0xFFFF for year) means "not specified"; deviation 0x8000 means "not specified".
 * Deviation is the minutes from local time to UTC (UTC = local + deviation), so the RFC 3339 offset is
 * its negation: Austrian meters send -120 in summer for +02:00.
 */
export interface DlmsDateTime {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly dayOfWeek?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly hundredths?: number;
  /** Minutes from local time to UTC; undefined when not specified. */
  readonly deviation?: number;
  /** Clock status byte; undefined when 0xFF (not specified). */
  readonly clockStatus?: number;
  /** Clock status bit 7: daylight saving active. */
  readonly dst: boolean;
  /** `YYYY-MM-DDTHH:MM:SS` with `+hh:mm` only when the deviation is specified. */
  readonly text: string;
}

/** Clock status bits (Blue Book 4.1.6.1). */
export const CLOCK_STATUS = {
  invalidValue: 0x01,
  doubtfulValue: 0x02,
  differentClockBase: 0x04,
  invalidClockStatus: 0x08,
  daylightSavingActive: 0x80,
} as const;

const spec = (v: number, max: number, min = 0): number | undefined | null =>
  v === 0xff ? undefined : v >= min && v <= max ? v : null;

/**
 * Decodes 12 bytes; returns undefined when a field is out of its range (so an arbitrary 12-byte
 * octet string is not mistaken for a date-time). Month/day specials 0xFD/0xFE (DST end/begin, last day)
 * are accepted and treated as not specified.
 */
export function decodeDateTime(b: Uint8Array): DlmsDateTime | undefined {
  if (b.length !== 12) return undefined;
  const y = (b[0]! << 8) | b[1]!;
  const year = y === 0xffff ? undefined : y;
  const month = b[2]! === 0xfd || b[2]! === 0xfe ? undefined : spec(b[2]!, 12, 1);
  const day = b[3]! >= 0xe0 && b[3]! <= 0xfe ? undefined : spec(b[3]!, 31, 1);
  const dayOfWeek = spec(b[4]!, 7, 1);
  const hour = spec(b[5]!, 23);
  const minute = spec(b[6]!, 59);
  const second = spec(b[7]!, 59);
  const hundredths = spec(b[8]!, 99);
  const dev = (((b[9]! << 8) | b[10]!) << 16) >> 16;
  const deviation = dev === -0x8000 ? undefined : dev >= -720 && dev <= 720 ? dev : null;
  const status = b[11]!;
  if (
    month === null ||
    day === null ||
    dayOfWeek === null ||
    hour === null ||
    minute === null ||
    second === null ||
    hundredths === null ||
    deviation === null
  ) {
    return undefined;
  }
  const clockStatus = status === 0xff ? undefined : status;
  const fields = { year, month, day, hour, minute, second, deviation };
  return {
    year,
    month,
    day,
    dayOfWeek,
    hour,
    minute,
    second,
    hundredths,
    deviation,
    clockStatus,
    dst: clockStatus !== undefined && (clockStatus & CLOCK_STATUS.daylightSavingActive) !== 0,
    text: formatDateTime(fields),
  };
}

const two = (n: number | undefined): string => (n === undefined ? "**" : String(n).padStart(2, "0"));

/** Offset text for minutes east of UTC: `+02:00`, `-05:30`, `Z` is never used (the meter gave a number). */
export function offsetText(eastMinutes: number): string {
  const sign = eastMinutes < 0 ? "-" : "+";
  const a = Math.abs(eastMinutes);
  return `${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

export function formatDateTime(d: Omit<DlmsDateTime, "text" | "dst">): string {
  const year = d.year === undefined ? "****" : String(d.year).padStart(4, "0");
  let s = `${year}-${two(d.month)}-${two(d.day)}`;
  if (d.hour === undefined && d.minute === undefined && d.second === undefined) return s;
  s += `T${two(d.hour)}:${two(d.minute)}`;
  if (d.second !== undefined) s += `:${two(d.second)}`;
  if (d.deviation !== undefined) s += offsetText(-d.deviation);
  return s;
}

/** date (5 bytes: year month day day-of-week) as `YYYY-MM-DD`; time (4 bytes) as `HH:MM[:SS]`. */
export function formatDate(b: Uint8Array): string {
  const y = (b[0]! << 8) | b[1]!;
  return `${y === 0xffff ? "****" : String(y).padStart(4, "0")}-${two(spec(b[2]!, 12, 1) ?? undefined)}-${two(
    spec(b[3]!, 31, 1) ?? undefined,
  )}`;
}

export function formatTime(b: Uint8Array): string {
  const sec = spec(b[2]!, 59) ?? undefined;
  return `${two(spec(b[0]!, 23) ?? undefined)}:${two(spec(b[1]!, 59) ?? undefined)}${
    sec === undefined ? "" : `:${two(sec)}`
  }`;
}

export interface DateTimeInput {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly hundredths?: number;
  /** Minutes from local time to UTC (-120 for +02:00); omit for "not specified". */
  readonly deviation?: number;
  /** Defaults to 0x80 when dst is true, else 0x00. */
  readonly clockStatus?: number;
  readonly dst?: boolean;
}

/** Encodes a date-time (the day of week is computed, 1 = Monday). */
export function encodeDateTime(d: DateTimeInput): Uint8Array {
  const dow = ((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7) + 1;
  const dev = d.deviation === undefined ? 0x8000 : d.deviation & 0xffff;
  const status = d.clockStatus ?? (d.dst ? CLOCK_STATUS.daylightSavingActive : 0);
  return Uint8Array.from([
    d.year >> 8,
    d.year & 0xff,
    d.month,
    d.day,
    dow,
    d.hour,
    d.minute,
    d.second,
    d.hundredths ?? 0xff,
    dev >> 8,
    dev & 0xff,
    status,
  ]);
}

/**
 * The instant a date-time denotes, as RFC 3339 with offset, when it can be placed: with its deviation,
 * or with the IANA time zone the caller knows the meter is in. Undefined when neither is known.
 */
export function dateTimeToRfc3339(d: DlmsDateTime, timeZone?: string): string | undefined {
  if (
    d.year === undefined ||
    d.month === undefined ||
    d.day === undefined ||
    d.hour === undefined ||
    d.minute === undefined
  ) {
    return undefined;
  }
  const local = Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second ?? 0);
  let east: number;
  if (d.deviation !== undefined) east = -d.deviation;
  else if (timeZone) {
    const o = zoneOffsetMinutes(local, timeZone, d.dst);
    if (o === undefined) return undefined;
    east = o;
  } else return undefined;
  const wall = new Date(local).toISOString().slice(0, 19);
  return `${wall}${offsetText(east)}`;
}

/** Offset (minutes east of UTC) of `timeZone` at the local wall time `localMs` (as if UTC). */
function zoneOffsetMinutes(localMs: number, timeZone: string, dst: boolean): number | undefined {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  } catch {
    return undefined;
  }
  const offsetAt = (utcMs: number): number => {
    const name = fmt.formatToParts(new Date(utcMs)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!m) return 0;
    return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  };
  // Two candidates around the wall time; in the repeated autumn hour, the clock status DST bit decides.
  const a = offsetAt(localMs - offsetAt(localMs) * 60_000);
  const b = offsetAt(localMs - a * 60_000);
  if (a === b) return a;
  return dst ? Math.max(a, b) : Math.min(a, b);
}
