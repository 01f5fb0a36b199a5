/**
 * SML_ListEntry (SML 1.04 §7.1.6, SML_GetList.Res valList): objName (OBIS, 6 bytes), status, valTime,
 * unit (DLMS unit code, IEC 62056-6-2), scaler, value, valueSignature. The unit table is @omdp/dlms'.
 */
import { dlmsUnit } from "@omdp/dlms";
import type { Cursor, SmlInt } from "./cursor";
import { dottedObis } from "./obis-names";
import { DZG_FLAG, DZG_POWER_REGISTERS, type QuirkUse, type SmlQuirkId } from "./quirks";
import { optTime } from "./time";
import type { SmlListEntry, SmlValue } from "./types";

export interface EntryContext {
  readonly serverId: Uint8Array;
  readonly quirks: readonly SmlQuirkId[];
  readonly used: QuirkUse[];
}

export function readEntry(c: Cursor, ctx: EntryContext): SmlListEntry {
  c.list("valListEntry", 7);
  const objName = c.octets("objName");
  const obis = objName.length === 6 ? dottedObis(objName) : hex(objName);
  const status = c.optInt("status", "unsigned");
  const valTime = optTime(c, "valTime");
  const unitCode = c.optNum("unit", "unsigned");
  const scaler = c.optNum("scaler", "integer");
  const valueAt = c.pos;
  const raw = readValue(c);
  const value = dzgFix(raw, obis, c, valueAt, ctx);
  const valueSignature = c.optOctets("valueSignature");
  const out: { -readonly [K in keyof SmlListEntry]: SmlListEntry[K] } = { obis, objName, value };
  if (status !== undefined) out.status = status;
  if (valTime !== undefined) out.valTime = valTime;
  if (unitCode !== undefined) {
    out.unitCode = unitCode;
    const unit = dlmsUnit(out.unitCode);
    if (unit !== undefined) out.unit = unit;
  }
  if (scaler !== undefined) out.scaler = scaler;
  if (value.kind === "int") out.scaled = scale(value.value, scaler ?? 0);
  if (valueSignature !== undefined) out.valueSignature = valueSignature;
  return out;
}

/** SML_Value: the choice is made by the TL type. */
export function readValue(c: Cursor): SmlValue {
  const t = c.peek();
  const type = t === undefined ? undefined : (t >> 4) & 0x07;
  if (type === 4) return { kind: "boolean", value: c.bool("value") };
  if (type === 0) return { kind: "octets", value: c.octets("value") };
  const n = c.int("value");
  return { kind: "int", value: n.value, signed: n.signed, width: n.width };
}

/** 10^0 .. 10^22, each exact in binary64. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * value * 10^scaler, rounded once from the exact decimal (no 0.1 * 3 drift). A value below 2^53 and a
 * scaler within +-22 take one multiplication or division of exact doubles, itself rounded once, so the
 * same number as parsing `${v}e${scaler}`, which the rest goes through.
 */
export function scale(v: bigint, scaler: number): number {
  if (v <= SAFE && v >= -SAFE && scaler > -POW10.length && scaler < POW10.length) {
    const n = Number(v);
    return scaler >= 0 ? n * (POW10[scaler] as number) : n / (POW10[-scaler] as number);
  }
  return Number.parseFloat(`${v}e${scaler}`);
}

/** The DZG quirk (quirks.ts): an Integer16 power register read as Unsigned16, only when enabled. */
/** `at` is the value's data index (its input offset, c.offsetOf(at), is only looked up when the quirk applies). */
function dzgFix(v: SmlValue, obis: string, c: Cursor, at: number, ctx: EntryContext): SmlValue {
  if (!ctx.quirks.includes("dzg-unsigned-power")) return v;
  if (v.kind !== "int" || !v.signed || v.width !== 2 || v.value >= 0n) return v;
  if (manufacturer(ctx.serverId) !== DZG_FLAG) return v;
  const cd = obis.split(".").slice(2, 4).join(".");
  if (!obis.startsWith("1.0.") || !DZG_POWER_REGISTERS.includes(cd)) return v;
  const fixed: SmlInt = { value: v.value + 0x10000n, signed: false, width: 2 };
  ctx.used.push({
    id: "dzg-unsigned-power",
    offset: c.offsetOf(at),
    detail: `${obis}: ${v.value} read as ${fixed.value}`,
  });
  return { kind: "int", ...fixed };
}

/** The manufacturer FLAG id in an 0A 01 <3 ASCII> ... server id, if it has that shape. */
export function manufacturer(serverId: Uint8Array): string | undefined {
  if (serverId.length < 5 || serverId[0] !== 0x0a) return undefined;
  return String.fromCharCode(serverId[2]!, serverId[3]!, serverId[4]!);
}

const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, x) =>
  x.toString(16).toUpperCase().padStart(2, "0"),
);

/** Upper-case hex of the bytes. */
export function hex(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i++) out += HEX_BYTE[b[i]!];
  return out;
}
