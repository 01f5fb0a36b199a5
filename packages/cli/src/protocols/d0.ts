/**
 * IEC 62056-21 (D0) readouts (through @omdp/d0) for `omdp decode`. Detection rule (auto), tried before
 * DSMR since both start with `/` (0x2F): after the identification line (and any further CR/LF) comes
 * either STX (0x02, the framed data message of IEC 62056-21 §6.3.3) or a data line whose address is in
 * the reduced D0 notation, `C.D[.E](` without the `A-B:` a P1 line always carries, or `A-B:C.D.E*F(`
 * with the billing group F a P1 line never carries. A P1 telegram (blank line, then `1-3:0.2.8(`) is not
 * claimed and stays DSMR. `--protocol d0` forces D0. Pasted text is claimed by the same rule; its bytes
 * are taken as written (Latin-1), since the BCC covers the line ends as sent.
 */
import { type D0Error, decodeReadout } from "@omdp/d0";
import { d0Document } from "./d0-doc";
import type { DocOutcome, ErrorInfo, ProtocolEntry, ProtocolOptions } from "./types";

const SLASH = 0x2f;
const STX = 0x02;
const CR = 0x0d;
const LF = 0x0a;
const OPEN = 0x28;
/** How far into the first data line the `(` is looked for (addresses are at most 32 characters). */
const MAX_ADDRESS = 32;
const REDUCED = /^[0-9CFLP]{1,3}\.[0-9CFLP]{1,3}(\.\d{1,3})?$/;
const WITH_F = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}\*\d{1,3}$/;

function claims(b: Uint8Array): boolean {
  if (b[0] !== SLASH) return false;
  const lf = b.indexOf(LF);
  if (lf < 0) return false;
  let i = lf + 1;
  while (b[i] === CR || b[i] === LF) i++;
  if (b[i] === STX) return true;
  const open = b.subarray(i, i + MAX_ADDRESS + 1).indexOf(OPEN);
  if (open < 0) return false;
  const address = Buffer.from(b.subarray(i, i + open)).toString("latin1");
  return REDUCED.test(address) || WITH_F.test(address);
}

function textBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.trimStart(), "latin1"));
}

function claimsText(text: string): boolean {
  return claims(textBytes(text));
}

function decode(b: Uint8Array, o: ProtocolOptions): DocOutcome {
  try {
    return { ok: true, doc: d0Document(decodeReadout(b), o) };
  } catch (e) {
    if ((e as D0Error).name === "D0Error") return { ok: false, error: errorInfo(e as D0Error) };
    throw e;
  }
}

function errorInfo(e: D0Error): ErrorInfo {
  return {
    code: e.code,
    message: e.reason,
    offset: e.offset,
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.actual !== undefined ? { actual: e.actual } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
  };
}

export const d0Entry: ProtocolEntry = { name: "d0", claims, claimsText, textBytes, decode };
