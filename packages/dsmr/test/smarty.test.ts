/**
 * Luxembourg Smarty frames. The real frame is the corpus one (arduino-dsmr-2's test packet, key
 * AAAA..., authentication key 0011...FF): its header read by hand is DB | 08 | "SYSTEMID" | 82 01F2 |
 * 30 | 00000001 ... (498 bytes after the length field).
 */
import { describe, expect, it } from "vitest";
import {
  DsmrError,
  decodeP1,
  decryptSmarty,
  encodeTelegram,
  encryptSmarty,
  parseSmartyFrame,
  tryDecodeP1,
} from "../src/index";
import { fixtureBytes, fixtures } from "./support/fixtures";

const fixture = fixtures().find((f) => f.name === "arduino_dsmr_2_encrypted_packet");
if (fixture === undefined) throw new Error("missing fixture");
const frame = fixtureBytes(fixture);
const keys = { key: fixture.key as string, authKey: fixture.authKey as string };

function errorOf(f: () => unknown): DsmrError {
  try {
    f();
  } catch (e) {
    if (e instanceof DsmrError) return e;
    throw e;
  }
  throw new Error("expected a DsmrError");
}

describe("Smarty frame", () => {
  it("header fields as read by hand", () => {
    const f = parseSmartyFrame(frame);
    expect(Buffer.from(f.systemTitle).toString("latin1")).toBe("SYSTEMID");
    expect(f.frameCounter).toBe(0x10000001);
    expect(f.length).toBe(13 + 0x01f2);
    expect(f.tag).toHaveLength(12);
  });

  it("decrypts to a telegram with a valid CRC", () => {
    const plain = Buffer.from(decryptSmarty(frame, keys)).toString("latin1");
    expect(plain.startsWith("/")).toBe(true);
    const t = decodeP1(frame, { keys, requireCrc: true });
    expect(t.encrypted).toBe(true);
    expect(t.crc?.computed).toBe(t.crc?.transmitted);
  });

  it("a wrong key, a wrong authentication key, or a flipped ciphertext bit is DECRYPT_FAILED, never garbage", () => {
    const wrongKey = errorOf(() =>
      decryptSmarty(frame, { ...keys, key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB" }),
    );
    expect(wrongKey.code).toBe("DECRYPT_FAILED");
    expect(wrongKey.message).not.toContain("AAAAAAAA");
    expect(errorOf(() => decryptSmarty(frame, { key: keys.key })).code).toBe("DECRYPT_FAILED");
    const flipped = new Uint8Array(frame);
    flipped[40] = (flipped[40] as number) ^ 1;
    expect(errorOf(() => decryptSmarty(flipped, keys)).code).toBe("DECRYPT_FAILED");
  });

  it("no key is KEY_REQUIRED; a short key is BAD_KEY without the key in the message", () => {
    expect(errorOf(() => decodeP1(frame)).code).toBe("KEY_REQUIRED");
    const e = errorOf(() => decryptSmarty(frame, { key: "00112233" }));
    expect(e.code).toBe("BAD_KEY");
    expect(e.message).not.toContain("00112233");
  });

  it("truncated frames and a wrong security byte are BAD_FRAME with the offset", () => {
    const e = errorOf(() => parseSmartyFrame(frame.subarray(0, 100)));
    expect(e).toMatchObject({ code: "BAD_FRAME", expected: 13 + 0x01f2, actual: 100 });
    const sc = new Uint8Array(frame);
    sc[13] = 0x20;
    expect(errorOf(() => parseSmartyFrame(sc))).toMatchObject({ code: "BAD_FRAME", offset: 13 });
  });

  it("encrypt then decrypt gives the telegram back (with and without an authentication key)", () => {
    const text = encodeTelegram({
      header: { manufacturer: "SAG", baudChar: "5", ident: "\\2T210-D" },
      lines: [{ obis: "1-0:1.8.0", groups: ["006545766*Wh"] }],
    });
    const systemTitle = Buffer.from("SAG12345");
    for (const k of [keys, { key: keys.key }]) {
      const enc = encryptSmarty(Buffer.from(text, "latin1"), { ...k, systemTitle, frameCounter: 42 });
      expect(parseSmartyFrame(enc).frameCounter).toBe(42);
      const t = decodeP1(enc, { keys: k });
      expect(t.objects[0]?.value).toMatchObject({ value: 6545766, unit: "Wh" });
    }
  });
});

describe("tryDecodeP1", () => {
  it("returns the typed error as a value", () => {
    const r = tryDecodeP1(frame, { keys: { key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("DECRYPT_FAILED");
    expect(tryDecodeP1(frame, { keys }).ok).toBe(true);
  });
});
