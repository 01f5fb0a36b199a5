/**
 * Data sets of the data block (IEC 62056-21 clause 6.5): `address(value*unit)`, possibly with more
 * value groups `(..)(..)` (a register and its capture time), several data sets on one line or one per
 * line. Address, value and unit exclude `(` `)` `/` `!`; the value also excludes `*`.
 */

import { isDecimal, scaleDecimal, unitRule } from "@omdp/model";
import { type ObisCode, parseAddress } from "./address";
import { CLOSE, CR, LF, OPEN, text } from "./chars";
import { D0Error } from "./errors";

export interface D0Value {
  /** The value text exactly as sent. */
  text: string;
  /** The unit as written ("" when none). */
  unitWritten: string;
  /** The value in project units when the text is a decimal number (kWh -> Wh, kW -> W). */
  number?: number;
  unit: string;
}

export interface DataSet {
  address: string;
  obis?: ObisCode;
  values: D0Value[];
  /** Offset of the address's first byte in the readout. */
  offset: number;
}

const MAX_ADDRESS = 32;
const MAX_GROUP = 128;

export function toValue(group: string): D0Value {
  // Some heat meters (Landis+Gyr/Siemens Ultraheat) pack several values into one group with '&'
  // (`088*C&082*C`, `2017-01-18&01:36:47`); not IEC 62056-21, so the group stays text.
  if (group.includes("&")) return { text: group, unitWritten: "", unit: "" };
  const star = group.indexOf("*");
  const t = star < 0 ? group : group.slice(0, star);
  const unitWritten = star < 0 ? "" : group.slice(star + 1);
  const rule = unitRule(unitWritten);
  const v: D0Value = { text: t, unitWritten, unit: rule.unit };
  const trimmed = t.trim();
  if (isDecimal(trimmed)) v.number = scaleDecimal(trimmed, rule.shift);
  return v;
}

function isSeparator(b: number | undefined): boolean {
  return b === CR || b === LF || b === 0x20;
}

/** Parses the data sets in bytes[from, to). */
export function parseDataSets(bytes: Uint8Array, from: number, to: number): DataSet[] {
  const sets: DataSet[] = [];
  let i = from;
  while (i < to) {
    if (isSeparator(bytes[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && bytes[i] !== OPEN && !isSeparator(bytes[i])) i++;
    if (i >= to || bytes[i] !== OPEN || i - start > MAX_ADDRESS) {
      throw new D0Error("BAD_DATA_SET", "data set address must be followed by '('", {
        offset: i,
        actual: text(bytes, start, Math.min(i + 1, to)),
        field: "address",
      });
    }
    const address = text(bytes, start, i);
    const values: D0Value[] = [];
    while (i < to && bytes[i] === OPEN) {
      const close = bytes.indexOf(CLOSE, i + 1);
      if (close < 0 || close >= to || close - i > MAX_GROUP) {
        throw new D0Error("BAD_DATA_SET", "value group has no ')'", { offset: i, field: address });
      }
      const inner = text(bytes, i + 1, close);
      if (inner.includes("(")) {
        throw new D0Error("BAD_DATA_SET", "'(' inside a value group", { offset: i, field: address });
      }
      values.push(toValue(inner));
      i = close + 1;
    }
    const obis = parseAddress(address);
    sets.push({ address, ...(obis === undefined ? {} : { obis }), values, offset: start });
  }
  return sets;
}
