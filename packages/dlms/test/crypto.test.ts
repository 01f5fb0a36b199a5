import { createCipheriv, createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encryptGloCiphering } from "../src/apdu/ciphering";
import { parseSecurityControl } from "../src/apdu/security";
import { encodeDataNotification } from "../src/encode";
import { encodeMbusPush } from "../src/mbus/segments";
import { decodePush } from "../src/push";
import { bytes } from "./helpers";

const KEY = bytes("000102030405060708090A0B0C0D0E0F");
const AK = bytes("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
const ST = bytes("4B464D1020304050");
const FC = 0x01234567;

const plaintext = encodeDataNotification({
  invokeId: 0x80000001,
  dateTime: { year: 2026, month: 3, day: 1, hour: 12, minute: 0, second: 5, deviation: -60 },
  values: [
    { obis: "1.0.1.8.0.255", value: 123456, scaler: 0, unit: "Wh" },
    { obis: "1.0.32.7.0.255", value: 231.4, scaler: -1, unit: "V", type: "long-unsigned" },
  ],
  meterNumber: "SIM000001",
});

/** An authenticated and encrypted (0x30) vector built with node:crypto directly, independent of our code. */
function nodeVector(sc: number): Uint8Array {
  const iv = Buffer.concat([ST, Buffer.from([0x01, 0x23, 0x45, 0x67])]);
  const c = createCipheriv("aes-128-gcm", KEY, iv, { authTagLength: 12 });
  c.setAAD(Buffer.concat([Buffer.from([sc]), AK]));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  const tag = c.getAuthTag();
  const content = Buffer.concat([Buffer.from([sc, 0x01, 0x23, 0x45, 0x67]), ct, tag]);
  const len = content.length < 0x80 ? [content.length] : [0x81, content.length];
  return Uint8Array.from(Buffer.concat([Buffer.from([0xdb, 0x08]), ST, Buffer.from(len), content]));
}

describe("security control 0x30: AES-128-GCM with tag verification", () => {
  const apdu = nodeVector(0x30);

  it("our encoder produces exactly node:crypto's GCM output", () => {
    expect(
      Buffer.from(
        encryptGloCiphering({
          plaintext,
          key: KEY,
          authKey: AK,
          systemTitle: ST,
          frameCounter: FC,
          securityControl: 0x30,
        }),
      ).toString("hex"),
    ).toBe(Buffer.from(apdu).toString("hex"));
  });

  it("verifies the tag and decodes", () => {
    const r = decodePush(apdu, { key: KEY, authKey: AK });
    if (!r.ok) throw r.error;
    expect(r.value.transport).toBe("raw");
    expect(r.value.security).toEqual({
      apdu: "general-glo-ciphering",
      suite: 0,
      authenticated: true,
      encrypted: true,
      tagVerified: true,
    });
    expect(r.value.frameCounter).toBe(FC);
    expect(r.value.cosem.find((c) => c.obis === "1.0.32.7.0.255")).toMatchObject({ value: 231.4, unit: "V" });
    expect(r.value.cosem.find((c) => c.obis === "0.0.96.1.0.255")?.value).toBe("SIM000001");
  });

  it("rejects a tampered tag", () => {
    const bad = Uint8Array.from(apdu);
    bad[bad.length - 1]! ^= 0x01;
    const r = decodePush(bad, { key: KEY, authKey: AK });
    expect(r.ok ? "ok" : r.error.code).toBe("AUTH_FAILED");
    if (!r.ok) expect(r.error.message).toMatch(/tag mismatch/);
  });

  it("rejects tampered ciphertext and a wrong authentication key", () => {
    const bad = Uint8Array.from(apdu);
    bad[20]! ^= 0x40;
    expect(decodePush(bad, { key: KEY, authKey: AK }).ok).toBe(false);
    const r = decodePush(bad, { key: KEY, authKey: AK });
    expect(r.ok ? "ok" : r.error.code).toBe("AUTH_FAILED");
    const wrongAk = Uint8Array.from(AK);
    wrongAk[3]! ^= 1;
    const r2 = decodePush(apdu, { key: KEY, authKey: wrongAk });
    expect(r2.ok ? "ok" : r2.error.code).toBe("AUTH_FAILED");
  });

  it("node:crypto's own decipher agrees that the tag belongs to the content", () => {
    const iv = Buffer.concat([ST, Buffer.from([0x01, 0x23, 0x45, 0x67])]);
    const d = createDecipheriv("aes-128-gcm", KEY, iv, { authTagLength: 12 });
    d.setAAD(Buffer.concat([Buffer.from([0x30]), AK]));
    d.setAuthTag(Buffer.from(apdu.subarray(apdu.length - 12)));
    const pt = Buffer.concat([d.update(apdu.subarray(16, apdu.length - 12)), d.final()]);
    expect(pt.equals(Buffer.from(plaintext))).toBe(true);
  });

  it("without the authentication key it decrypts but does not claim verification", () => {
    const r = decodePush(apdu, { key: KEY });
    if (!r.ok) throw r.error;
    expect(r.value.security?.tagVerified).toBe(false);
  });

  it("without any key: KEY_MISSING", () => {
    const r = decodePush(apdu, {});
    expect(r.ok ? "ok" : r.error.code).toBe("KEY_MISSING");
  });

  it("suite 1 (0x31) is read from the low nibble and uses the same cipher", () => {
    const v = nodeVector(0x31);
    const r = decodePush(v, { key: KEY, authKey: AK });
    if (!r.ok) throw r.error;
    expect(r.value.security).toMatchObject({ suite: 1, tagVerified: true });
  });

  it("travels over M-Bus frames too", () => {
    const frames = encodeMbusPush(apdu, { maxSegment: 40 });
    expect(frames.length).toBeGreaterThan(1);
    const all = Uint8Array.from(Buffer.concat(frames));
    const r = decodePush(all, { key: KEY, authKey: AK });
    if (!r.ok) throw r.error;
    expect(r.value.frames).toBe(frames.length);
    expect(r.value.security?.tagVerified).toBe(true);
  });
});

describe("security control 0x10: authenticated only", () => {
  it("carries plaintext, verifies the tag over SC || AK || information", () => {
    const apdu = encryptGloCiphering({
      plaintext,
      key: KEY,
      authKey: AK,
      systemTitle: ST,
      frameCounter: 7,
      securityControl: 0x10,
    });
    // the information is in clear
    expect(Buffer.from(apdu).includes(Buffer.from(plaintext))).toBe(true);
    const r = decodePush(apdu, { key: KEY, authKey: AK });
    if (!r.ok) throw r.error;
    expect(r.value.security).toMatchObject({ authenticated: true, encrypted: false, tagVerified: true });
    const bad = Uint8Array.from(apdu);
    bad[30]! ^= 0x02;
    const r2 = decodePush(bad, { key: KEY, authKey: AK });
    expect(r2.ok ? "ok" : r2.error.code).toBe("AUTH_FAILED");
  });
});

describe("the security control byte is read by its bits", () => {
  it("0x20, 0x21, 0x30, 0x31, 0xB0", () => {
    expect(parseSecurityControl(0x20)).toMatchObject({ suite: 0, encrypted: true, authenticated: false });
    expect(parseSecurityControl(0x21)).toMatchObject({ suite: 1, encrypted: true, authenticated: false });
    expect(parseSecurityControl(0x30)).toMatchObject({ suite: 0, encrypted: true, authenticated: true });
    expect(parseSecurityControl(0x31)).toMatchObject({ suite: 1, encrypted: true, authenticated: true });
    expect(parseSecurityControl(0xb0)).toMatchObject({
      compressed: true,
      encrypted: true,
      authenticated: true,
    });
  });

  it("compressed content is refused with a typed error", () => {
    const apdu = encryptGloCiphering({
      plaintext,
      key: KEY,
      systemTitle: ST,
      frameCounter: 1,
      securityControl: 0x20,
    });
    const c = Uint8Array.from(apdu);
    c[c.indexOf(0x20, 10)] = 0xa0;
    const r = decodePush(c, { key: KEY });
    expect(r.ok ? "ok" : r.error.code).toBe("SECURITY_UNSUPPORTED");
  });

  it("0x20 with the wrong key never yields values", () => {
    const apdu = encryptGloCiphering({
      plaintext,
      key: KEY,
      systemTitle: ST,
      frameCounter: 1,
      securityControl: 0x20,
    });
    for (let i = 0; i < 64; i++) {
      const k = Uint8Array.from(KEY);
      k[i % 16]! ^= 1 << (i % 8);
      const r = decodePush(apdu, { key: k });
      expect(r.ok ? "ok" : r.error.code).toBe("KEY_WRONG");
    }
  });
});

describe("general-ded-ciphering (DC) and general-ciphering (DD)", () => {
  const glo = encryptGloCiphering({
    plaintext,
    key: KEY,
    systemTitle: ST,
    frameCounter: 5,
    securityControl: 0x20,
  });

  it("DC has the layout of DB and uses the given (dedicated) key", () => {
    const ded = Uint8Array.from(glo);
    ded[0] = 0xdc;
    const r = decodePush(ded, { key: KEY });
    if (!r.ok) throw r.error;
    expect(r.value.security?.apdu).toBe("general-ded-ciphering");
    expect(r.value.cosem.find((c) => c.obis === "1.0.1.8.0.255")?.value).toBe(123456);
  });

  it("DD with an identified key: IV from the originator system title", () => {
    const content = glo.subarray(glo[10] === 0x81 ? 12 : 11);
    const len = content.length < 0x80 ? [content.length] : [0x81, content.length];
    const dd = Uint8Array.from([
      0xdd,
      8,
      ...new Uint8Array(8).fill(1), // transaction-id
      8,
      ...ST, // originator-system-title
      8,
      ...new Uint8Array(8).fill(2), // recipient-system-title
      0, // date-time (empty)
      0, // other-information (empty)
      1,
      0,
      0, // key-info present: identified-key, global unicast
      ...len,
      ...content,
    ]);
    const r = decodePush(dd, { key: KEY });
    if (!r.ok) throw r.error;
    expect(r.value.security).toMatchObject({ apdu: "general-ciphering", tagVerified: false });
    expect(r.value.systemTitle).toBe(Buffer.from(ST).toString("hex"));
    const wrapped = Uint8Array.from(dd);
    expect([wrapped[30], wrapped[31]]).toEqual([1, 0]);
    wrapped[31] = 1; // key-info: wrapped-key
    const u = decodePush(wrapped, { key: KEY });
    expect(u.ok ? "ok" : u.error.code).toBe("SECURITY_UNSUPPORTED");
  });
});
