/** Round trips: typed data -> encodeWmbus -> decodeWmbus gives the same records, in every security mode. */
import { describe, expect, it } from "vitest";
import { encodeWmbus, type WmbusSpec } from "../src/encode";
import { decodeWmbus } from "../src/telegram";

const KEY = Uint8Array.from(Buffer.from("000102030405060708090A0B0C0D0E0F", "hex"));
const BASE: WmbusSpec = {
  manufacturer: "KAM",
  id: "12345678",
  version: 0x1b,
  deviceType: 0x16,
  ci: 0x7a,
  accessNumber: 0x42,
  records: [
    { quantity: "volume", unit: "m3", exponent: -3, value: 20.015, coding: "int32" },
    { quantity: "volume", unit: "m3", exponent: -3, value: 19.5, coding: "int32", storage: 1 },
    { quantity: "flowTemperature", unit: "degC", exponent: 0, value: 17, coding: "int8" },
  ],
};

function roundTrip(spec: WmbusSpec, key?: Uint8Array) {
  const r = decodeWmbus(encodeWmbus(spec), key === undefined ? {} : { key });
  if (!r.ok) throw r.error;
  return r.value;
}

describe("encodeWmbus round trip", () => {
  it.each([
    ["mode 0, short header, format A with CRCs", { ...BASE }],
    ["mode 0, long header, no CRCs", { ...BASE, ci: 0x72, crc: false }],
    ["mode 5, format B", { ...BASE, mode: 5, key: KEY, format: "B" }],
    ["mode 7 with AFL counter and CMAC", { ...BASE, mode: 7, key: KEY, messageCounter: 0x01166c }],
    [
      "ELL 0x8D with AES-CTR and mode 5",
      {
        ...BASE,
        mode: 5,
        key: KEY,
        ell: { ci: 0x8d, cc: 0x20, accessNumber: 7, sessionNumber: 0x1234, encrypt: true },
      },
    ],
    ["ELL 0x8C, no TPL", { ...BASE, ci: 0x78, ell: { ci: 0x8c, cc: 0x20, accessNumber: 7 } }],
  ] as const)("%s", (_, spec) => {
    const t = roundTrip(spec as WmbusSpec, (spec as WmbusSpec).key);
    expect(t.meter).toMatchObject({ id: "12345678", manufacturer: "KAM", version: 0x1b, deviceType: 0x16 });
    expect(t.records.map((r) => [r.quantity, r.storage, r.value])).toEqual([
      ["volume", 0, 20.015],
      ["volume", 1, 19.5],
      ["flowTemperature", 0, 17],
    ]);
    if ((spec as WmbusSpec).mode) expect(t.encryption.tpl).toBe("decrypted");
  });

  it("mode 7: a flipped byte of the encrypted data fails the MAC, a wrong key too", () => {
    const wire = encodeWmbus({ ...BASE, mode: 7, key: KEY, messageCounter: 5, crc: false });
    const flipped = new Uint8Array(wire);
    flipped[flipped.length - 3]! ^= 0x01;
    const r = decodeWmbus(flipped, { key: KEY });
    expect(r.ok ? "ok" : r.error.code).toBe("BAD_MAC");
    const w = decodeWmbus(wire, { key: new Uint8Array(16) });
    expect(w.ok ? "ok" : w.error.code).toBe("BAD_MAC");
    const n = decodeWmbus(wire, {});
    expect(n.ok ? "ok" : n.error.code).toBe("NO_KEY");
  });

  it("ELL: a wrong key fails the PayloadCRC", () => {
    const wire = encodeWmbus({
      ...BASE,
      ell: { ci: 0x8d, cc: 0x20, accessNumber: 1, sessionNumber: 9, encrypt: true },
      key: KEY,
    });
    const r = decodeWmbus(wire, { key: new Uint8Array(16) });
    expect(r.ok ? "ok" : r.error.code).toBe("WRONG_KEY");
  });

  it("refuses specs it cannot encode with a typed error", () => {
    expect(() => encodeWmbus({ ...BASE, mode: 5 })).toThrow(/needs a key/);
    expect(() => encodeWmbus({ ...BASE, id: "123" })).toThrow(/8 digits/);
  });
});
