/** Shapes of the code tables (EN 13757-3). The tables themselves are data in the sibling files. */

/** How the value of a VIF is to be read (beyond plain numbers). */
export type VifValueKind = "number" | "date" | "dateTime" | "time" | "dst" | "text" | "bytes";

/** One expanded VIF code: quantity id, human description, SI unit without prefix, and scaling. */
export interface VifEntry {
  /** Stable camelCase id, e.g. "energy", "volumeFlow", "fabricationNumber". */
  quantity: string;
  /** Human description (EN 13757-3 wording). */
  description: string;
  /** Unit after scaling: Wh, J, m3, kg, s, W, J/h, m3/h, kg/h, degC, K, bar, V, A, ... ("" when none). */
  unit: string;
  /** Decimal exponent applied to the raw value. */
  exponent: number;
  /** Extra factor applied to the raw value (time units to seconds, etc.); 1 otherwise. */
  factor: number;
  /** What the data field carries. */
  kind: VifValueKind;
}

/**
 * A range of VIF codes in compact form, as the standard writes them (e.g. `E000 0nnn`): codes first..last
 * map to one quantity; the exponent is `expBase + (code - first)` unless `factors` lists per-code factors
 * (durations: seconds, minutes, hours, days).
 */
export interface VifRange {
  first: number;
  last: number;
  quantity: string;
  description: string;
  unit: string;
  /** Exponent of the first code; each following code adds one. Omitted = 0 for every code. */
  expBase?: number;
  /** Per-code multiplicative factor instead of a stepping exponent. */
  factors?: readonly number[];
  kind?: VifValueKind;
}

/** Expands compact ranges into a 128-entry lookup array indexed by `code & 0x7F`. */
export function expandVifTable(ranges: readonly VifRange[]): readonly (VifEntry | undefined)[] {
  const table: (VifEntry | undefined)[] = new Array(128).fill(undefined);
  for (const r of ranges) {
    for (let code = r.first; code <= r.last; code++) {
      const i = code - r.first;
      table[code] = Object.freeze({
        quantity: r.quantity,
        description: r.description,
        unit: r.unit,
        exponent: r.factors ? 0 : r.expBase === undefined ? 0 : r.expBase + i,
        factor: r.factors ? r.factors[i]! : 1,
        kind: r.kind ?? "number",
      });
    }
  }
  return Object.freeze(table);
}

/** Duration units (nn = 00 s, 01 min, 10 h, 11 d) as factors to seconds. */
export const DURATION_S = [1, 60, 3600, 86400] as const;
/** Duration units (pp = 00 h, 01 d, 10 months, 11 years) as factors to seconds; months/years by mean length. */
export const DURATION_HDMY = [3600, 86400, 2629800, 31557600] as const;
