/**
 * The encoder: a telegram from its header and data lines, CRC computed (omitted for DSMR 2.2/3), so that
 * round-trip tests and the simulator build telegrams with the same rules the decoder checks.
 */

import { unscale } from "@omdp/model";
import { crc16, formatCrc } from "./crc16";
import { DsmrError } from "./errors";
import type { DsmrHeader } from "./frame";

export interface EncodeLine {
  readonly obis: string;
  readonly groups: readonly string[];
}

export interface EncodeInput {
  readonly header: DsmrHeader;
  readonly lines: readonly EncodeLine[];
  /** Default true. */
  readonly crc?: boolean;
}

const OBIS = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const HEADER_FIELD = /^[^\r\n!/]*$/;

export function encodeTelegram(input: EncodeInput): string {
  const { header } = input;
  if (
    !/^[A-Za-z]{3}$/.test(header.manufacturer) ||
    !/^\d$/.test(header.baudChar) ||
    !HEADER_FIELD.test(header.ident)
  ) {
    throw new DsmrError("ENCODE", "header needs 3 letters, a digit and an ident without CR, LF, / or !", {
      offset: 0,
      field: "header",
    });
  }
  let text = `/${header.manufacturer}${header.baudChar}${header.ident}\r\n\r\n`;
  for (const line of input.lines) text += `${encodeLine(line)}\r\n`;
  text += "!";
  if (input.crc === false) return `${text}\r\n`;
  return `${text}${formatCrc(crc16(Buffer.from(text, "latin1")))}\r\n`;
}

function encodeLine(line: EncodeLine): string {
  if (!OBIS.test(line.obis))
    throw new DsmrError("ENCODE", `"${line.obis}" is not A-B:C.D.E`, { offset: 0, field: line.obis });
  for (const g of line.groups) {
    if (/[()!\r\n/]/.test(g))
      throw new DsmrError("ENCODE", `group "${g}" holds a reserved character`, {
        offset: 0,
        field: line.obis,
      });
  }
  return `${line.obis}${line.groups.map((g) => `(${g})`).join("")}`;
}

/** `(value*unit)` text from a normalised value: `register(12345678, "kWh", 3, 6)` -> `012345.678*kWh`. */
export function register(value: number, writtenUnit: string, decimals: number, intDigits: number): string {
  return `${unscale(value, writtenUnit, decimals, intDigits)}*${writtenUnit}`;
}

/** Octet-string text as DSMR writes it: hex, upper case. */
export function hexText(text: string): string {
  return Buffer.from(text, "latin1").toString("hex").toUpperCase();
}
