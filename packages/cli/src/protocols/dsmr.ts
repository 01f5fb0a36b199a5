/**
 * DSMR P1 (through @omdp/dsmr) for `omdp decode`. Detection rule (auto):
 * - a plain telegram starts with `/` (0x2F; hex `2F`), which no M-Bus frame (68, 10, E5), HDLC frame (7E)
 *   or DLMS APDU tag starts with; an IEC 62056-21 (D0) readout also starts with `/` but follows its
 *   identification line with STX (0x02), which a P1 telegram never does, so that is left to D0;
 * - a Luxembourg Smarty frame is, byte for byte, a DLMS general-glo-ciphering APDU (DB 08 title 82 len 30
 *   counter ciphertext tag): only the plaintext tells them apart. With `--key`, a frame of the exact
 *   Smarty layout (title length 8, two-byte length 0x82 that ends the frame, security byte 0x30) whose
 *   plaintext starts with `/` is DSMR; every other 0xDB frame stays DLMS, and so does a Smarty frame
 *   without a key (DLMS reports KEY_MISSING). `--protocol dsmr` forces DSMR (KEY_REQUIRED without a key).
 * Keys of a Smarty frame (smartyKeys): `--keys FILE` by the reader's rule (packages/reader dsmrPipeline:
 * the meter id from the system title, FLAG letters + serial hex, then the title hex), else `--key` and
 * `--auth-key`. With `--keys`, a frame of the Smarty layout for which neither gives a key is claimed and
 * refused as KEY_MISSING naming the meter and its title (no DLMS path could read it either: DLMS reads
 * `--key` alone).
 */
import { decipher, meterIdFromSystemTitle, readCiphered, toHex } from "@omdp/dlms";
import { type DsmrError, isSmartyFrame, parseSmartyFrame, tryDecodeP1 } from "@omdp/dsmr";
import { dsmrDocument } from "./dsmr-doc";
import { keysOf, type MeterKeys } from "./keys-file";
import type { DocOutcome, ErrorInfo, ProtocolEntry, ProtocolOptions } from "./types";

const SLASH = 0x2f;
const STX = 0x02;

function claims(b: Uint8Array, o: ProtocolOptions): boolean {
  if (b[0] === SLASH) return !stxAfterIdentification(b);
  if (!hasSmartyLayout(b)) return false;
  const keys = smartyKeys(b, o);
  if (keys === undefined) return o.keys !== undefined;
  return plaintextStartsWithSlash(b, keys.key);
}

/** The Smarty frame's keys: from `--keys` by meter id then title hex (the reader's rule), else `--key`. */
function smartyKeys(b: Uint8Array, o: ProtocolOptions): MeterKeys | undefined {
  const fromFile = o.keys && b.length >= 10 ? keysOf(o.keys, smartyIds(b)) : undefined;
  if (fromFile) return fromFile;
  return o.key ? { key: o.key, ...(o.authKey ? { authKey: o.authKey } : {}) } : undefined;
}

/** The names a keys file may give a Smarty meter: the reader's meter id, then the system title hex. */
function smartyIds(b: Uint8Array): [string, string] {
  const title = b.subarray(2, 10);
  return [meterIdFromSystemTitle(title), toHex(title).toUpperCase()];
}

/** The byte after the first line end (CR LF) is STX in a D0 readout (IEC 62056-21 §6.3.2), never in P1. */
function stxAfterIdentification(b: Uint8Array): boolean {
  const lf = b.indexOf(0x0a);
  return lf >= 0 && b[lf + 1] === STX;
}

/** Smarty P1 specification v1.1.3 §3.2.5: DB | 08 | title (8) | 82 | length (2) | 30 | ..., length ends the frame. */
function hasSmartyLayout(b: Uint8Array): boolean {
  return (
    b.length >= 18 &&
    b[0] === 0xdb &&
    b[1] === 8 &&
    b[10] === 0x82 &&
    b[13] === 0x30 &&
    13 + ((b[11]! << 8) | b[12]!) === b.length
  );
}

/**
 * The plaintext's first byte, by the DLMS package's decipher without a tag check (the Smarty tag check
 * happens when decoding). The layout checked above is one that readCiphered and decipher accept; should
 * they refuse it anyway, the frame is not shown to be Smarty and the DLMS path reports their typed error.
 */
function plaintextStartsWithSlash(b: Uint8Array, key: Uint8Array): boolean {
  if (key.length !== 16) return false;
  try {
    return decipher(readCiphered(b, 0), { key }).plaintext[0] === SLASH;
  } catch {
    return false;
  }
}

function claimsText(text: string): boolean {
  return text.trimStart().startsWith("/");
}

/**
 * A pasted telegram to its bytes: from the `/` on, as Latin-1. P1 ends every line with CR LF and the CRC
 * covers them; terminals and editors often keep the LF alone, so text without any CR gets CR LF back.
 */
function textBytes(text: string): Uint8Array {
  const t = text.trimStart();
  return new Uint8Array(Buffer.from(t.includes("\r") ? t : t.replace(/\n/g, "\r\n"), "latin1"));
}

function decode(b: Uint8Array, o: ProtocolOptions): DocOutcome {
  const smarty = isSmartyFrame(b);
  const keys = smarty ? smartyKeys(b, o) : undefined;
  if (smarty && keys === undefined && o.keys !== undefined && b.length >= 10)
    return keyMissing(b, o.keys.path);
  const r = tryDecodeP1(b, keys ? { keys } : {});
  if (!r.ok) return { ok: false, error: errorInfo(r.error) };
  const frame = smarty ? parseSmartyFrame(b) : undefined;
  return { ok: true, doc: dsmrDocument(r.value, frame, o) };
}

/** A Smarty frame whose meter neither `--keys` nor `--key` serves; names the meter and title, never a key. */
function keyMissing(b: Uint8Array, path: string): DocOutcome {
  const [id, title] = smartyIds(b);
  return {
    ok: false,
    error: {
      code: "KEY_MISSING",
      message: `no key for Smarty meter ${id} (system title ${title}) in --keys ${path}, and no --key`,
      offset: 2,
      field: "key",
      actual: title,
    },
  };
}

function errorInfo(e: DsmrError): ErrorInfo {
  return {
    code: e.code,
    message: e.reason,
    offset: e.offset,
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.actual !== undefined ? { actual: e.actual } : {}),
    ...(e.field !== undefined ? { field: e.field } : {}),
  };
}

export const dsmrEntry: ProtocolEntry = { name: "dsmr", claims, claimsText, textBytes, decode };
