/**
 * Fuzz inputs: random frames and corpus frames with mutated bytes and recomputed CRCs (format A); each
 * frame that decodes also goes through the wireless drivers.
 */
import { wirelessValues } from "../../src/drivers/apply";
import { encodeWmbus } from "../../src/encode";
import { addCrcsA } from "../../src/link/blocks";
import { decodeWmbus } from "../../src/telegram";
import { CORPUS } from "./corpus";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

const KEY = new Uint8Array(16);
const RECORDS = [{ quantity: "volume", unit: "m3", exponent: -3, value: 12.345, coding: "int32" as const }];
const BASE = {
  manufacturer: "KAM",
  id: "12345678",
  version: 1,
  deviceType: 7,
  ci: 0x7a,
  records: RECORDS,
  crc: false,
};
/** Corpus frames, plus encoded frames that reach the AFL, mode 7 and the ELL's CTR paths. */
const FRAMES = [
  ...CORPUS.tests
    .map((t) => Uint8Array.from(Buffer.from(t.telegramHex, "hex")))
    .filter((b) => b[0]! + 1 === b.length),
  encodeWmbus({ ...BASE, mode: 7, key: KEY, messageCounter: 3 }),
  encodeWmbus({
    ...BASE,
    mode: 5,
    key: KEY,
    ell: { ci: 0x8d, cc: 0x20, accessNumber: 1, sessionNumber: 5, encrypt: true },
  }),
  encodeWmbus({ ...BASE, ci: 0x72, mode: 5, key: KEY }),
];

export function fuzzCases(n: number, seed: number): { decoded: number; errors: number; thrown: string[] } {
  const next = rng(seed);
  let decoded = 0;
  let errors = 0;
  const thrown: string[] = [];
  for (let i = 0; i < n; i++) {
    let input: Uint8Array;
    const kind = next() % 3;
    if (kind === 0) {
      input = new Uint8Array(next() % 300);
      for (let j = 0; j < input.length; j++) input[j] = next() & 0xff;
    } else {
      const f = new Uint8Array(FRAMES[next() % FRAMES.length]!);
      const flips = 1 + (next() % 4);
      for (let k = 0; k < flips; k++) f[1 + (next() % (f.length - 1))] = next() & 0xff;
      if (next() % 4 === 0) f[0] = next() & 0xff; // a wrong L too
      input = kind === 1 && f[0]! + 1 === f.length ? addCrcsA(f) : f;
    }
    try {
      const r = decodeWmbus(input, { key: KEY });
      // the drivers (records, payload positions, sums) read whatever frame decodes without throwing
      if (r.ok) wirelessValues(r.value);
      if (r.ok) decoded++;
      else if (r.error.name === "WmbusError") errors++;
      else thrown.push(`untyped error for ${Buffer.from(input).toString("hex")}`);
    } catch (e) {
      if (thrown.length < 5) thrown.push(`${(e as Error).message} for ${Buffer.from(input).toString("hex")}`);
      else thrown.push("...");
    }
  }
  return { decoded, errors, thrown };
}
