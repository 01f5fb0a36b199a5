/**
 * The address of a data set (IEC 62056-21 clause 6.5 with the OBIS reduced notation of IEC 62056-61):
 * `[A-B:]C.D[.E][*F]`. Letters in C and D stand for the abstract codes of IEC 62056-61 table 6
 * (C = 96, F = 97, L = 98, P = 99): `C.1.0` is 96.1.0, `F.F` is 97.97. Addresses that are not of this
 * shape (manufacturer texts) keep only their text.
 */
export interface ObisCode {
  a?: number;
  b?: number;
  c: number;
  d: number;
  e?: number;
  f?: number;
}

const LETTERS: ReadonlyMap<string, number> = new Map([
  ["C", 96],
  ["F", 97],
  ["L", 98],
  ["P", 99],
]);

const SHAPE =
  /^(?:(\d{1,3})-(\d{1,3}):)?([0-9]{1,3}|[CFLP])\.([0-9]{1,3}|[CFLP])(?:\.(\d{1,3}))?(?:[*&](\d{1,3}))?$/;

function group(g: string): number {
  return LETTERS.get(g) ?? Number(g);
}

/** The OBIS code an address stands for, or undefined when it is not OBIS-like. */
export function parseAddress(address: string): ObisCode | undefined {
  const m = SHAPE.exec(address);
  if (m === null) return undefined;
  const code: ObisCode = { c: group(m[3] as string), d: group(m[4] as string) };
  if (m[1] !== undefined) code.a = Number(m[1]);
  if (m[2] !== undefined) code.b = Number(m[2]);
  if (m[5] !== undefined) code.e = Number(m[5]);
  if (m[6] !== undefined) code.f = Number(m[6]);
  return code;
}

export interface IdDefaults {
  /** Group A where the readout omits it (1 = electricity). */
  medium: number;
  /** Group B where the readout omits it. */
  channel: number;
}

/**
 * The project's OBIS id (`1-0:1.8.0`); a billing-period group F other than 255 is kept as `*F`
 * (`1-0:1.8.0*01` is the previous period's register, not the current one).
 */
export function obisId(code: ObisCode, defaults: IdDefaults = { medium: 1, channel: 0 }): string {
  const base = `${code.a ?? defaults.medium}-${code.b ?? defaults.channel}:${code.c}.${code.d}.${code.e ?? 0}`;
  return code.f === undefined || code.f === 255 ? base : `${base}*${String(code.f).padStart(2, "0")}`;
}

/**
 * Whether `code` matches a dotted pattern `A.B.C.D.E.F` where `*` matches any group (the corpus'
 * notation; a group the readout omits matches only `*`).
 */
export function matchesPattern(code: ObisCode, pattern: string): boolean {
  const want = pattern.split(".");
  const have = [code.a, code.b, code.c, code.d, code.e, code.f];
  return want.length === 6 && want.every((w, i) => w === "*" || Number(w) === have[i]);
}
