/**
 * Data lines to typed objects by their shape (tables/obis.ts); ids outside the table get a shape from
 * their groups: `(TST)(value*unit)` is timestamped, one number is a register, anything else is text.
 */

import { isDecimal, scaleDecimal, unitRule } from "@omdp/model";
import { DsmrError } from "./errors";
import type { DataLine } from "./line";
import { type DsmrShape, objectDef } from "./tables/obis";
import { type DsmrTime, isTimestamp, parseTimestamp } from "./timestamp";

export interface DsmrNumber {
  /** In the project's units (Wh, W, var, varh, V, A, m3, s); integers where the meter's resolution allows. */
  readonly value: number;
  readonly unit: string;
  /** The digits and unit as written. */
  readonly raw: string;
  readonly rawUnit: string;
}

export interface DsmrBufferEntry {
  readonly times: readonly DsmrTime[];
  readonly value: DsmrNumber;
}

export interface DsmrObject {
  readonly obis: string;
  readonly name?: string;
  readonly shape: DsmrShape;
  readonly groups: readonly string[];
  readonly offset: number;
  readonly value?: DsmrNumber;
  readonly time?: DsmrTime;
  /** Text objects: the octet string decoded (hexText) or the text as written. */
  readonly text?: string;
  /** Profile buffers: the object ids captured and one entry per buffer row. */
  readonly captured?: readonly string[];
  readonly buffer?: readonly DsmrBufferEntry[];
}

const OBIS_REF = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const HEX = /^(?:[0-9A-Fa-f]{2})*$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One object per line; built in place (no spreads: this runs for every line of every telegram). */
export function toObject(line: DataLine): DsmrObject {
  const def = objectDef(line.obis);
  const shape = def?.shape ?? inferShape(line.groups);
  const o: Mutable<DsmrObject> = { obis: line.obis, shape, groups: line.groups, offset: line.offset };
  if (def) o.name = def.name;
  switch (shape) {
    case "register":
      o.value = number(one(line), line.offset);
      break;
    case "timestamped":
      timestamped(line, o);
      break;
    case "time":
      o.time = parseTimestamp(one(line), line.offset);
      break;
    case "hexText":
      o.text = hexText(one(line));
      break;
    case "text":
      o.text = line.groups.length === 1 ? (line.groups[0] as string) : line.groups.join(")(");
      break;
    case "profile":
      profile(line, o);
      break;
    case "legacyGas":
      legacyGas(line, o);
      break;
  }
  return o;
}

function inferShape(groups: readonly string[]): DsmrShape {
  if (groups.length === 1 && isNumberGroup(groups[0] as string)) return "register";
  if (groups.length === 2 && isTimestamp(groups[0] as string) && isNumberGroup(groups[1] as string))
    return "timestamped";
  return "text";
}

function isNumberGroup(g: string): boolean {
  const star = g.indexOf("*");
  return isDecimal(star < 0 ? g : g.slice(0, star));
}

function one(line: DataLine): string {
  if (line.groups.length !== 1) {
    throw new DsmrError("BAD_LINE", `${line.obis} needs one value group`, {
      offset: line.offset,
      field: line.obis,
      expected: 1,
      actual: line.groups.length,
    });
  }
  return line.groups[0] as string;
}

/** `digits*unit` or bare digits, normalised by units.ts. */
export function number(group: string, offset: number, unitOverride?: string): DsmrNumber {
  const star = group.indexOf("*");
  const raw = star < 0 ? group : group.slice(0, star);
  const rawUnit = unitOverride ?? (star < 0 ? "" : group.slice(star + 1));
  const rule = unitRule(rawUnit);
  const value = scaleDecimal(raw, rule.shift); // NaN exactly when raw is not a decimal (isDecimal)
  if (Number.isNaN(value)) {
    throw new DsmrError("BAD_NUMBER", `"${group}" is not a number with an optional *unit`, {
      offset,
      actual: group,
    });
  }
  return { value, unit: rule.unit, raw, rawUnit };
}

function timestamped(line: DataLine, o: Mutable<DsmrObject>): void {
  if (line.groups.length !== 2) {
    throw new DsmrError("BAD_LINE", `${line.obis} needs (time)(value)`, {
      offset: line.offset,
      field: line.obis,
      expected: 2,
      actual: line.groups.length,
    });
  }
  o.time = parseTimestamp(line.groups[0] as string, line.offset);
  o.value = number(line.groups[1] as string, line.offset);
}

function hexText(g: string): string {
  if (!HEX.test(g)) return g;
  return Buffer.from(g, "hex").toString("latin1");
}

/**
 * A profile-generic buffer: `(count)`, then the captured object ids, then `count` rows of equal size, each
 * some time stamps and one value (power failure log: end time, duration; Fluvius 98.1.0: month start,
 * peak time, peak demand).
 */
function profile(line: DataLine, o: Mutable<DsmrObject>): void {
  const [countText, ...rest] = line.groups;
  if (countText === undefined || !/^\d{1,3}$/.test(countText)) {
    throw new DsmrError("BAD_PROFILE", `${line.obis} buffer count "${countText ?? ""}" is not a number`, {
      offset: line.offset,
      field: line.obis,
      actual: countText ?? "",
    });
  }
  const count = Number(countText);
  let i = 0;
  while (i < rest.length && OBIS_REF.test(rest[i] as string)) i++;
  const captured = rest.slice(0, i);
  const cells = rest.slice(i);
  o.captured = captured;
  if (count === 0) {
    o.buffer = [];
    return;
  }
  const width = cells.length / count;
  if (!Number.isInteger(width) || width < 1) {
    throw new DsmrError("BAD_PROFILE", `${line.obis} holds ${cells.length} cells, not ${count} equal rows`, {
      offset: line.offset,
      field: line.obis,
      expected: count,
      actual: cells.length,
    });
  }
  const buffer: DsmrBufferEntry[] = [];
  for (let r = 0; r < count; r++) {
    const row = cells.slice(r * width, (r + 1) * width);
    buffer.push({
      times: row.slice(0, -1).map((t) => parseTimestamp(t, line.offset)),
      value: number(row[row.length - 1] as string, line.offset),
    });
  }
  o.buffer = buffer;
}

/** DSMR 2.2/3: `0-n:24.3.0(TST)(status)(period)(count)(0-n:24.2.1)(m3)` + `(value)` on the next line. */
function legacyGas(line: DataLine, o: Mutable<DsmrObject>): void {
  const g = line.groups;
  if (g.length !== 7) {
    throw new DsmrError(
      "BAD_PROFILE",
      `${line.obis} needs 7 groups (time, status, period, count, id, unit, value)`,
      {
        offset: line.offset,
        field: line.obis,
        expected: 7,
        actual: g.length,
      },
    );
  }
  o.time = parseTimestamp(g[0] as string, line.offset);
  o.captured = [g[4] as string];
  o.value = number(g[6] as string, line.offset, g[5] as string);
}
