import { type AxdrNumber, type AxdrValue, isList } from "../axdr/value";
import { formatObis, LOGICAL_NAME } from "./obis";
import { dlmsUnit } from "./units";
import { applyScaler, asDateTime, type CosemValue, type JsonValue, numberOf, textOf, toJson } from "./value";

/**
 * Walks the notification body generically (no byte offsets, no per-meter cases), as meters of
 * different grid operators lay it out:
 * - flat: `OBIS, value[, {scaler, unit}]` repeated in one structure (Kaifa MA309M, L+G E450);
 * - nested: an array/structure of `{OBIS, value[, {scaler, unit}]}` structures (Aidon, Kamstrup);
 * - mixed (Salzburg Netz): both in one list.
 * Each logical name is a 6-byte octet string followed by its value (Blue Book: logical_name attribute);
 * a following 2-element structure `{integer scaler, enum unit}` is the register's scaler_unit.
 */
export interface WalkResult {
  readonly cosem: CosemValue[];
  /** Values that no logical name labels, in telegram order. */
  readonly unlabeled: AxdrValue[];
}

export function walkBody(body: AxdrValue): WalkResult {
  const out: WalkResult = { cosem: [], unlabeled: [] };
  if (isList(body)) walkList(body.items, out);
  else out.unlabeled.push(body);
  return out;
}

const isLogicalName = (v: AxdrValue | undefined): boolean =>
  v !== undefined && v.kind === "octets" && v.bytes.length === 6;

/** scaler_unit ::= structure { scaler: integer, unit: enum } (Blue Book 4.3.2). */
export function isScalerUnit(v: AxdrValue | undefined): v is AxdrValue & { items: readonly AxdrValue[] } {
  if (!isList(v) || v.kind !== "structure" || v.items.length !== 2) return false;
  const [s, u] = v.items;
  return (s!.kind === "int" || s!.kind === "uint") && s!.tag !== 20 && s!.tag !== 21 && u!.kind === "uint";
}

function walkList(items: readonly AxdrValue[], out: WalkResult): void {
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (isLogicalName(item) && i + 1 < items.length) {
      let value = items[i + 1]!;
      i += 2;
      let su: AxdrValue | undefined;
      if (isScalerUnit(items[i])) su = items[i++];
      else if (
        isList(value) &&
        value.kind === "structure" &&
        value.items.length === 2 &&
        isScalerUnit(value.items[1])
      ) {
        // A register sent as { value, scaler_unit } (attributes 2 and 3 in one structure).
        su = value.items[1];
        value = value.items[0]!;
      }
      if (item.kind === "octets") out.cosem.push(labeled(formatObis(item.bytes), value, su, "telegram"));
      continue;
    }
    if (isList(item)) walkList(item.items, out);
    else out.unlabeled.push(item);
    i++;
  }
}

/** Builds a COSEM value from its logical name, value and optional scaler_unit structure. */
export function labeled(
  obis: string,
  value: AxdrValue,
  su: AxdrValue | undefined,
  source: CosemValue["source"],
): CosemValue {
  let scaler: number | undefined;
  let unit: string | undefined;
  if (su && isList(su)) {
    scaler = numberOf(su.items[0]!);
    unit = dlmsUnit(numberOf(su.items[1]!) ?? -1);
  }
  return fromValue(obis, value, scaler, unit, source);
}

/** A COSEM value from a decoded value with an explicit scaler and unit (telegram or profile). */
export function fromValue(
  obis: string,
  value: AxdrValue,
  scaler: number | undefined,
  unit: string | undefined,
  source: CosemValue["source"],
): CosemValue {
  const raw = numberOf(value);
  const dateTime = asDateTime(value);
  const text = dateTime ? dateTime.text : textOf(value);
  let v: JsonValue;
  if (raw !== undefined) {
    const exact = (value as AxdrNumber).value;
    // Beyond 2^53 keep the exact digits when there is nothing to scale.
    v =
      typeof exact === "bigint" && !scaler
        ? exact.toString()
        : scaler === undefined
          ? raw
          : applyScaler(raw, scaler);
  } else v = text ?? toJson(value);
  const out: { -readonly [K in keyof CosemValue]: CosemValue[K] } = {
    obis,
    value: v,
    type: value.type,
    source,
  };
  if (unit !== undefined) out.unit = unit;
  if (scaler !== undefined && raw !== undefined) out.scaler = scaler;
  if (text !== undefined) out.text = text;
  if (dateTime) out.dateTime = dateTime;
  return out;
}

/**
 * Generic conventions for unlabeled values inside an otherwise labeled list, as data: the first
 * unlabeled date-time is the meter's clock, the first unlabeled printable string its device id
 * (Netz NÖ's Kaifa MA309M sends the meter number last without a logical name).
 */
export const CONVENTIONS: readonly { readonly kind: "date-time" | "text"; readonly obis: string }[] = [
  { kind: "date-time", obis: LOGICAL_NAME.clock },
  { kind: "text", obis: LOGICAL_NAME.deviceId1 },
];

export function applyConventions(walk: WalkResult): WalkResult {
  if (walk.cosem.length === 0) return walk;
  const cosem = [...walk.cosem];
  const unlabeled: AxdrValue[] = [];
  const taken = new Set(cosem.map((c) => c.obis));
  for (const v of walk.unlabeled) {
    const kind = asDateTime(v)
      ? "date-time"
      : v.kind === "string" || (v.kind === "octets" && textOf(v))
        ? "text"
        : undefined;
    const rule = CONVENTIONS.find((c) => c.kind === kind && !taken.has(c.obis));
    if (rule) {
      taken.add(rule.obis);
      cosem.push(fromValue(rule.obis, v, undefined, undefined, "convention"));
    } else unlabeled.push(v);
  }
  return { cosem, unlabeled };
}
