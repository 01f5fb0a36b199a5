/**
 * Wireless M-Bus (EN 13757-4 / OMS, through @omdp/wmbus) for `omdp decode`. Detection rule (auto): the
 * L-field fits the length (without CRCs, or with format A CRCs), the C-field is one a meter sends
 * (SND-NR 0x44, SND-IR 0x46, ACC-NR 0x47, ACC-DMD 0x48, RSP-UD 0x08) and the CI after the address is
 * a wM-Bus link or transport CI. A wired long frame (68 L L 68) is never claimed. `--protocol wmbus`
 * forces it. Keys: `--key HEX` for every meter, `--keys FILE` by meter id.
 */
import { decodeWmbus, ELL_LENGTH, type KeyLookup, TPL_CI, wireLengthA } from "@omdp/wmbus";
import { keysOf } from "./keys-file";
import type { DocOutcome, ProtocolEntry, ProtocolOptions } from "./types";
import { wmbusDocument, wmbusErrorInfo } from "./wmbus-doc";

const C_FROM_METER = new Set([0x44, 0x46, 0x47, 0x48, 0x08]);

function knownCi(ci: number | undefined): boolean {
  if (ci === undefined) return false;
  return (
    TPL_CI[ci] !== undefined || ELL_LENGTH[ci] !== undefined || ci === 0x90 || (ci >= 0xa0 && ci <= 0xb7)
  );
}

function claims(b: Uint8Array): boolean {
  if (b.length < 11) return false;
  if (b[0] === 0x68 && b[3] === 0x68) return false; // wired M-Bus long frame
  if (!C_FROM_METER.has(b[1]!)) return false;
  const l = b[0]!;
  if (b.length === l + 1) return knownCi(b[10]);
  if (b.length === wireLengthA(l)) return knownCi(b[12]);
  return false;
}

function keyLookup(o: ProtocolOptions): KeyLookup | Uint8Array | undefined {
  const table = o.keys;
  if (table === undefined) return o.key?.length === 16 ? o.key : undefined;
  return (id) => keysOf(table, [id])?.key ?? (o.key?.length === 16 ? o.key : undefined);
}

function decode(b: Uint8Array, o: ProtocolOptions): DocOutcome {
  const key = keyLookup(o);
  const r = decodeWmbus(b, key === undefined ? {} : { key });
  if (!r.ok) return { ok: false, error: wmbusErrorInfo(r.error) };
  return { ok: true, doc: wmbusDocument(r.value) };
}

export const wmbusEntry: ProtocolEntry = { name: "wmbus", claims, decode };
