/**
 * Round trips (STYLE.md principle 6): decode(encode(decode(x))) == decode(x) for every fixture, and
 * generated messages (fast-check: integers of every width and sign, booleans, strings) survive encode
 * then decode. The encoder writes fixed widths for tags and times, so bytes may differ from a meter's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeSml,
  encodeSml,
  type SmlFile,
  type SmlGetListResponse,
  type SmlMessageInput,
  type SmlValue,
} from "../src/index";
import { EBZ, fixtureBytes, fixtures } from "./support/fixtures";

/** What a round trip must keep: everything but offsets and the CRC values. */
function shape(f: SmlFile) {
  return f.messages.map(({ offset: _o, crc: _c, ...m }) => m);
}

describe.each(fixtures())("$name", (fx) => {
  it("decode(encode(decode(x))) == decode(x)", () => {
    const opts = fx.name === EBZ ? { messageCrc: "report" as const } : {};
    const first = decodeSml(fixtureBytes(fx), opts);
    const again = decodeSml(encodeSml(first.messages));
    expect(shape(again)).toEqual(shape(first));
    expect(again.messageCrcErrors).toEqual([]);
  });
});

const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });
const someBytes = (max: number) => fc.uint8Array({ minLength: 1, maxLength: max });
const int: fc.Arbitrary<SmlValue> = fc.integer({ min: 1, max: 8 }).chain((width) =>
  fc.boolean().chain((signed) => {
    const bits = BigInt(8 * width);
    const [min, max] = signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
    return fc.bigInt({ min, max }).map((value) => ({ kind: "int" as const, value, signed, width }));
  }),
);
const value: fc.Arbitrary<SmlValue> = fc.oneof(
  int,
  fc.boolean().map((v) => ({ kind: "boolean" as const, value: v })),
  someBytes(40).map((v) => ({ kind: "octets" as const, value: v })),
);
const entry = fc.record(
  {
    objName: fc.uint8Array({ minLength: 6, maxLength: 6 }),
    status: fc.bigInt({ min: 0n, max: 0xffffffn }).map((v) => ({ value: v, signed: false, width: 3 })),
    valTime: fc.nat().map((v) => ({ kind: "secIndex" as const, value: v })),
    unitCode: fc.constantFrom(27, 30, 33, 35, 255),
    scaler: fc.integer({ min: -128, max: 127 }),
    value,
    valueSignature: someBytes(20),
  },
  { requiredKeys: ["objName", "value"] },
);
const getList = fc.record({
  transactionId: someBytes(8),
  groupNo: fc.integer({ min: 0, max: 255 }),
  abortOnError: fc.integer({ min: 0, max: 255 }),
  body: fc.record({
    kind: fc.constant("getListResponse" as const),
    serverId: someBytes(10),
    valList: fc.array(entry, { maxLength: 30 }),
  }),
});

describe("generated files", () => {
  it("encode then decode keeps every field (2,000 cases)", () => {
    fc.assert(
      fc.property(getList, bytes(16), (msg, sig) => {
        const close: SmlMessageInput = {
          transactionId: msg.transactionId,
          groupNo: 0,
          abortOnError: 0,
          body: sig.length > 0 ? { kind: "closeResponse", globalSignature: sig } : { kind: "closeResponse" },
        };
        const f = decodeSml(encodeSml([msg, close]));
        const list = f.messages[0]?.body as SmlGetListResponse;
        expect(list.valList.map(({ obis: _o, unit: _u, scaled: _s, ...e }) => e)).toEqual(msg.body.valList);
        expect(f.messages[1]?.body).toEqual(close.body);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});
