import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeData } from "../src/axdr/decode";
import { type AxdrInput, type CompactDescription, encodeData } from "../src/axdr/encode";
import { DATA_TYPE_LIST } from "../src/axdr/types";
import type { AxdrValue } from "../src/axdr/value";
import { DlmsError } from "../src/errors";
import { bytes } from "./helpers";

/**
 * Every `Data` CHOICE of the Blue Book (DLMS UA 1000-1, 4.1.5 "Data types"; Green Book 9.5 A-XDR), one
 * example each, the bytes written by hand from the encoding rules: tag, then for variable lengths an
 * A-XDR length, integers big-endian two's complement, floats IEEE 754 big-endian, compact-array =
 * tag 19, type-description, contents as an octet string of untagged values.
 */
type Expect = { kind: string; value?: unknown; items?: unknown[]; hex?: string; bits?: number };
const CASES: [string, number, string, AxdrInput, Expect][] = [
  ["null-data", 0, "00", { type: "null-data" }, { kind: "null" }],
  [
    "array",
    1,
    "01 02 11 05 11 06",
    { type: "array", items: [u8(5), u8(6)] },
    { kind: "array", items: [5, 6] },
  ],
  [
    "structure (scaler_unit -2, Wh)",
    2,
    "02 02 0F FE 16 1E",
    {
      type: "structure",
      items: [
        { type: "integer", value: -2 },
        { type: "enum", value: 30 },
      ],
    },
    { kind: "structure", items: [-2, 30] },
  ],
  ["boolean", 3, "03 FF", { type: "boolean", value: true }, { kind: "boolean", value: true }],
  [
    "bit-string of 10 bits",
    4,
    "04 0A C0 40",
    { type: "bit-string", bits: 10, bytes: bytes("c040") },
    { kind: "bit-string", bits: 10, hex: "c040" },
  ],
  ["double-long -2", 5, "05 FF FF FF FE", { type: "double-long", value: -2 }, { kind: "int", value: -2 }],
  [
    "double-long-unsigned 12937",
    6,
    "06 00 00 32 89",
    { type: "double-long-unsigned", value: 12937 },
    { kind: "uint", value: 12937 },
  ],
  [
    "octet-string",
    9,
    "09 03 01 02 03",
    { type: "octet-string", bytes: bytes("010203") },
    { kind: "octets", hex: "010203" },
  ],
  [
    "visible-string",
    10,
    "0A 03 41 42 43",
    { type: "visible-string", text: "ABC" },
    { kind: "string", hex: "414243" },
  ],
  ["utf8-string 'ä'", 12, "0C 02 C3 A4", { type: "utf8-string", text: "ä" }, { kind: "string", hex: "c3a4" }],
  // bcd is one octet (Blue Book: bcd Integer8); its value is the octet as sent, nibbles not interpreted
  ["bcd", 13, "0D 12", { type: "bcd", value: 0x12 }, { kind: "uint", value: 0x12 }],
  ["integer -128", 15, "0F 80", { type: "integer", value: -128 }, { kind: "int", value: -128 }],
  ["long -32768", 16, "10 80 00", { type: "long", value: -32768 }, { kind: "int", value: -32768 }],
  ["unsigned 255", 17, "11 FF", { type: "unsigned", value: 255 }, { kind: "uint", value: 255 }],
  [
    "long-unsigned 65535",
    18,
    "12 FF FF",
    { type: "long-unsigned", value: 65535 },
    { kind: "uint", value: 65535 },
  ],
  [
    "compact-array of long-unsigned",
    19,
    "13 12 04 00 01 00 02",
    { type: "compact-array", description: { type: "long-unsigned" }, items: [u16(1), u16(2)] },
    { kind: "array", items: [1, 2] },
  ],
  [
    "compact-array of structure {unsigned, long-unsigned}",
    19,
    "13 02 02 11 12 06 01 00 02 02 00 03",
    {
      type: "compact-array",
      description: { type: "structure", of: [{ type: "unsigned" }, { type: "long-unsigned" }] },
      items: [
        { type: "structure", items: [u8(1), u16(2)] },
        { type: "structure", items: [u8(2), u16(3)] },
      ],
    },
    {
      kind: "array",
      items: [
        [1, 2],
        [2, 3],
      ],
    },
  ],
  [
    "compact-array of array[2] of unsigned",
    19,
    "13 01 00 02 11 04 01 02 03 04",
    {
      type: "compact-array",
      description: { type: "array", count: 2, of: { type: "unsigned" } },
      items: [
        { type: "array", items: [u8(1), u8(2)] },
        { type: "array", items: [u8(3), u8(4)] },
      ],
    },
    {
      kind: "array",
      items: [
        [1, 2],
        [3, 4],
      ],
    },
  ],
  ["long64 -1", 20, "14 FF FF FF FF FF FF FF FF", { type: "long64", value: -1n }, { kind: "int", value: -1 }],
  [
    "long64-unsigned 2^64-1 (stays bigint)",
    21,
    "15 FF FF FF FF FF FF FF FF",
    { type: "long64-unsigned", value: 2n ** 64n - 1n },
    { kind: "uint", value: 2n ** 64n - 1n },
  ],
  ["enum 30", 22, "16 1E", { type: "enum", value: 30 }, { kind: "uint", value: 30 }],
  ["float32 1.5", 23, "17 3F C0 00 00", { type: "float32", value: 1.5 }, { kind: "float", value: 1.5 }],
  [
    "float64 -2.5",
    24,
    "18 C0 04 00 00 00 00 00 00",
    { type: "float64", value: -2.5 },
    { kind: "float", value: -2.5 },
  ],
  [
    "date-time 2021-09-27 09:47:15, deviation -120, DST",
    25,
    "19 07 E5 09 1B 01 09 2F 0F 00 FF 88 80",
    { type: "date-time", bytes: bytes("07E5091B01092F0F00FF8880") },
    { kind: "date-time", hex: "07e5091b01092f0f00ff8880" },
  ],
  [
    "date",
    26,
    "1A 07 E5 09 1B 01",
    { type: "date", bytes: bytes("07E5091B01") },
    { kind: "date", hex: "07e5091b01" },
  ],
  [
    "time",
    27,
    "1B 09 2F 0F 00",
    { type: "time", bytes: bytes("092F0F00") },
    { kind: "time", hex: "092f0f00" },
  ],
  ["delta-integer -1", 28, "1C FF", { type: "delta-integer", value: -1 }, { kind: "int", value: -1 }],
  ["delta-long -2", 29, "1D FF FE", { type: "delta-long", value: -2 }, { kind: "int", value: -2 }],
  [
    "delta-double-long 1",
    30,
    "1E 00 00 00 01",
    { type: "delta-double-long", value: 1 },
    { kind: "int", value: 1 },
  ],
  ["delta-unsigned 200", 31, "1F C8", { type: "delta-unsigned", value: 200 }, { kind: "uint", value: 200 }],
  [
    "delta-long-unsigned 258",
    32,
    "20 01 02",
    { type: "delta-long-unsigned", value: 258 },
    { kind: "uint", value: 258 },
  ],
  [
    "delta-double-long-unsigned 2^32-1",
    33,
    "21 FF FF FF FF",
    { type: "delta-double-long-unsigned", value: 2 ** 32 - 1 },
    { kind: "uint", value: 2 ** 32 - 1 },
  ],
  ["dont-care", 255, "FF", { type: "dont-care" }, { kind: "dont-care" }],
];

function u8(value: number): AxdrInput {
  return { type: "unsigned", value };
}
function u16(value: number): AxdrInput {
  return { type: "long-unsigned", value };
}

/** The decoded value in the shape of the expectations (numbers, nested lists, hex). */
function shape(v: AxdrValue): unknown {
  if (v.kind === "array" || v.kind === "structure") return v.items.map(shape);
  if (v.kind === "int" || v.kind === "uint" || v.kind === "float" || v.kind === "boolean") return v.value;
  if (v.kind === "null" || v.kind === "dont-care") return null;
  return "bytes" in v ? Buffer.from(v.bytes).toString("hex") : undefined;
}

describe("A-XDR: every data type of the Blue Book, bytes written by hand", () => {
  it("the type table has every tag of the Blue Book's Data CHOICE, each once", () => {
    const tags = DATA_TYPE_LIST.map((t) => t.tag);
    expect(tags).toEqual([
      0, 1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
      32, 33, 255,
    ]);
    const covered = new Set(CASES.map((c) => c[1]));
    expect(tags.filter((t) => !covered.has(t))).toEqual([]);
  });

  it.each(CASES)(
    "%s (tag %i): decodes, and encodes back to the same bytes",
    (_name, tag, hex, input, want) => {
      const b = bytes(hex);
      const r = decodeData(b);
      if (!r.ok) throw r.error;
      expect(r.value.next).toBe(b.length);
      expect(r.value.value.tag).toBe(tag);
      expect(r.value.value.kind).toBe(want.kind);
      const got = r.value.value;
      if (want.items) expect(shape(got)).toEqual(want.items);
      if ("value" in want) expect(shape(got)).toEqual(want.value);
      if (want.hex) expect(shape(got)).toBe(want.hex);
      if (want.bits !== undefined) expect(got.kind === "bit-string" && got.bits).toBe(want.bits);
      expect(Buffer.from(encodeData(input)).toString("hex")).toBe(Buffer.from(b).toString("hex"));
    },
  );

  it("an unknown tag (7, 8, 11, 14, 34..254) is a typed AXDR_TYPE error at its offset", () => {
    for (const tag of [7, 8, 11, 14, 34, 100, 254]) {
      const r = decodeData(Uint8Array.of(0x02, 0x01, tag, 0x00));
      expect(r.ok ? "ok" : [r.error.code, r.error.offset, r.error.actual]).toEqual(["AXDR_TYPE", 2, tag]);
    }
  });

  it("a compact array whose contents end inside an element is AXDR_TRUNCATED", () => {
    const r = decodeData(bytes("13 12 03 00 01 00"));
    expect(r.ok ? "ok" : r.error.code).toBe("AXDR_TRUNCATED");
  });
});

describe("A-XDR fuzz: round trip over every type, and random bytes never throw", () => {
  const simple: fc.Arbitrary<AxdrInput> = fc.oneof(
    fc.constant({ type: "null-data" } as const),
    fc.constant({ type: "dont-care" } as const),
    fc.boolean().map((value) => ({ type: "boolean", value }) as const),
    fc
      .uint8Array({ maxLength: 20 })
      .chain((b) =>
        fc
          .integer({ min: b.length === 0 ? 0 : b.length * 8 - 7, max: b.length * 8 })
          .map((bits) => ({ type: "bit-string", bits, bytes: b }) as const),
      ),
    fc.integer({ min: 0, max: 255 }).map((value) => ({ type: "bcd", value }) as const),
    fc.integer({ min: -128, max: 127 }).map((value) => ({ type: "delta-integer", value }) as const),
    fc.integer({ min: 0, max: 65535 }).map((value) => ({ type: "delta-long-unsigned", value }) as const),
    fc.float({ noNaN: true }).map((value) => ({ type: "float32", value }) as const),
    fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => ({ type: "date-time", bytes: b }) as const),
    fc.uint8Array({ minLength: 5, maxLength: 5 }).map((b) => ({ type: "date", bytes: b }) as const),
    fc.uint8Array({ minLength: 4, maxLength: 4 }).map((b) => ({ type: "time", bytes: b }) as const),
    fc.string({ maxLength: 20 }).map((text) => ({ type: "visible-string", text }) as const),
  );
  const compact: fc.Arbitrary<AxdrInput> = fc
    .array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 30 })
    .map((xs) => {
      const description: CompactDescription = {
        type: "structure",
        of: [{ type: "double-long" }, { type: "enum" }],
      };
      const items: AxdrInput[] = xs.map((value) => ({
        type: "structure",
        items: [
          { type: "double-long", value },
          { type: "enum", value: value & 0xff },
        ],
      }));
      return { type: "compact-array", description, items } as const;
    });
  const tree = fc.letrec<{ node: AxdrInput }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      simple,
      compact,
      fc.record({ type: fc.constant("structure" as const), items: fc.array(tie("node"), { maxLength: 5 }) }),
    ),
  })).node;

  it("encode -> decode -> encode gives the same bytes (3,000 values)", () => {
    fc.assert(
      fc.property(tree, (v) => {
        const b = encodeData(v);
        const r = decodeData(b);
        if (!r.ok) throw r.error;
        expect(r.value.next).toBe(b.length);
        expect(encodeData(reinput(r.value.value))).toEqual(b);
      }),
      { numRuns: 3000 },
    );
  });

  it("random and mutated bytes give a value or a typed error, never an exception (20,000 cases)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const r = decodeData(b);
        if (!r.ok) expect(r.error).toBeInstanceOf(DlmsError);
        else expect(r.value.next).toBeLessThanOrEqual(b.length);
      }),
      { numRuns: 20000 },
    );
  });
});

/** A decoded value back as encoder input (compact arrays: their tag 19 and a description of item 0). */
function reinput(v: AxdrValue): AxdrInput {
  const t = v.type as never;
  switch (v.kind) {
    case "null":
    case "dont-care":
      return { type: t };
    case "boolean":
      return { type: "boolean", value: v.value };
    case "int":
    case "uint":
    case "float":
      return { type: t, value: v.value };
    case "bit-string":
      return { type: "bit-string", bits: v.bits, bytes: v.bytes };
    case "octets":
    case "date-time":
    case "date":
    case "time":
      return { type: t, bytes: v.bytes };
    case "string":
      return { type: t, text: new TextDecoder().decode(v.bytes) };
    default:
      if (v.tag === 19) {
        const description: CompactDescription = {
          type: "structure",
          of: [{ type: "double-long" }, { type: "enum" }],
        };
        return { type: "compact-array", description, items: v.items.map(reinput) };
      }
      return { type: v.kind, items: v.items.map(reinput) };
  }
}
