/**
 * EN 13757-7:2018 clause 7 (transport layer) as used by EN 13757-4 and OMS Vol. 2 clause 7.2: the CI
 * fields of the transport layer (table 2 of EN 13757-7) and their headers.
 *   0x78 / 0x79: no header (full / compact application data)
 *   0x7A / 0x7B: short header: access number, status, configuration field (full / compact data)
 *   0x72 / 0x73: long header: identification number (4), manufacturer (2), version, device type,
 *     access number, status, configuration field (full / compact data)
 *   0x70 application error, 0x6F/0x6E/0x6D... are not carried by meters to receivers in the corpus.
 * A compact frame's data starts with the format signature and the full-frame CRC (compact.ts).
 */
import { type LinkAddress, readAddress } from "../link/address";
import { type ConfigField, needsExtension, readConfig } from "./config";

export type TplKind = "none" | "short" | "long";

export interface TplLayout {
  kind: TplKind;
  compact: boolean;
}

/** EN 13757-7 table 2, the response CIs a meter sends. */
export const TPL_CI: Readonly<Record<number, TplLayout>> = {
  120: { kind: "none", compact: false },
  121: { kind: "none", compact: true },
  122: { kind: "short", compact: false },
  123: { kind: "short", compact: true },
  114: { kind: "long", compact: false },
  // 0x73 is listed as long header + compact data, yet meters (Engelmann FAW) send full records after it
  115: { kind: "long", compact: false },
};

export interface TplHeader {
  ci: number;
  kind: TplKind;
  compact: boolean;
  /** The long header's address (EN 13757-7 clause 7.5.2), in link-layer field order M then A. */
  address: LinkAddress | null;
  /** The long header's raw address bytes M(2) ID(4) version type, for the mode 5 IV. */
  addressBytes: Uint8Array | null;
  accessNumber: number | null;
  status: number | null;
  config: ConfigField | null;
  /** Offset of the first byte after the header (where encryption starts). */
  end: number;
}

/** Bytes the header after the CI takes, the configuration field extension included. */
export function headerLength(b: Uint8Array, ci: number, at: number): number {
  const layout = TPL_CI[ci]!;
  if (layout.kind === "none") return 0;
  const base = layout.kind === "short" ? 2 : 10;
  if (at + base + 2 > b.length) return base + 2;
  return base + (needsExtension(b, at + base) ? 3 : 2);
}

/** Caller guarantees headerLength bytes after the CI at `at - 1`. */
export function readTpl(b: Uint8Array, ci: number, at: number): TplHeader {
  const layout = TPL_CI[ci]!;
  if (layout.kind === "none") {
    return {
      ci,
      ...layout,
      address: null,
      addressBytes: null,
      accessNumber: null,
      status: null,
      config: null,
      end: at,
    };
  }
  let p = at;
  let address: LinkAddress | null = null;
  let addressBytes: Uint8Array | null = null;
  if (layout.kind === "long") {
    // clause 7.5.2: ID, then manufacturer, version, device type; reordered to the link layer's M A order
    addressBytes = new Uint8Array([
      b[p + 4]!,
      b[p + 5]!,
      b[p]!,
      b[p + 1]!,
      b[p + 2]!,
      b[p + 3]!,
      b[p + 6]!,
      b[p + 7]!,
    ]);
    address = readAddress(addressBytes, 0);
    p += 8;
  }
  const config = readConfig(b, p + 2);
  return {
    ci,
    ...layout,
    address,
    addressBytes,
    accessNumber: b[p]!,
    status: b[p + 1]!,
    config,
    end: p + 2 + config.length,
  };
}
