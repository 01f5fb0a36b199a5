/**
 * encode(decode(x)) === x for every valid fixture, byte for byte. The records are re-encoded from their
 * typed values: the raw data bytes are dropped first (kept only where the value is bytes or undecodable),
 * so the test proves the value encoders, not a copy.
 */
import { describe, expect, it } from "vitest";
import {
  type DataRecord,
  decodeTelegramHex,
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
  // the invalid corpus vectors that decode to a result (application errors, the reported one) too
  for (const fx of invalidFixtures()) {
    const r = decodeTelegramHex(fx.hex);
    if (!r.ok) continue;
    it(`${fx.name} (decodes to ${r.value.type})`, () => {
      const b = parseHex(fx.hex);
      if (!b.ok) throw b.error;
      expect(toHex(encodeTelegram(toSpec(r.value)))).toBe(toHex(b.value));
    });
  }
});
