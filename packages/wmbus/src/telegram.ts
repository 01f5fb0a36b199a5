/**
 * A wireless M-Bus telegram from bytes to records: link layer (link/), then the CI chain of EN 13757-4
 * clause 13 and EN 13757-7: ELL (0x8C-0x8F, session decryption), AFL (0x90), the transport layer
 * (0x72/0x73/0x78/0x79/0x7A/0x7B, OMS security modes 5 and 7), and the EN 13757-3 records of
 * @omdp/mbus. Manufacturer CIs (0xA0-0xB7) hand their payload to the drivers. Every failure is a typed
 * error (errors.ts); keys are looked up by the meter's 8-digit id and never printed.
 */
import {
  type DataRecord,
  decodeRecords,
  type LongHeader,
  mediumName,
  parseHex,
  type RecordError,
  statusFlags,
} from "@omdp/mbus";
import { AFL_CI, type Afl, readAfl } from "./afl/afl";
import { expand, FormatCache } from "./app/compact";
import { descramblePrios, PRIOS_MANUFACTURERS } from "./app/prios";
import { KNOWN_FORMATS } from "./drivers/formats";
import { decryptEll, ELL_LENGTH, type Ell, readEll } from "./ell/ell";
import { fail, hex2, ok, type WmbusError, type WmbusResult } from "./errors";
import { type LinkAddress, type LinkHeader, readLinkHeader } from "./link/address";
import { type BlockOptions, type FrameFormat, readBlocks } from "./link/blocks";
import { decryptTpl, type Encryption } from "./security/tpl";
import { headerLength, readTpl, TPL_CI, type TplHeader } from "./tpl/header";

/** A key for a meter id (8 digits as printed), or undefined. */
export type KeyLookup = (id: string) => Uint8Array | undefined;

export interface WmbusDecodeOptions extends BlockOptions {
  /** The meter key, or a lookup by meter id. */
  key?: Uint8Array | KeyLookup;
  /** Record layouts of compact frames (learned from full frames as they are decoded). */
  formats?: FormatCache;
}

export interface WmbusTelegram {
  format: FrameFormat;
  crc: boolean;
  link: LinkHeader;
  ell: Ell | null;
  afl: Afl | null;
  tpl: TplHeader | null;
  /** The CI of the application data (the last CI of the chain). */
  ci: number;
  /** The meter's identity: the long header's address where there is one, else the link layer's. */
  meter: LinkAddress;
  /** How the payload was protected: by the ELL and by the transport layer. */
  encryption: { ell: Encryption; tpl: Encryption };
  /** EN 13757-3 long header equivalent (meter identity + TPL access number, status, configuration). */
  header: LongHeader;
  records: DataRecord[];
  recordErrors: RecordError[];
  /**
   * Bytes after a 0x0F/0x1F DIF, or the payload after a manufacturer CI (0xA0-0xB7): for Diehl PRIOS
   * (`prios`), the descrambled payload from frame byte 15 on (check byte 0x4B first).
   */
  manufacturerData: Uint8Array | null;
  prios?: boolean;
  /** The frame without CRCs, decrypted (offsets of records and errors point into it). */
  bytes: Uint8Array;
  /** Offset of the application data (after the last header) in `bytes`. */
  dataOffset: number;
}

const SHARED_FORMATS = new FormatCache();

/** The layouts the drivers know (drivers/formats.ts), for compact frames before any full frame. */
const KNOWN = (() => {
  const c = new FormatCache();
  for (const headers of Object.values(KNOWN_FORMATS)) c.learnHeaders(Buffer.from(headers, "hex"));
  return c;
})();

function keyFor(opts: WmbusDecodeOptions, id: string): Uint8Array | undefined {
  const k = opts.key;
  if (k === undefined) return undefined;
  return typeof k === "function" ? k(id) : k;
}

function isManufacturerCi(ci: number): boolean {
  return ci >= 0xa0 && ci <= 0xb7;
}

function headerOf(meter: LinkAddress, tpl: TplHeader | null, ell: Ell | null): LongHeader {
  const status = tpl?.status ?? 0;
  return {
    kind: "long",
    id: meter.id,
    manufacturer: meter.manufacturer,
    manufacturerCode: meter.manufacturerCode,
    version: meter.version,
    medium: { code: meter.deviceType, name: mediumName(meter.deviceType) },
    accessNumber: tpl?.accessNumber ?? ell?.accessNumber ?? 0,
    status,
    statusFlags: statusFlags(status),
    signature: tpl?.config?.raw ?? 0,
  };
}

/** Decodes one frame (L-field on, with or without CRCs). */
export function decodeWmbus(input: Uint8Array, opts: WmbusDecodeOptions = {}): WmbusResult<WmbusTelegram> {
  const blocks = readBlocks(input, opts);
  if (!blocks.ok) return blocks;
  let b = blocks.value.data;
  const link = readLinkHeader(b);
  const linkMa = b.subarray(2, 10);
  let meter: LinkAddress = {
    id: link.id,
    manufacturer: link.manufacturer,
    manufacturerCode: link.manufacturerCode,
    version: link.version,
    deviceType: link.deviceType,
    deviceTypeName: link.deviceTypeName,
  };
  let ell: Ell | null = null;
  let afl: Afl | null = null;
  let ellEnc: Encryption = "none";
  let p = 10;
  let ci = b[p]!;
  // EN 13757-4 clause 13.2: the ELL, with its session encryption
  if (ELL_LENGTH[ci] !== undefined) {
    const e = readEll(b, ci, p + 1);
    if (!e.ok) return e;
    ell = e.value;
    if (ell.address !== null) meter = ell.address;
    if (ell.encryption === 1) {
      const ma = ell.address === null ? linkMa : b.subarray(p + 3, p + 11);
      const d = decryptEll(b, ell, ma, keyFor(opts, meter.id));
      if (!d.ok) return d;
      ellEnc = d.value === b ? "alreadyDecrypted" : "decrypted";
      b = d.value;
    } else if (ell.encryption !== 0) {
      return fail(
        "UNSUPPORTED_SECURITY",
        `ELL encryption ${ell.encryption} is not defined (0 none, 1 AES-CTR)`,
        {
          offset: p + 1,
          actual: ell.encryption,
          field: "ELL SN ENC",
        },
      );
    }
    p = ell.end;
    if (p >= b.length) return endsAfter("ELL", p);
    ci = b[p]!;
  }
  // EN 13757-7 clause 6: the AFL
  if (ci === AFL_CI) {
    const a = readAfl(b, p + 1);
    if (!a.ok) return a;
    afl = a.value;
    if (afl.moreFragments || afl.fragmentId > 1) {
      return fail(
        "FRAGMENTED",
        `AFL fragment ${afl.fragmentId} (more follow: ${afl.moreFragments}) needs reassembly`,
        {
          offset: p + 1,
          field: "AFL.FCL",
        },
      );
    }
    p = afl.end;
    if (p >= b.length) return endsAfter("AFL", p);
    ci = b[p]!;
  }
  let tpl: TplHeader | null = null;
  let tplEnc: Encryption = "none";
  const framed = b;
  if (TPL_CI[ci] !== undefined) {
    const n = headerLength(b, ci, p + 1);
    if (p + 1 + n > b.length) {
      return fail("HEADER_TOO_SHORT", `CI ${hex2(ci)} needs a ${n}-byte header`, {
        offset: p + 1,
        expected: n,
        actual: b.length - p - 1,
        field: "TPL header",
      });
    }
    tpl = readTpl(b, ci, p + 1);
    if (tpl.address !== null) meter = tpl.address;
    const d = decryptTpl(b, tpl, { linkAddress: linkMa, afl, frame: framed, key: keyFor(opts, meter.id) });
    if (!d.ok) return d;
    b = d.value.bytes;
    tplEnc = d.value.encryption;
    p = tpl.end;
  } else if (isManufacturerCi(ci)) {
    p += 1;
  } else {
    return fail("UNSUPPORTED_CI", `CI ${hex2(ci)} is not a wM-Bus transport or link CI`, {
      offset: p,
      actual: hex2(ci),
      field: "CI",
    });
  }
  const base: Omit<WmbusTelegram, "records" | "recordErrors" | "manufacturerData"> = {
    format: blocks.value.format,
    crc: blocks.value.crc,
    link,
    ell,
    afl,
    tpl,
    ci,
    meter,
    encryption: { ell: ellEnc, tpl: tplEnc },
    header: headerOf(meter, tpl, ell),
    bytes: b,
    dataOffset: p,
  };
  if (isManufacturerCi(ci)) {
    // Diehl's PRIOS-scrambled payload: descrambled with the public default keys where they fit
    const plain = PRIOS_MANUFACTURERS.has(meter.manufacturer) ? descramblePrios(b) : null;
    return ok({
      ...base,
      records: [],
      recordErrors: [],
      manufacturerData: plain ?? b.subarray(p),
      prios: plain !== null,
    });
  }
  return records(base, b, p, opts.formats ?? SHARED_FORMATS);
}

function endsAfter(layer: string, at: number): WmbusResult<never> {
  return fail("TRUNCATED", `the frame ends after the ${layer}`, { offset: at, field: "CI" });
}

function records(
  base: Omit<WmbusTelegram, "records" | "recordErrors" | "manufacturerData">,
  b: Uint8Array,
  p: number,
  formats: FormatCache,
): WmbusResult<WmbusTelegram> {
  let data = b;
  let from = p;
  if (base.tpl?.compact) {
    // EN 13757-3 Annex G: format signature and full-frame CRC, then the data without headers
    if (p + 4 > b.length)
      return fail("HEADER_TOO_SHORT", "compact frame without its signature", {
        offset: p,
        field: "format signature",
      });
    const signature = b[p]! | (b[p + 1]! << 8);
    const layout = formats.get(signature) ?? KNOWN.get(signature);
    const full = layout === undefined ? null : expand(layout, b, p + 4, b.length);
    if (full === null) {
      return fail(
        "UNKNOWN_FORMAT",
        `compact frame with format signature 0x${signature.toString(16).padStart(4, "0")} and no known layout`,
        {
          offset: p,
          actual: signature,
          field: "format signature",
        },
      );
    }
    data = full;
    from = 0;
  } else {
    formats.learn(b, p, b.length);
  }
  const r = decodeRecords(data, from, data.length, 0);
  if (!r.ok)
    return fail("RECORDS", r.error.reason, { offset: r.error.offset, field: r.error.field ?? "record" });
  // a layout that is no EN 13757-3 records at all (e.g. Engelmann's after CI 0x73): the bytes after the
  // fillers go to the drivers as manufacturer data
  const unreadable = r.value.records.length === 0 && r.value.recordErrors.length > 0;
  const skip = unreadable ? r.value.recordErrors[0]!.offset : 0;
  return ok({
    ...base,
    records: r.value.records,
    recordErrors: r.value.recordErrors,
    manufacturerData: unreadable ? data.subarray(skip) : r.value.manufacturerData,
  });
}

/** decodeWmbus over hex text (spaces allowed). */
export function decodeWmbusHex(hex: string, opts: WmbusDecodeOptions = {}): WmbusResult<WmbusTelegram> {
  const bytes = parseHex(hex);
  if (!bytes.ok) return fail("BAD_HEX", bytes.error.reason, { offset: bytes.error.offset, field: "hex" });
  return decodeWmbus(bytes.value, opts);
}

export type { WmbusError };
