/**
 * Readout encoder (the meter's side; used by round-trip tests and the simulator): identification
 * message then the data message `STX data-lines ! CR LF ETX BCC`, or without STX/ETX/BCC for a
 * push-only meter that sends none.
 */

import { unscale } from "@omdp/model";
import { bcc } from "./bcc";
import { ascii } from "./chars";
import { D0Error } from "./errors";
import { formatIdentification } from "./identification";

export interface EncodeDataSet {
  address: string;
  /** Each group as `value` or `value*unit` text. */
  groups: string[];
}

export interface EncodeInput {
  manufacturer: string;
  baudChar: string;
  enhanced?: string;
  ident: string;
  dataSets: EncodeDataSet[];
  /** "block" (default): STX .. ETX BCC; "bare": no STX, ETX or BCC (push-only meters). */
  framing?: "block" | "bare";
}

const FORBIDDEN = /[()/!\r\n]/;

/** A data set from a value in project units: `register("1.8.0", 285400, "kWh", 1)` -> `1.8.0(000285.4*kWh)`. */
export function register(address: string, value: number, written: string, decimals: number): EncodeDataSet {
  const v = unscale(value, written, decimals);
  return { address, groups: [written === "" ? v : `${v}*${written}`] };
}

function check(field: string, t: string): void {
  if (FORBIDDEN.test(t)) {
    throw new D0Error("ENCODE", `${field} contains a reserved character`, { offset: 0, actual: t, field });
  }
}

/** The data message (STX .. BCC, or bare) for the data sets. */
export function encodeDataMessage(sets: EncodeDataSet[], framing: "block" | "bare" = "block"): Uint8Array {
  const lines = sets.map((s) => {
    check("address", s.address);
    for (const g of s.groups) check("value", g);
    return `${s.address}${s.groups.map((g) => `(${g})`).join("")}\r\n`;
  });
  const body = ascii(`${lines.join("")}!\r\n`);
  if (framing === "bare") return body;
  const out = new Uint8Array(body.length + 3);
  out[0] = 0x02;
  out.set(body, 1);
  out[body.length + 1] = 0x03;
  out[body.length + 2] = bcc(out, 1, body.length + 1);
  return out;
}

export function encodeReadout(input: EncodeInput): Uint8Array {
  check("ident", input.ident);
  const id = ascii(formatIdentification(input));
  const data = encodeDataMessage(input.dataSets, input.framing ?? "block");
  const out = new Uint8Array(id.length + data.length);
  out.set(id, 0);
  out.set(data, id.length);
  return out;
}
