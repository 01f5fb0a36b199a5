/**
 * `omdp decode --keys FILE` in process (src/protocols/keys-file.ts and the Smarty rule of dsmr.ts): the
 * reader's keys file forms, refusals naming the file and meter but never a key, and which key a Smarty
 * frame gets. The corpus Smarty frame (packages/dsmr/test/fixtures/arduino_dsmr_2_encrypted_packet.json,
 * from PolarGoose/arduino-dsmr-2 src/test/test_data/encrypted_packet.bin, with its key and authKey) has
 * the system title "SYSTEMID" (bytes 2..9: 53 59 53 54 45 4D 49 44); the reader names that meter by the
 * FLAG letters "SYS" and the other five octets in hex: SYS54454D4944 (worked out by hand).
 * The spawned end-to-end runs are in decode-dsmr.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures } from "../../dsmr/test/support/fixtures";
import { dsmrEntry } from "../src/protocols/dsmr";
import { type KeyTable, keysOf, loadKeys } from "../src/protocols/keys-file";
import type { ProtocolOptions } from "../src/protocols/types";

const smarty = fixtures().find((f) => f.key !== undefined)!;
const frame = new Uint8Array(Buffer.from(smarty.hex, "hex"));
const METER = "SYS54454D4944";
const TITLE = "53595354454D4944";
const WRONG = "00112233445566778899AABBCCDDEEFF";
const both = { key: smarty.key!, authKey: smarty.authKey! };
const dir = mkdtempSync(join(tmpdir(), "omdp-keys-"));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function table(content: unknown): KeyTable {
  const t = loadKeys(file("k.json", content));
  if (t instanceof Error) throw t;
  return t;
}

const hexOf = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString("hex").toUpperCase() : undefined);

describe("loadKeys: the reader's keys file forms", () => {
  it("key hex alone or { key, authKey }; ids matched without regard to case", () => {
    const t = table({ "12345678": WRONG, [METER.toLowerCase()]: both });
    expect(hexOf(keysOf(t, ["12345678"])?.key)).toBe(WRONG);
    expect(keysOf(t, ["12345678"])?.authKey).toBeUndefined();
    const k = keysOf(t, ["nope", METER]);
    expect(hexOf(k?.key)).toBe(smarty.key!.toUpperCase());
    expect(hexOf(k?.authKey)).toBe(smarty.authKey!.toUpperCase());
    expect(keysOf(t, ["SAG1234567890"])).toBeUndefined();
  });

  it("refuses what is not a keys file, naming the file and at most the meter, never a key", () => {
    const cases: [unknown, string][] = [
      ["{not json", "not JSON"],
      [[WRONG], "must be an object from meter id to key"],
      [{ [METER]: `${WRONG}0` }, `the entry of meter ${METER} is not`],
      [{ [METER]: { key: WRONG, authKey: "12" } }, `the entry of meter ${METER} is not`],
      [{ [METER]: { authKey: WRONG } }, `the entry of meter ${METER} is not`],
    ];
    for (const [content, says] of cases) {
      const path = file("bad.json", content);
      const r = loadKeys(path);
      expect(r).toBeInstanceOf(Error);
      expect((r as Error).message).toContain(`--keys ${path}: ${says}`);
      expect((r as Error).message).not.toContain(WRONG);
    }
    expect((loadKeys(join(dir, "missing.json")) as Error).message).toMatch(/cannot be read$/);
  });
});

describe("a Smarty frame's key from --keys (the reader's rule), else --key", () => {
  const decode = (o: ProtocolOptions) => dsmrEntry.decode(frame, o);
  const source = smarty.expected["1.0.4.7.0.255"]; // 166 var, as the source test asserts

  it("by the reader's meter id, or by the title hex (any case): claimed in auto and decrypted", () => {
    for (const id of [METER, TITLE, TITLE.toLowerCase()]) {
      const o = { keys: table({ [id]: both }) };
      expect(dsmrEntry.claims(frame, o), id).toBe(true);
      const r = decode(o);
      expect(r.ok, id).toBe(true);
      const cosem = (r as unknown as { doc: { cosem: { obis: string; value: unknown }[] } }).doc.cosem;
      expect(cosem.find((c) => c.obis === "1.0.4.7.0.255")?.value).toBe(source);
    }
  });

  it("the file's key wins over --key: a wrong one is DECRYPT_FAILED", () => {
    const keys = table({ [METER]: { key: WRONG, authKey: smarty.authKey! } });
    const r = decode({
      keys,
      key: Buffer.from(smarty.key!, "hex"),
      authKey: Buffer.from(smarty.authKey!, "hex"),
    });
    expect(r.ok).toBe(false);
    expect((r as { error: { code: string } }).error.code).toBe("DECRYPT_FAILED");
  });

  it("a meter the file does not name: KEY_MISSING naming meter and title; --key and --auth-key then serve it", () => {
    const keys = table({ SAG1234567890: both });
    expect(dsmrEntry.claims(frame, { keys })).toBe(true);
    const r = decode({ keys });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "KEY_MISSING",
        message: `no key for Smarty meter ${METER} (system title ${TITLE}) in --keys ${keys.path}, and no --key`,
        offset: 2,
        field: "key",
        actual: TITLE,
      },
    });
    const fallback = decode({
      keys,
      key: Buffer.from(smarty.key!, "hex"),
      authKey: Buffer.from(smarty.authKey!, "hex"),
    });
    expect(fallback.ok).toBe(true);
  });

  it("without --keys and --key a Smarty frame is not claimed (DLMS reports it, as before)", () => {
    expect(dsmrEntry.claims(frame, {})).toBe(false);
  });
});
