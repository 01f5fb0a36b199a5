/**
 * EN 13757-7:2018 clause 6 / OMS Vol. 2 clause 7.3: the authentication and fragmentation layer
 * (AFL, CI 0x90): AFLL, FCL (2), then MCL (1), KI (2), MCR (4), MAC (n), ML (2) where FCL says so.
 *   FCL (clause 6.3.2): bit 14 MF more fragments, 13 MCLP, 12 MLP, 11 MCRP, 10 MACP, 9 KIP, 7-0 FID.
 *   MCL (clause 6.3.3): bit 6 MLMP (ML in the MAC), 5 MCMP (MCR in the MAC), 4 KIMP, 3-0 AT
 *     (authentication type: 5 = AES-CMAC-128 truncated to 8 bytes, 6 = 12 bytes, 7 = 16 bytes).
 * The MAC (OMS Vol. 2 clause 9.3.1) is CMAC(Kmac, MCL || MCR || [ML] || the bytes from the next CI to
 * the end), Kmac derived from the meter key with the message counter (security/kdf.ts).
 */
import { fail, ok, type WmbusResult } from "../errors";

export const AFL_CI = 0x90;

/** MAC lengths by authentication type (EN 13757-7 table 5). */
export const MAC_LENGTH: Readonly<Record<number, number>> = { 0: 0, 5: 8, 6: 12, 7: 16 };

export interface Afl {
  length: number;
  fcl: number;
  moreFragments: boolean;
  fragmentId: number;
  mcl: number | null;
  keyInfo: number | null;
  messageCounter: number | null;
  mac: Uint8Array | null;
  messageLength: number | null;
  /** Offset of MCL (start of the MAC input prefix) and of the next CI. */
  mclAt: number;
  end: number;
}

export function readAfl(b: Uint8Array, at: number): WmbusResult<Afl> {
  const afll = b[at];
  if (afll === undefined || at + 1 + afll > b.length || afll < 2) {
    return fail("HEADER_TOO_SHORT", "AFL length runs past the frame", {
      offset: at,
      expected: afll ?? 2,
      actual: b.length - at - 1,
      field: "AFLL",
    });
  }
  const end = at + 1 + afll;
  const fcl = b[at + 1]! | (b[at + 2]! << 8);
  let p = at + 3;
  const take = (n: number): number => {
    const q = p;
    p += n;
    return q;
  };
  const mclAt = p;
  const mcl = fcl & 0x2000 ? b[take(1)]! : null;
  const kiAt = fcl & 0x0200 ? take(2) : -1;
  const mcrAt = fcl & 0x0800 ? take(4) : -1;
  const macLen = mcl === null ? 0 : (MAC_LENGTH[mcl & 0x0f] ?? 0);
  const macAt = fcl & 0x0400 ? take(macLen) : -1;
  const mlAt = fcl & 0x1000 ? take(2) : -1;
  if (p > end) {
    return fail("HEADER_TOO_SHORT", `AFL fields take ${p - at - 1} bytes, AFLL says ${afll}`, {
      offset: at,
      expected: p - at - 1,
      actual: afll,
      field: "AFLL",
    });
  }
  return ok({
    length: afll,
    fcl,
    moreFragments: (fcl & 0x4000) !== 0,
    fragmentId: fcl & 0xff,
    mcl,
    keyInfo: kiAt < 0 ? null : b[kiAt]! | (b[kiAt + 1]! << 8),
    messageCounter:
      mcrAt < 0
        ? null
        : (b[mcrAt]! | (b[mcrAt + 1]! << 8) | (b[mcrAt + 2]! << 16) | (b[mcrAt + 3]! << 24)) >>> 0,
    mac: macAt < 0 ? null : b.slice(macAt, macAt + macLen),
    messageLength: mlAt < 0 ? null : b[mlAt]! | (b[mlAt + 1]! << 8),
    mclAt,
    end,
  });
}

/** The MAC input (clause 9.3.1): MCL, MCR, ML where present and flagged, then the rest of the frame. */
export function macInput(b: Uint8Array, afl: Afl): Uint8Array {
  const parts: number[] = [];
  if (afl.mcl !== null) parts.push(afl.mcl);
  const c = afl.messageCounter;
  if (c !== null && afl.mcl !== null && afl.mcl & 0x20)
    parts.push(c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, c >>> 24);
  const ml = afl.messageLength;
  if (ml !== null && afl.mcl !== null && afl.mcl & 0x40) parts.push(ml & 0xff, ml >> 8);
  const rest = b.subarray(afl.end);
  const out = new Uint8Array(parts.length + rest.length);
  out.set(parts, 0);
  out.set(rest, parts.length);
  return out;
}
