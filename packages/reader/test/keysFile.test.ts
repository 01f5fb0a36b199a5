/**
 * The keys file adapter on the real file system: a file that cannot be parsed is never overwritten, a
 * good one gets the new key with every other kept, the previous version in `<file>.bak`, both 0600.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addKeyToFile, backupPath, KeyStore, KeysFileError, readKeysFile } from "../src/index";

const K1 = "00112233445566778899AABBCCDDEEFF";
const K2 = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";
const A2 = "0F0E0D0C0B0A09080706050403020100";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-keysfile-"));
  file = join(dir, "keys.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<KeysFileError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KeysFileError);
  return err as KeysFileError;
}

describe("addKeyToFile", () => {
  it("refuses a file that is not JSON and leaves its bytes as they were", async () => {
    const damaged = `{"KFM1": "${K1}", "KFM2": "${K2}"`; // cut off mid-write
    writeFileSync(file, damaged, { mode: 0o600 });
    const err = await refusal(addKeyToFile(file, "KFM3", A2));
    expect(err.problem).toBe("NOT_JSON");
    expect(err.message).toContain(file);
    expect(err.message).not.toMatch(/[0-9A-F]{32}/i);
    expect(readFileSync(file, "utf8")).toBe(damaged);
    expect(readdirSync(dir)).toEqual(["keys.json"]); // no temp file, no backup of a damaged file
  });

  it("refuses a file with an invalid entry, naming the meter and not the keys", async () => {
    const bad = JSON.stringify({ KFM1: K1, KFM2: { key: K2, authKey: "1234" } });
    writeFileSync(file, bad, { mode: 0o600 });
    const err = await refusal(addKeyToFile(file, "KFM3", A2));
    expect(err.problem).toBe("INVALID_ENTRY");
    expect(err.message).toContain("KFM2");
    expect(err.message).not.toContain(K1);
    expect(err.message).not.toContain(K2);
    expect(readFileSync(file, "utf8")).toBe(bad);
  });

  it("refuses a file it cannot read (a folder in its place)", async () => {
    const err = await refusal(addKeyToFile(dir, "KFM3", A2));
    expect(err.problem).toBe("UNREADABLE");
  });

  it("adds the key, keeps the others, keeps the previous version in .bak, all 0600", async () => {
    const before = `${JSON.stringify({ KFM1: K1, SAG2: { key: K2, authKey: A2 } })}\n`;
    writeFileSync(file, before, { mode: 0o644 });
    await addKeyToFile(file, "KFM3", { key: K2, authKey: A2 });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      KFM1: K1,
      SAG2: { key: K2, authKey: A2 },
      KFM3: { key: K2, authKey: A2 },
    });
    expect(readFileSync(backupPath(file), "utf8")).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(backupPath(file)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["keys.json", "keys.json.bak"]);
    // a second change: .bak holds the version just before it
    const second = readFileSync(file, "utf8");
    await addKeyToFile(file, "KFM1", K2);
    expect(readFileSync(backupPath(file), "utf8")).toBe(second);
    expect((await readKeysFile(file)).KFM1).toBe(K2);
  });

  it("creates a missing file with mode 0600 and no backup", async () => {
    await addKeyToFile(file, "KFM1", K1);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ KFM1: K1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["keys.json"]);
  });

  it("KeyStore.loadFile reads through the same format and errors", async () => {
    writeFileSync(file, JSON.stringify({ KFM1: K1, SAG2: { key: K2, authKey: A2 } }));
    const keys = new KeyStore();
    expect(await keys.loadFile(file)).toBe(2);
    expect(keys.get("SAG2")?.authKey?.toString("hex").toUpperCase()).toBe(A2);
    writeFileSync(file, "not json");
    expect((await refusal(keys.loadFile(file))).problem).toBe("NOT_JSON");
  });
});
