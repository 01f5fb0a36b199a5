/**
 * The DSMR, SML and D0 line pipelines, table-driven over the codec packages' corpus fixtures (real
 * telegrams of NL/BE/LU/IE/SE P1 meters, German SML meters, D0 readouts; the expected values are the
 * source projects' own assertions, see each fixture's `source`): every fixture, alone and cut into
 * random chunks between garbage, gives its reading with the asserted electricity values; damaged
 * telegrams are counted by code in the diagnostics, never thrown.
 */
import { parseSmartyFrame } from "@omdp/dsmr";
import { MeterReading } from "@omdp/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meterIdFromSystemTitle } from "../src/index";
import { bytesOf, harness, lineFixtures, propertyMatcher } from "./support/lines";

const GARBAGE = Buffer.from([0x00, 0x21, 0x0d, 0x0a, 0xff, 0x1b, 0x1b, 0x7e]);

describe("DSMR line", () => {
  for (const f of lineFixtures("dsmr")) {
    it(`${f.name}: one reading with every asserted electricity value`, () => {
      const h = harness("dsmr");
      if (f.key)
        h.keys.set(meterIdFromSystemTitle(parseSmartyFrame(bytesOf(f)).systemTitle), f.key, f.authKey);
      h.feed(Buffer.concat([GARBAGE, bytesOf(f), GARBAGE]));
      expect(h.errors).toEqual([]);
      expect(h.readings).toHaveLength(1);
      const r = h.readings[0]!;
      expect(r.source).toEqual({ protocol: "dsmr", transport: "stream", gatewayId: "reader" });
      for (const [dotted, value] of Object.entries(f.expected)) {
        if (!dotted.startsWith("1.") || !f.units[dotted]) continue;
        const match = propertyMatcher(dotted);
        expect(r.values.find((v) => match(v.property))?.value, dotted).toBe(value);
      }
      expect(h.diag.counters.framesOk).toBe(1);
      expect(h.diag.counters.bytesSkipped).toBeGreaterThanOrEqual(GARBAGE.length);
    });
  }

  it("a flipped character: CRC_MISMATCH counted as a checksum error, the next telegram read", () => {
    const f = lineFixtures("dsmr").find((x) => x.name === "dsmr_reader_fluvius")!;
    const bad = Buffer.from(bytesOf(f));
    bad[bad.indexOf("1-0:1.8.1") + 12] ^= 0x01; // a digit of 1-0:1.8.1's value
    const h = harness("dsmr", { meters: [{ id: "be-1" }] });
    // (the fixture ends at its CRC; a line end or the next telegram tells the stream it is complete)
    h.feed(Buffer.concat([bad, bytesOf(f), GARBAGE]));
    expect(h.errors.map((e) => e.code)).toEqual(["CHECKSUM"]);
    expect(h.errors[0]?.details.meterId).toBe("be-1");
    expect(h.diag.counters.checksumErrors).toBe(1);
    expect(h.diag.snapshot().codecErrors).toEqual({ "dsmr.CRC_MISMATCH": 1 });
    expect(h.readings.map((r) => r.meterId)).toEqual(["be-1"]);
  });

  it("a Smarty frame without its key: NO_KEY, a decrypt failure; with a wrong key: DECRYPT", () => {
    const f = lineFixtures("dsmr").find((x) => x.key !== undefined)!;
    const h = harness("dsmr");
    h.push(bytesOf(f));
    expect(h.errors.map((e) => e.code)).toEqual(["NO_KEY"]);
    const title = parseSmartyFrame(bytesOf(f)).systemTitle;
    h.keys.set(meterIdFromSystemTitle(title), "00112233445566778899AABBCCDDEEFF");
    h.push(bytesOf(f));
    expect(h.errors.map((e) => e.code)).toEqual(["NO_KEY", "DECRYPT"]);
    expect(h.diag.counters.decryptFailures).toBe(2);
    expect(h.errors[1]?.message).not.toMatch(/00112233445566778899/i);
    expect(h.readings).toEqual([]);
  });
});

describe("SML line", () => {
  for (const f of lineFixtures("sml")) {
    it(`${f.name}: as the fixture's checks say`, () => {
      const quirks = f.checks?.quirk === "unsigned" ? ["dzg-unsigned-power" as const] : [];
      const h = harness("sml", { meters: [{ id: "de-1", quirks }] });
      h.feed(Buffer.concat([GARBAGE, bytesOf(f), GARBAGE]));
      if (f.name === "sml2mqtt_sml_data_1") {
        // the source zeroed ids in this dump and redid only the file CRC: its message CRCs are wrong
        expect(h.errors.map((e) => e.code)).toEqual(["CHECKSUM"]);
        expect(h.diag.snapshot().codecErrors).toEqual({ "sml.MESSAGE_CRC_MISMATCH": 1 });
        return;
      }
      expect(h.errors).toEqual([]);
      expect(h.readings).toHaveLength(1);
      for (const [dotted, value] of Object.entries(f.expected)) {
        const match = propertyMatcher(dotted);
        const unit = f.units[dotted];
        const want = unit === "Wh" ? Math.round(value) : value;
        expect(h.readings[0]?.values.find((v) => match(v.property))?.value, dotted).toBe(want);
      }
      expect(h.readings[0]?.meterId).toBe("de-1");
    });
  }
});

describe("D0 line (push-only meters)", () => {
  for (const f of lineFixtures("d0")) {
    it(`${f.name}: one reading with every asserted register`, () => {
      // two captures open the block with STX but lost its ETX/BCC (the corpus notes it): they end at "!"
      const h = harness("d0", { d0: { dataEnd: bytesOf(f).includes(0x02) ? "end-line" : "etx" } });
      h.feed(Buffer.concat([GARBAGE, bytesOf(f), GARBAGE]));
      expect(h.errors).toEqual([]);
      expect(h.readings).toHaveLength(1);
      for (const [pattern, value] of Object.entries(f.expected)) {
        if (f.units[pattern] === "") continue; // ids and counters stay out of a reading only when text
        const match = propertyMatcher(pattern);
        expect(h.readings[0]?.values.find((v) => match(v.property))?.value, pattern).toBe(value);
      }
    });
  }

  it("a readout with a wrong BCC: BCC_MISMATCH counted, the next readout read", () => {
    const good = Buffer.from("/OMD5SIM1\r\n\u00021.8.0(000001.000*kWh)\r\n!\r\n\u0003", "latin1");
    const bcc = good.subarray(good.indexOf(0x02) + 1).reduce((x, b) => x ^ b, 0); // XOR from after STX to ETX
    const h = harness("d0", { meters: [{ id: "d0-1" }] });
    h.feed(Buffer.concat([good, Buffer.of(bcc ^ 0x55), good, Buffer.of(bcc)]));
    expect(h.errors.map((e) => e.code)).toEqual(["CHECKSUM"]);
    expect(h.diag.snapshot().codecErrors).toEqual({ "d0.BCC_MISMATCH": 1 });
    expect(h.readings.map((r) => r.values)).toEqual([[{ property: "1-0:1.8.0", value: 1000, unit: "Wh" }]]);
  });
});

describe("fuzz: random chunks and random bytes", () => {
  for (const protocol of ["dsmr", "sml", "d0"] as const) {
    const fixtures = lineFixtures(protocol).filter((f) => !f.key && f.name !== "sml2mqtt_sml_data_1");
    const stream = Buffer.concat([...fixtures.flatMap((f) => [GARBAGE, bytesOf(f)]), GARBAGE]);
    const quirks =
      protocol === "sml"
        ? { meters: [{ id: "m", quirks: ["dzg-unsigned-power" as const] }] }
        : protocol === "d0"
          ? { d0: { dataEnd: "end-line" as const } }
          : {};
    it(`${protocol}: the corpus cut anywhere gives the same readings (1,000 chunkings)`, () => {
      const whole = harness(protocol, quirks);
      whole.push(stream);
      expect(whole.readings).toHaveLength(fixtures.length);
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 30 }), (cuts) => {
          const h = harness(protocol, quirks);
          h.feed(stream, cuts);
          expect(h.readings.map((r) => r.values)).toEqual(whole.readings.map((r) => r.values));
        }),
        { numRuns: 1_000 },
      );
    });
    it(`${protocol}: 10,000 random byte streams never throw; whatever is read is a valid MeterReading`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
          const h = harness(protocol);
          h.push(Buffer.concat([b, GARBAGE, b]));
          for (const r of h.readings) expect(MeterReading.safeParse(r).success).toBe(true);
          expect(h.diag.counters.bytesSkipped).toBeLessThanOrEqual(2 * b.length + GARBAGE.length);
        }),
        { numRuns: 10_000 },
      );
    });
  }
});
