/**
 * The identification message (IEC 62056-21 clause 6.3.2): `/ M M M Z [\W] Ident CR LF`. MMM is the
 * manufacturer's three-letter code (a lowercase third letter means the meter answers within 20 ms
 * instead of 200 ms, clause 6.3.14), Z the baud rate character (baud.ts), `\W` the optional enhanced
 * identification (W = '2' announces mode E), Ident up to 16 printable characters (longer ones are
 * accepted: real meters exceed it). Meters that end the line with LF only are accepted.
 */
import { type BaudInfo, baudInfo } from "./baud";
import { CR, LF, START, text } from "./chars";
import { D0Error } from "./errors";

export interface Identification {
  manufacturer: string;
  baudChar: string;
  mode: BaudInfo["mode"];
  /** The baud rate offered by Z (undefined for mode A and reserved letters). */
  baud: number | undefined;
  /** The character after a backslash (mode E capabilities), if any. */
  enhanced?: string;
  ident: string;
  /** Minimum reaction time of the meter in ms (20 when the manufacturer's third letter is lowercase). */
  minReactionMs: number;
  /** Offset just after the line end. */
  end: number;
}

const MAX_LINE = 128;

/** Parses the identification line starting at `offset` (which must hold '/'). */
export function parseIdentification(bytes: Uint8Array, offset = 0): Identification {
  if (bytes[offset] !== START) {
    throw new D0Error("NO_IDENTIFICATION", "identification must start with '/'", {
      offset,
      expected: START,
      actual: bytes[offset] ?? "end of input",
    });
  }
  const lf = bytes.indexOf(LF, offset);
  if (lf < 0 || lf - offset > MAX_LINE) {
    throw new D0Error("BAD_IDENTIFICATION", "identification line has no LF", { offset, field: "ident" });
  }
  const lineEnd = bytes[lf - 1] === CR ? lf - 1 : lf;
  const line = text(bytes, offset + 1, lineEnd);
  if (line.length < 4 || !/^[A-Za-z]{3}$/.test(line.slice(0, 3))) {
    throw new D0Error("BAD_IDENTIFICATION", "identification needs a 3-letter manufacturer and Z", {
      offset: offset + 1,
      actual: line,
      field: "manufacturer",
    });
  }
  const manufacturer = line.slice(0, 3);
  const baudChar = line.charAt(3);
  let rest = line.slice(4);
  let enhanced: string | undefined;
  if (rest.startsWith("\\") && rest.length >= 2) {
    enhanced = rest.charAt(1);
    rest = rest.slice(2);
  }
  const info = baudInfo(baudChar);
  const third = manufacturer.charAt(2);
  return {
    manufacturer,
    baudChar,
    mode: info.mode,
    baud: info.baud,
    ...(enhanced === undefined ? {} : { enhanced }),
    ident: rest,
    minReactionMs: third === third.toLowerCase() ? 20 : 200,
    end: lf + 1,
  };
}

/** The identification line as bytes (encoder side). */
export function formatIdentification(id: {
  manufacturer: string;
  baudChar: string;
  enhanced?: string;
  ident: string;
}): string {
  const enhanced = id.enhanced === undefined ? "" : `\\${id.enhanced}`;
  return `/${id.manufacturer}${id.baudChar}${enhanced}${id.ident}\r\n`;
}
