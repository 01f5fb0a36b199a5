/**
 * DSMR time stamps (P1 Companion Standard 5.0.2 §6.4, type TST): `YYMMDDhhmmssX`, X = `S` when daylight
 * saving time is active (the meter's local time is UTC+2 in the CET countries that use P1) and `W` when
 * not (UTC+1). DSMR 2.2/3 gas captures carry `YYMMDDhhmmss` without the flag: local time, offset unknown.
 */
import { DsmrError } from "./errors";

export interface DsmrTime {
  /** Local wall time as written, `YYYY-MM-DDThh:mm:ss`. */
  readonly local: string;
  /** true for S, false for W, undefined where the telegram carries no flag. */
  readonly dst?: boolean;
  /** RFC 3339 with the offset the flag implies (+02:00 for S, +01:00 for W); absent without a flag. */
  readonly iso?: string;
  /** Fluvius writes `632525252525W` for "no time yet" (an empty peak in 0-0:98.1.0 / 1-0:1.6.0). */
  readonly unset?: true;
}

/** Fluvius "no time yet": 632525252525 and the flag. */
const FLUVIUS_UNSET = "632525252525";

/** Whether a value group looks like a time stamp (12 digits and an optional S/W flag). */
export function isTimestamp(text: string): boolean {
  return (text.length === 12 || (text.length === 13 && flagOf(text) !== undefined)) && twelveDigits(text);
}

function twelveDigits(text: string): boolean {
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The S/W flag at index 12 (either case): true for S, false for W, undefined otherwise. */
function flagOf(text: string): boolean | undefined {
  const c = text.charCodeAt(12) | 0x20;
  return c === 0x73 ? true : c === 0x77 ? false : undefined;
}

/** The two digits at `i` as a number (the caller checked they are digits). */
function pair(text: string, i: number): number {
  return (text.charCodeAt(i) - 0x30) * 10 + text.charCodeAt(i + 1) - 0x30;
}

/** Parse a TST group; out-of-range fields are a BAD_TIMESTAMP with the field named. */
export function parseTimestamp(text: string, offset: number): DsmrTime {
  if (!isTimestamp(text)) {
    throw new DsmrError("BAD_TIMESTAMP", `not a YYMMDDhhmmssX time stamp: "${text}"`, {
      offset,
      actual: text,
    });
  }
  const c12 = text.charCodeAt(12);
  if (text.length === 13 && (c12 === 0x53 || c12 === 0x57) && text.startsWith(FLUVIUS_UNSET))
    return { local: text, unset: true };
  checkRange("month", pair(text, 2), 1, 12, text, offset);
  checkRange("day", pair(text, 4), 1, 31, text, offset);
  checkRange("hour", pair(text, 6), 0, 23, text, offset);
  checkRange("minute", pair(text, 8), 0, 59, text, offset);
  checkRange("second", pair(text, 10), 0, 59, text, offset);
  const local = `20${text.slice(0, 2)}-${text.slice(2, 4)}-${text.slice(4, 6)}T${text.slice(6, 8)}:${text.slice(8, 10)}:${text.slice(10, 12)}`;
  if (text.length === 12) return { local };
  // some Landis+Gyr E350 write the flag in lower case (corpus: dsmr_reader_landisgyr350_dsmr40)
  const dst = flagOf(text) as boolean;
  return { local, dst, iso: `${local}${dst ? "+02:00" : "+01:00"}` };
}

function checkRange(field: string, v: number, min: number, max: number, text: string, offset: number): void {
  if (v < min || v > max) {
    throw new DsmrError("BAD_TIMESTAMP", `time stamp ${field} ${v} outside ${min}..${max} in "${text}"`, {
      offset,
      field,
      expected: `${min}..${max}`,
      actual: v,
    });
  }
}

/** The inverse for the encoder. */
export function formatTimestamp(t: DsmrTime): string {
  if (t.unset) return t.local;
  const d = t.local.replace(/[-T:]/g, "").slice(2);
  return t.dst === undefined ? d : `${d}${t.dst ? "S" : "W"}`;
}
