/**
 * Master-side request builders (EN 13757-2 clause 5.5; EN 13757-3 clause 6 / annex for addressing):
 * SND_NKE, REQ_UD2 with FCB toggling, SND_UD, and secondary addressing (selection by id with wildcards).
 */
import { manufacturerCode, manufacturerLetters } from "../app/manufacturer";
import { MbusError } from "../errors";
import { ADDRESS, C } from "./control";
import { encodeFrame, type Frame } from "./frame";

/** CI codes the master sends (EN 13757-3 table 2). */
export const MASTER_CI = {
  DATA_SEND: 0x51,
  SELECT_SECONDARY: 0x52,
  APPLICATION_RESET: 0x50,
  DATA_SEND_MSB: 0x55,
  SELECT_SECONDARY_MSB: 0x56,
} as const;

/** SND_NKE: link reset / deselect (EN 13757-2 clause 5.5). */
export function sndNke(address: number): Frame {
  return { kind: "short", control: C.SND_NKE, address };
}

/** REQ_UD2: request class 2 data; `fcb` toggles between successive requests to the same slave. */
export function reqUd2(address: number, fcb = false): Frame {
  return { kind: "short", control: fcb ? C.REQ_UD2_FCB : C.REQ_UD2, address };
}

/** REQ_UD1: request class 1 (alarm) data. */
export function reqUd1(address: number, fcb = false): Frame {
  return { kind: "short", control: fcb ? C.REQ_UD1_FCB : C.REQ_UD1, address };
}

/** SND_UD: send user data to a slave. */
export function sndUd(address: number, ci: number, data: Uint8Array, fcb = false): Frame {
  return { kind: "long", control: fcb ? C.SND_UD_FCB : C.SND_UD, address, ci, data };
}

/**
 * Frame-count-bit bookkeeping per primary address (EN 13757-2 clause 5.5.2): after SND_NKE the next
 * REQ_UD2 carries FCB=1 (the slave expects a toggle), and each answered request toggles the bit. A
 * request that got no answer is repeated with the same FCB.
 */
export class FcbTracker {
  private readonly next = new Map<number, boolean>();
  /** Call after SND_NKE to `address`. */
  reset(address: number): void {
    this.next.set(address, true);
  }
  /** The FCB to send with the next request to `address`. */
  peek(address: number): boolean {
    return this.next.get(address) ?? true;
  }
  /** Call when the slave answered: the following request toggles the bit. */
  answered(address: number): void {
    this.next.set(address, !this.peek(address));
  }
  /** Builds the next REQ_UD2 for `address` (does not toggle; call answered() on a reply). */
  reqUd2(address: number): Frame {
    return reqUd2(address, this.peek(address));
  }
}

/** Secondary address pattern; omitted fields and `F` digits are wildcards. */
export interface SecondaryPattern {
  /** 8 BCD digits, most significant first; `F`/`f` (or `?`) digits match anything. */
  id?: string;
  /** Three letters, e.g. "KAM"; omitted = any. */
  manufacturer?: string;
  version?: number;
  /** Medium code (EN 13757-3 table 3). */
  medium?: number;
}

/** What a slave's header reports, for matching (the decoded long header has these fields). */
export interface SecondaryIdentity {
  id: string;
  manufacturer: string;
  version: number;
  medium: number | { code: number };
}

function normaliseIdPattern(id: string | undefined): string {
  const s = (id ?? "FFFFFFFF").toUpperCase().replace(/\?/g, "F");
  if (!/^[0-9F]{1,8}$/.test(s))
    throw new MbusError("ENCODE", "secondary id must be up to 8 digits or F wildcards", {
      offset: 0,
      field: "id",
      actual: id ?? "",
    });
  return s.padStart(8, "0");
}

/**
 * SND_UD with CI 0x52 to address 0xFD (EN 13757-3 clause 11 / secondary addressing): id as 4 BCD bytes
 * least significant first with 0xF nibbles as wildcards, manufacturer (0xFFFF = any), version and
 * medium (0xFF = any).
 */
export function selectSecondary(pattern: SecondaryPattern = {}): Frame {
  const id = normaliseIdPattern(pattern.id);
  const data = new Uint8Array(8);
  for (let i = 0; i < 4; i++) {
    const hi = id.charCodeAt(6 - 2 * i);
    const lo = id.charCodeAt(7 - 2 * i);
    data[i] = (nibble(hi) << 4) | nibble(lo);
  }
  const man = pattern.manufacturer === undefined ? 0xffff : manufacturerCode(pattern.manufacturer);
  data[4] = man & 0xff;
  data[5] = man >> 8;
  data[6] = pattern.version ?? 0xff;
  data[7] = pattern.medium ?? 0xff;
  return {
    kind: "long",
    control: C.SND_UD,
    address: ADDRESS.NETWORK_LAYER,
    ci: MASTER_CI.SELECT_SECONDARY,
    data,
  };
}

function nibble(ch: number): number {
  return ch === 0x46 ? 0xf : ch - 0x30;
}

/** True when `identity` matches the wildcard pattern (how a slave decides to answer a selection). */
export function matchesSecondary(pattern: SecondaryPattern, identity: SecondaryIdentity): boolean {
  const p = normaliseIdPattern(pattern.id);
  const id = identity.id.toUpperCase().padStart(8, "0");
  if (id.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const c = p[i]!;
    if (c !== "F" && c !== id[i]) return false;
  }
  if (
    pattern.manufacturer !== undefined &&
    pattern.manufacturer.toUpperCase() !== identity.manufacturer.toUpperCase()
  )
    return false;
  if (pattern.version !== undefined && pattern.version !== 0xff && pattern.version !== identity.version)
    return false;
  const medium = typeof identity.medium === "number" ? identity.medium : identity.medium.code;
  if (pattern.medium !== undefined && pattern.medium !== 0xff && pattern.medium !== medium) return false;
  return true;
}

/** Parses the 8 data bytes of a CI 0x52 selection back into a pattern (the slave side). */
export function parseSelection(data: Uint8Array): SecondaryPattern | undefined {
  if (data.length < 8) return undefined;
  let id = "";
  for (let i = 3; i >= 0; i--) {
    const b = data[i]!;
    id += nibbleChar(b >> 4) + nibbleChar(b & 0xf);
  }
  const man = data[4]! | (data[5]! << 8);
  const pattern: SecondaryPattern = { id };
  if (man !== 0xffff) pattern.manufacturer = manufacturerLetters(man);
  if (data[6] !== 0xff) pattern.version = data[6]!;
  if (data[7] !== 0xff) pattern.medium = data[7]!;
  return pattern;
}

function nibbleChar(n: number): string {
  return n === 0xf ? "F" : n.toString(16).toUpperCase();
}

/** Encodes a master request to bytes. */
export function encodeRequest(frame: Frame): Uint8Array {
  return encodeFrame(frame);
}
