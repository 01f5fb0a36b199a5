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

const FLUVIUS_UNSET = /^632525252525[SW]$/;

const TST = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([SWsw]?)$/;

/** Whether a value group looks like a time stamp (12 digits and an optional S/W flag). */
export function isTimestamp(text: string): boolean {
  return TST.test(text);
}

/** Parse a TST group; out-of-range fields are a BAD_TIMESTAMP with the field named. */
export function parseTimestamp(text: string, offset: number): DsmrTime {
  if (FLUVIUS_UNSET.test(text)) return { local: text, unset: true };
  const m = TST.exec(text);
  if (m === null) {
    throw new DsmrError("BAD_TIMESTAMP", `not a YYMMDDhhmmssX time stamp: "${text}"`, {
      offset,
      actual: text,
    });
  }
  const [mo, dd, hh, mi, ss] = m.slice(2, 7).map(Number) as [number, number, number, number, number];
  checkRange("month", mo, 1, 12, text, offset);
  checkRange("day", dd, 1, 31, text, offset);
  checkRange("hour", hh, 0, 23, text, offset);
  checkRange("minute", mi, 0, 59, text, offset);
  checkRange("second", ss, 0, 59, text, offset);
  const local = `20${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  if (m[7] === "") return { local };
  // some Landis+Gyr E350 write the flag in lower case (corpus: dsmr_reader_landisgyr350_dsmr40)
  const dst = m[7] === "S" || m[7] === "s";
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
