import { DlmsError, type DlmsResult, fail, ok } from "./errors";

const HEX = "0123456789abcdef";

/** Lower-case hex without separators. */
export function toHex(bytes: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    s += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return s;
}

/**
 * Parses hex as people paste it: spaces, tabs, newlines, `-` line continuations, `0x` prefixes and `:`
 * separators are ignored. An odd number of digits or another character is a typed error.
 */
export function parseHex(text: string): DlmsResult<Uint8Array> {
  const clean = text.replace(/0x/gi, "").replace(/[\s:\-_,]/g, "");
  const bad = clean.search(/[^0-9a-fA-F]/);
  if (bad >= 0) {
    return fail(
      new DlmsError("HEX_INVALID", "input", `not a hex digit: '${clean[bad]}'`, {
        offset: bad >> 1,
        field: "hex",
      }),
    );
  }
  if (clean.length % 2 !== 0) {
    return fail(
      new DlmsError("HEX_INVALID", "input", "odd number of hex digits", {
        offset: clean.length >> 1,
        field: "hex",
      }),
    );
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return ok(out);
}

/** Hex to bytes for trusted literals (tests, profiles); throws on malformed input. */
export function hexBytes(text: string): Uint8Array {
  const r = parseHex(text);
  if (!r.ok) throw r.error;
  return r.value;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
