/**
 * encode(decode(x)) === x for every valid fixture, byte for byte. The records are re-encoded from their
 * typed values: the raw data bytes are dropped first (kept only where the value is bytes or undecodable),
 * so the test proves the value encoders, not a copy.
 */
import { describe, expect, it } from "vitest";
import {
  type DataRecord,
  decodeTelegramHex,
  encodeRecord,
  encodeTelegram,
  parseHex,
  type RecordSpec,
  type Telegram,
  toHex,
  type UserDataSpec,
} from "../../src/index";
import { invalidFixtures, validFixtures } from "../support/fixtures";

function spec(r: DataRecord): RecordSpec {
  const keepData = r.value === null;
  const { data, ...rest } = r;
  return keepData ? { ...rest, data } : rest;
}

function toSpec(t: Telegram): UserDataSpec & { control: number; address: number } {
  if (t.type === "variable") return { ...t, records: t.records.map(spec) };
  return t;
}

describe("round trip: encode(decode(x)) reproduces x", () => {
  for (const fx of validFixtures()) {
    it(fx.name, () => {
      const b = parseHex(fx.hex);
      if (!b.ok) throw b.error;
      const r = decodeTelegramHex(fx.hex);
      if (!r.ok) throw r.error;
      expect(toHex(encodeTelegram(toSpec(r.value)))).toBe(toHex(b.value));
    });
  }
  it("every record alone: encodeRecord(record) equals the record's bytes in the frame", () => {
    let n = 0;
    let expected = 0;
    for (const fx of validFixtures()) {
      const b = parseHex(fx.hex);
      const r = decodeTelegramHex(fx.hex);
      if (!b.ok || !r.ok) throw new Error(fx.name);
      if (r.value.type !== "variable") continue;
      expected += fx.expected.records.length;
      for (const rec of r.value.records) {
        const own = b.value.subarray(rec.offset, rec.offset + rec.length);
        expect(toHex(encodeRecord({ ...spec(rec), fillers: 0 })), `${fx.name} @${rec.offset}`).toBe(
          toHex(own),
        );
        n++;
      }
    }
    expect(n).toBe(expected);
    expect(n).toBeGreaterThan(400);
  });
  // the invalid corpus vectors that decode to a result (application errors, the reported one) too
  for (const fx of invalidFixtures()) {
    // strict: a degraded telegram leaves its unreadable records out, so it cannot re-encode to itself
    const r = decodeTelegramHex(fx.hex, { strict: true });
    if (!r.ok) continue;
    it(`${fx.name} (decodes to ${r.value.type})`, () => {
      const b = parseHex(fx.hex);
      if (!b.ok) throw b.error;
      expect(toHex(encodeTelegram(toSpec(r.value)))).toBe(toHex(b.value));
    });
  }
});
