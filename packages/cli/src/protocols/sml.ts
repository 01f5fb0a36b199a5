/**
 * SML 1.04 (through @omdp/sml) for `omdp decode`. Detection rule (auto): the transport's start escape
 * `1B 1B 1B 1B 01 01 01 01` (SML 1.04 §8.1), which no M-Bus frame (68, 10, E5), HDLC frame (7E), DLMS
 * APDU tag or P1 telegram (2F) starts with. `--protocol sml` forces it.
 * The file CRC is always checked (FILE_CRC_MISMATCH with both values); message CRCs are decoded with
 * messageCrc "report": a mismatch does not hide the values but is listed under `crc.messages` and
 * makes `crc.ok` false (anonymised dumps often keep a redone file CRC over edited messages).
 */
import { tryDecodeSml } from "@omdp/sml";
import { smlDocument, smlErrorInfo } from "./sml-doc";
import type { DocOutcome, ProtocolEntry, ProtocolOptions } from "./types";

const START = [0x1b, 0x1b, 0x1b, 0x1b, 0x01, 0x01, 0x01, 0x01];

function claims(b: Uint8Array): boolean {
  return b.length >= START.length && START.every((x, i) => b[i] === x);
}

function decode(b: Uint8Array, o: ProtocolOptions): DocOutcome {
  const r = tryDecodeSml(b, { messageCrc: "report" });
  if (!r.ok) return { ok: false, error: smlErrorInfo(r.error) };
  return { ok: true, doc: smlDocument(r.value, b, o) };
}

export const smlEntry: ProtocolEntry = { name: "sml", claims, decode };
