/**
 * The baud rate character Z of the identification message (IEC 62056-21 clause 6.3.2, table 1), as
 * data: which protocol mode it announces and the baud rate the meter offers. Mode A meters send any
 * other printable character (no baud switch, 300 baud throughout); mode D meters push at 2400 baud and
 * send '3'.
 */
export type D0Mode = "A" | "B" | "C" | "D";

/** Modes C and E (and D): '0'..'6' = 300..19200 baud. */
export const BAUD_MODE_C: ReadonlyMap<string, number> = new Map([
  ["0", 300],
  ["1", 600],
  ["2", 1200],
  ["3", 2400],
  ["4", 4800],
  ["5", 9600],
  ["6", 19200],
]);

/** Mode B: 'A'..'F' = 600..19200 baud; 'G'..'I' are reserved (baud unknown). */
export const BAUD_MODE_B: ReadonlyMap<string, number | undefined> = new Map([
  ["A", 600],
  ["B", 1200],
  ["C", 2400],
  ["D", 4800],
  ["E", 9600],
  ["F", 19200],
  ["G", undefined],
  ["H", undefined],
  ["I", undefined],
]);

/** The sign-on (initial) baud rate of modes A to C. */
export const INITIAL_BAUD = 300;

export interface BaudInfo {
  /** The mode the character announces: "C" for '0'..'6' (mode D uses the same digits), "B", "A". */
  mode: "A" | "B" | "C";
  /** The baud rate offered; undefined for mode A (none) and the reserved mode B letters. */
  baud: number | undefined;
}

export function baudInfo(z: string): BaudInfo {
  if (BAUD_MODE_C.has(z)) return { mode: "C", baud: BAUD_MODE_C.get(z) };
  if (BAUD_MODE_B.has(z)) return { mode: "B", baud: BAUD_MODE_B.get(z) };
  return { mode: "A", baud: undefined };
}

/** The character Z that offers `baud` in mode C/E; undefined for a rate the table lacks. */
export function baudCharModeC(baud: number): string | undefined {
  for (const [z, b] of BAUD_MODE_C) if (b === baud) return z;
  return undefined;
}
