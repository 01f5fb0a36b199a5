import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeApdu } from "../src/apdu/apdu";
import { encryptGloCiphering } from "../src/apdu/ciphering";
import { decodeData } from "../src/axdr/decode";
import { type AxdrInput, encodeData } from "../src/axdr/encode";
import { decodeDateTime, encodeDateTime } from "../src/cosem/datetime";
import { toJson } from "../src/cosem/value";
import { encodeDataNotification, encodeHdlcPush } from "../src/encode";
import { decodeHdlcFrame, encodeHdlcFrame } from "../src/hdlc/frame";
import { toHex } from "../src/hex";
import { encodeMbusPush } from "../src/mbus/segments";
import { decodePush } from "../src/push";
import { bytes, fixtureKeys, loadFixtures } from "./helpers";

const KEY = bytes("36C66639E48A8CA4D6BC8B282A793BBB");
const ST = bytes("4B464D6750000009");

const input = {
  invokeId: 0x8006870e,
  dateTime: {
    year: 2021,
    month: 9,
    day: 27,
    hour: 9,
    minute: 47,
    second: 15,
    hundredths: 0,
    deviation: -120,
    dst: true,
  },
  values: [
    { obis: "1.0.1.8.0.255", value: 12937, scaler: 0, unit: "Wh" },
    { obis: "1.0.2.8.0.255", value: 0, scaler: 0, unit: "Wh" },
    { obis: "1.0.1.7.0.255", value: 0, scaler: 0, unit: "W" },
    { obis: "1.0.2.7.0.255", value: 0, scaler: 0, unit: "W" },
    { obis: "1.0.32.7.0.255", value: 233.7, scaler: -1, unit: "V", type: "long-unsigned" as const },
    { obis: "1.0.52.7.0.255", value: 0, scaler: -1, unit: "V", type: "long-unsigned" as const },
    { obis: "1.0.72.7.0.255", value: 0, scaler: -1, unit: "V", type: "long-unsigned" as const },
    { obis: "1.0.31.7.0.255", value: 0, scaler: -2, unit: "A", type: "long-unsigned" as const },
    { obis: "1.0.51.7.0.255", value: 0, scaler: -2, unit: "A", type: "long-unsigned" as const },
    { obis: "1.0.71.7.0.255", value: 0, scaler: -2, unit: "A", type: "long-unsigned" as const },
    { obis: "1.0.13.7.0.255", value: 1, scaler: -3, unit: 255, type: "long-unsigned" as const },
  ],
  meterNumber: "181220000009",
};

describe("encoders reproduce the Netz NÖ telegram byte for byte", () => {
  const noe = loadFixtures().find((f) => f.name === "mbus_netz_noe_p1")!;

  it("encodeDataNotification -> encryptGloCiphering -> encodeMbusPush", () => {
    const plaintext = encodeDataNotification(input);
    const apdu = encryptGloCiphering({
      plaintext,
      key: KEY,
      systemTitle: ST,
      frameCounter: 0x23,
      securityControl: 0x20,
    });
    const frames = encodeMbusPush(apdu);
    expect(frames).toHaveLength(2);
    expect(frames.map(toHex).join("")).toBe(noe.hex.toLowerCase());
  });

  it("decode -> same values", () => {
    const r = decodePush(bytes(noe.hex), fixtureKeys(noe));
    if (!r.ok) throw r.error;
    for (const v of input.values) {
      expect(r.value.cosem.find((c) => c.obis === v.obis)?.value, v.obis).toBeCloseTo(v.value, 9);
    }
  });
});

describe("round trip encode -> decode over every transport", () => {
  const plaintext = encodeDataNotification(input);
  const apdu = encryptGloCiphering({
    plaintext,
    key: KEY,
    systemTitle: ST,
    frameCounter: 99,
    securityControl: 0x20,
  });
  const expectSame = (b: Uint8Array, transport: string, frames: number) => {
    const r = decodePush(b, { key: KEY });
    if (!r.ok) throw r.error;
    expect(r.value.transport).toBe(transport);
    expect(r.value.frames).toBe(frames);
    expect(r.value.frameCounter).toBe(99);
    expect(r.value.dateTime?.text).toBe("2021-09-27T09:47:15+02:00");
    expect(r.value.cosem.find((c) => c.obis === "1.0.32.7.0.255")?.value).toBe(233.7);
    expect(r.value.cosem.find((c) => c.obis === "0.0.96.1.0.255")?.value).toBe("181220000009");
  };

  it("raw", () => expectSame(apdu, "raw", 1));
  it("M-Bus, 1..16 segments", () => {
    for (const size of [250, 100, 37, 17]) {
      const frames = encodeMbusPush(apdu, { maxSegment: size });
      expectSame(Uint8Array.from(Buffer.concat(frames)), "mbus", frames.length);
    }
  });
  it("HDLC in one frame, with S-bit segments, and with general-block-transfer", () => {
    expectSame(Uint8Array.from(Buffer.concat(encodeHdlcPush(apdu))), "hdlc", 1);
    const seg = encodeHdlcPush(apdu, { maxInfo: 64 });
    expect(seg.length).toBeGreaterThan(3);
    expectSame(Uint8Array.from(Buffer.concat(seg)), "hdlc", seg.length);
    const gbt = encodeHdlcPush(apdu, { maxInfo: 80, mode: "gbt" });
    expectSame(Uint8Array.from(Buffer.concat(gbt)), "hdlc", gbt.length);
  });
  it("a bare general-block-transfer APDU sequence (raw)", () => {
    const gbt = encodeHdlcPush(apdu, { maxInfo: 80, mode: "gbt", llc: false });
    const blocks = gbt
      .map((f) => decodeHdlcFrame(f))
      .map((r) => (r.ok ? r.value.frame.info : new Uint8Array()));
    const r = decodeApdu(Uint8Array.from(Buffer.concat(blocks)), { key: KEY });
    if (!r.ok) throw r.error;
    expect(r.value.blocks).toBe(blocks.length);
  });
  it("re-encoding the HDLC fixtures' frames reproduces them", () => {
    for (const f of loadFixtures().filter((x) => x.transport === "hdlc")) {
      const b = bytes(f.hex);
      let p = 0;
      while (p < b.length - 1) {
        const r = decodeHdlcFrame(b, p);
        if (!r.ok) throw r.error;
        const fr = r.value.frame;
        const again = encodeHdlcFrame(fr.info, {
          destination: fr.destination,
          source: fr.source,
          control: fr.control,
          segmented: fr.segmented,
        });
        expect(toHex(again)).toBe(toHex(b.subarray(p, r.value.next + 1)));
        p = r.value.next + 1;
      }
    }
  });
});

describe("A-XDR encode -> decode (property based)", () => {
  const leaf: fc.Arbitrary<AxdrInput> = fc.oneof(
    fc.constant({ type: "null-data" } as const),
    fc.boolean().map((value) => ({ type: "boolean", value }) as const),
    fc.integer({ min: -128, max: 127 }).map((value) => ({ type: "integer", value }) as const),
    fc.integer({ min: -32768, max: 32767 }).map((value) => ({ type: "long", value }) as const),
    fc
      .integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
      .map((value) => ({ type: "double-long", value }) as const),
    fc.integer({ min: 0, max: 255 }).map((value) => ({ type: "unsigned", value }) as const),
    fc.integer({ min: 0, max: 65535 }).map((value) => ({ type: "long-unsigned", value }) as const),
    fc
      .integer({ min: 0, max: 2 ** 32 - 1 })
      .map((value) => ({ type: "double-long-unsigned", value }) as const),
    fc
      .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
      .map((value) => ({ type: "long64", value }) as const),
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => ({ type: "long64-unsigned", value }) as const),
    fc.integer({ min: 0, max: 255 }).map((value) => ({ type: "enum", value }) as const),
    fc.double({ noNaN: true }).map((value) => ({ type: "float64", value }) as const),
    fc.uint8Array({ maxLength: 300 }).map((b) => ({ type: "octet-string", bytes: b }) as const),
    fc.string({ maxLength: 40 }).map((text) => ({ type: "utf8-string", text }) as const),
  );
  const tree = fc.letrec<{ node: AxdrInput }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.record({
        type: fc.constantFrom("array" as const, "structure" as const),
        items: fc.array(tie("node"), { maxLength: 6 }),
      }),
    ),
  })).node;

  it("every value decodes to what was encoded, ending exactly at the last byte", () => {
    fc.assert(
      fc.property(tree, (v) => {
        const b = encodeData(v);
        const r = decodeData(b);
        if (!r.ok) throw r.error;
        expect(r.value.next).toBe(b.length);
        expect(toJson(r.value.value)).toEqual(jsonOf(v));
      }),
      { numRuns: 2000 },
    );
  });
});

function jsonOf(v: AxdrInput): unknown {
  switch (v.type) {
    case "null-data":
      return null;
    case "array":
    case "structure":
      return v.items.map(jsonOf);
    case "boolean":
      return v.value;
    case "octet-string": {
      const dt = v.bytes.length === 12 ? decodeDateTime(v.bytes) : undefined;
      if (dt) return dt.text;
      const printable = v.bytes.length > 0 && v.bytes.every((b) => b >= 0x20 && b <= 0x7e);
      return printable ? Buffer.from(v.bytes).toString("latin1") : toHex(v.bytes);
    }
    case "utf8-string":
    case "visible-string":
      return v.text;
    case "date-time":
    case "date":
    case "time":
    case "bit-string":
      return toHex(v.bytes);
    case "dont-care":
      return null;
    case "compact-array":
      return v.items.map(jsonOf);
    default: {
      const n = v.value;
      if (typeof n === "bigint")
        return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(n)
          : n.toString();
      return n;
    }
  }
}

describe("date-time encode -> decode", () => {
  it("keeps every field and the offset", () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 2000, max: 2099 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 59 }),
          deviation: fc.integer({ min: -720, max: 720 }),
          dst: fc.boolean(),
        }),
        (d) => {
          const dt = decodeDateTime(encodeDateTime(d));
          expect(dt).toMatchObject({ ...d, hundredths: undefined });
        },
      ),
    );
  });
});
