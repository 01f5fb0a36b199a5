/**
 * setKey and the keys file: a damaged file is refused with an answer naming the file problem and left
 * byte for byte as it was; a good one gets the new key with the other meters' keys kept, the previous
 * version in keys.json.bak, mode 0600. No key appears in an answer or a log line.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupMbusReader } from "../src/module";

const K1 = "00112233445566778899AABBCCDDEEFF";
const K2 = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";
const K3 = "0F0E0D0C0B0A09080706050403020100";

let dir: string;
let stop: (() => Promise<void>) | undefined;
const logLines: string[] = [];
const log = createLogger("test", { write: (line: string) => void logLines.push(line) });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-setkey-"));
  logLines.length = 0;
});
afterEach(async () => {
  await stop?.();
  stop = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function moduleWith(keysFile: string): Promise<RecordingModuleHost> {
  const host = new RecordingModuleHost({ moduleId: "mbusReader" });
  const mod = await setupMbusReader(host, log, { dataDir: dir });
  stop = () => mod.stop();
  // nothing listens on port 1: the reader only retries its link, which this test does not need
  await host.setDesired({ transport: { kind: "tcp", host: "127.0.0.1", port: 1 }, keysFile });
  return host;
}

describe("setKey with a keys file", () => {
  it("a damaged keys file: refused, naming the file problem; the file bytes unchanged; no key set", async () => {
    const keysFile = join(dir, "keys.json");
    const damaged = `{"KFM1": "${K1}", "KFM2": "${K2}"`; // cut off: not JSON
    writeFileSync(keysFile, damaged, { mode: 0o600 });
    const host = await moduleWith(keysFile);
    const r = await host.invoke("setKey", { meterId: "KFM3", key: K3 });
    expect(r.status).toBe(500);
    const message = (r.payload as { message: string }).message;
    expect(message).toContain(keysFile);
    expect(message).toContain("not JSON");
    expect(readFileSync(keysFile, "utf8")).toBe(damaged);
    const status = await host.invoke("getStatus", {});
    expect((status.payload as { metersWithKeys: string[] }).metersWithKeys).not.toContain("KFM3");
    expect(logLines.some((l) => l.includes("key not stored"))).toBe(true);
    const out = JSON.stringify([r, logLines]).toUpperCase();
    for (const k of [K1, K2, K3]) expect(out).not.toContain(k);
  });

  it("a good keys file: the new key added, the others kept, .bak holds the previous, mode 0600", async () => {
    const keysFile = join(dir, "keys.json");
    const before = JSON.stringify({ KFM1: K1, SAG2: { key: K2, authKey: K3 } });
    writeFileSync(keysFile, before, { mode: 0o600 });
    const host = await moduleWith(keysFile);
    const r = await host.invoke("setKey", { meterId: "KFM3", key: K3 });
    expect(r.status).toBe(200);
    expect(r.payload).toEqual({ meterId: "KFM3", stored: true, persisted: true });
    expect(JSON.parse(readFileSync(keysFile, "utf8"))).toEqual({
      KFM1: K1,
      SAG2: { key: K2, authKey: K3 },
      KFM3: K3,
    });
    expect(readFileSync(`${keysFile}.bak`, "utf8")).toBe(before);
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);
    expect(statSync(`${keysFile}.bak`).mode & 0o777).toBe(0o600);
    const status = await host.invoke("getStatus", {});
    expect((status.payload as { metersWithKeys: string[] }).metersWithKeys.sort()).toEqual([
      "KFM1",
      "KFM3",
      "SAG2",
    ]);
  });
});
