/**
 * Builds wireless M-Bus telegrams from typed data (for round-trip tests and the simulator): link layer
 * (EN 13757-4 clause 12), optional ELL (clause 13.2, CI 0x8C or 0x8D with AES-CTR), AFL with message
 * counter and CMAC for security mode 7 (EN 13757-7 clause 6, OMS Vol. 2 clause 9.3), the transport
 * layer short or long header (EN 13757-7 clause 7) with OMS security mode 0, 5 or 7, and EN 13757-3
 * records encoded by @omdp/mbus. Invalid specifications throw a WmbusError (programming errors).
 */
import { encodeRecord, manufacturerCode, type RecordSpec } from "@omdp/mbus";
import { ellIv } from "./ell/ell";
import { WmbusError } from "./errors";
import { addCrcsA, addCrcsB, type FrameFormat } from "./link/blocks";
import { crc16 } from "./link/crc";
import { cbcEncrypt, ctr } from "./security/aes";
import { cmac } from "./security/cmac";
import { DC_ENC_FROM_METER, DC_MAC_FROM_METER, deriveKey } from "./security/kdf";
import { mode5Iv } from "./security/tpl";
import { configFor } from "./tpl/config";

export interface WmbusSpec {
  /** C-field, default 0x44 (SND-NR). */
  c?: number;
  manufacturer: string;
  /** 8 digits (BCD) as printed. */
  id: string;
  version: number;
  deviceType: number;
  /** ELL: CI 0x8C (no encryption) or 0x8D (session number; AES-CTR when `encrypt`). */
  ell?: { ci: 0x8c | 0x8d; cc: number; accessNumber: number; sessionNumber?: number; encrypt?: boolean };
  /** Transport layer: CI 0x7A short, 0x72 long, 0x78 none, or a manufacturer CI (0xA0-0xB7). */
  ci: number;
  accessNumber?: number;
  status?: number;
  /** OMS security mode: 0 (default), 5 or 7 (mode 7 adds an AFL with `messageCounter` and a CMAC). */
  mode?: 0 | 5 | 7;
  key?: Uint8Array;
  messageCounter?: number;
  /** Records (EN 13757-3) or raw application bytes. */
  records?: readonly RecordSpec[];
  payload?: Uint8Array;
  /** Wire form: CRCs added in frame format A (default) or B, or none (as most receivers hand over). */
  format?: FrameFormat;
  crc?: boolean;
}

function bad(message: string, field: string): WmbusError {
  return new WmbusError("ENCODE", message, { offset: 0, field });
}

function idBytes(id: string): number[] {
  if (!/^[0-9a-fA-F]{8}$/.test(id)) throw bad(`id ${id} is not 8 digits`, "id");
  const out: number[] = [];
  for (let i = 3; i >= 0; i--) out.push(Number.parseInt(id.slice(i * 2, i * 2 + 2), 16));
  return out;
}

function concat(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The application data: records or payload, with the 2F 2F check and 2F padding when encrypted. */
function appData(spec: WmbusSpec, mode: number): Uint8Array {
  const body = spec.payload ?? concat((spec.records ?? []).map((r) => encodeRecord(r)));
  if (mode === 0) return body;
  const withCheck = concat([[0x2f, 0x2f], body]);
  const padded = new Uint8Array(Math.ceil(withCheck.length / 16) * 16).fill(0x2f);
  padded.set(withCheck);
  if (padded.length > 15 * 16)
    throw bad(`${padded.length} bytes exceed the 15 encrypted blocks of the configuration field`, "records");
  return padded;
}

/** The telegram's bytes (L-field on). */
export function encodeWmbus(spec: WmbusSpec): Uint8Array {
  const mode = spec.mode ?? 0;
  if (mode !== 0 && spec.key === undefined) throw bad(`security mode ${mode} needs a key`, "key");
  if (mode === 7 && spec.messageCounter === undefined)
    throw bad("security mode 7 needs a message counter", "messageCounter");
  const m = manufacturerCode(spec.manufacturer);
  const ma = concat([[m & 0xff, m >> 8], idBytes(spec.id), [spec.version & 0xff, spec.deviceType & 0xff]]);
  const acc = spec.accessNumber ?? 0;
  const data = appData(spec, mode);
  const blocks = mode === 0 ? 0 : data.length / 16;
  // transport layer header (EN 13757-7 clause 7.5)
  let tpl: Uint8Array;
  if (spec.ci === 0x7a || spec.ci === 0x72) {
    const cfg = configFor(mode, blocks);
    const cfgBytes = mode === 7 ? [cfg & 0xff, cfg >> 8, 0x10] : [cfg & 0xff, cfg >> 8];
    const address = spec.ci === 0x72 ? [...ma.subarray(2, 6), ma[0]!, ma[1]!, ma[6]!, ma[7]!] : [];
    tpl = concat([[spec.ci], address, [acc, spec.status ?? 0], cfgBytes]);
  } else if (spec.ci === 0x78 || (spec.ci >= 0xa0 && spec.ci <= 0xb7)) {
    if (mode !== 0)
      throw bad(`CI 0x${spec.ci.toString(16)} has no configuration field for security mode ${mode}`, "mode");
    tpl = Uint8Array.of(spec.ci);
  } else throw bad(`CI 0x${spec.ci.toString(16)} is not encodable`, "ci");
  let secured = data;
  let key = spec.key;
  // the long header carries the same meter address as the link layer here, so the IV is the same
  if (mode === 5) secured = cbcEncrypt(key!, mode5Iv(ma, acc), data);
  if (mode === 7) {
    key = deriveKey(spec.key!, DC_ENC_FROM_METER, spec.messageCounter!, ma.subarray(2, 6));
    secured = cbcEncrypt(key, new Uint8Array(16), data);
  }
  let upper = concat([tpl, secured]);
  if (mode === 7) {
    // AFL (EN 13757-7 clause 6): FCL = MCLP | MCRP | MACP, MCL = MCMP | AT 5 (CMAC, 8 bytes)
    const c = spec.messageCounter! >>> 0;
    const mcl = 0x25;
    const mcr = [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, c >>> 24];
    const kmac = deriveKey(spec.key!, DC_MAC_FROM_METER, c, ma.subarray(2, 6));
    const mac = cmac(kmac, concat([[mcl], mcr, upper])).subarray(0, 8);
    upper = concat([[0x90, 0x0f, 0x00, 0x2c, mcl], mcr, mac, upper]);
  }
  let ell: Uint8Array = new Uint8Array(0);
  if (spec.ell !== undefined) {
    const e = spec.ell;
    if (e.ci === 0x8c) ell = Uint8Array.of(0x8c, e.cc, e.accessNumber);
    else {
      const sn = ((e.sessionNumber ?? 0) & 0x1fffffff) | (e.encrypt ? 0x20000000 : 0);
      const crc = crc16(upper);
      const tail = concat([[crc & 0xff, crc >> 8], upper]);
      if (e.encrypt && spec.key === undefined) throw bad("ELL encryption needs a key", "key");
      const enc = e.encrypt ? ctr(spec.key!, ellIv(ma, e.cc, sn >>> 0), tail) : tail;
      ell = concat([
        [0x8d, e.cc, e.accessNumber, sn & 0xff, (sn >>> 8) & 0xff, (sn >>> 16) & 0xff, sn >>> 24],
      ]);
      upper = enc;
    }
  }
  const body = concat([[0, spec.c ?? 0x44], ma, ell, upper]);
  if (body.length > 256) throw bad(`telegram of ${body.length} bytes exceeds L 255`, "L");
  body[0] = body.length - 1;
  if (spec.crc === false) return body;
  return spec.format === "B" ? addCrcsB(body) : addCrcsA(body);
}
