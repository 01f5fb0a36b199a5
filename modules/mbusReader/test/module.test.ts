/**
 * The mbusReader wiring against the in-memory ModuleHost test double (no SDK) and the
 * simulator's TCP gateway: desired properties configure the reader, readings and diagnostics go out on
 * their outputs, getStatus/setKey/scanBus answer, and keys never leave the module.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import { createMeterFleet, defaultFleet, serveTcp } from "@omdp/simulator";
import { afterEach, describe, expect, it } from "vitest";
import { DesiredConfig, defaultTransport } from "../src/config";
import { setupMbusReader } from "../src/module";

const quiet = createLogger("test", { write: () => undefined });
const dir = mkdtempSync(join(tmpdir(), "omdp-mbusreader-"));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh data dir (the outbox's), removed after the test. */
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), "omdp-mbusreader-data-"));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function until(check: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe("DesiredConfig", () => {
  it("has a default for every field; the transport comes from the environment", () => {
    const d = DesiredConfig.parse({});
    expect(d.mode).toBe("listen");
    expect(d.pollInterval).toBe(60);
    expect(defaultTransport({})).toEqual({ kind: "serial", path: "/dev/mbus" });
    expect(defaultTransport({ OMDP_READER_TCP: "127.0.0.1:9000" })).toEqual({
      kind: "tcp",
      host: "127.0.0.1",
      port: 9000,
    });
    expect(DesiredConfig.safeParse({ meters: [{ id: "m", key: "nothex" }] }).success).toBe(false);
  });
});

describe("mbusReader module", () => {
  it("sends readings and diagnostics, answers getStatus and setKey, never lets a key out", async () => {
    const fleet = createMeterFleet({
      meters: defaultFleet({ meters: 2, kind: "dlms", seed: 3 }),
      speed: 500,
    });
    const gw = await serveTcp(fleet, 0);
    cleanups.push(
      () => gw.close(),
      () => fleet.stop(),
    );
    const [m1, m2] = fleet.meters;
    const keys = fleet.keys();
    const keysFile = join(dir, "keys.json");
    writeFileSync(keysFile, JSON.stringify({ [m1!.id]: keys[m1!.id] }), { mode: 0o600 });

    const host = new RecordingModuleHost({ moduleId: "mbusReader", clone: "none" });
    const mod = await setupMbusReader(host, quiet, { dataDir: dataDir() });
    cleanups.push(() => mod.stop());
    await host.setDesired({
      transport: { kind: "tcp", host: "127.0.0.1", port: gw.port },
      mode: "listen",
      keysFile,
      diagnosticsInterval: 0.2,
    });
    expect(await until(() => gw.clients === 1)).toBe(true);
    fleet.start();
    const readingsOf = (id: string) =>
      host.sent.filter((s) => s.output === "readings" && s.properties.meterId === id).length;
    expect(await until(() => readingsOf(m1!.id) >= 5)).toBe(true);
    expect(readingsOf(m2!.id)).toBe(0); // no key yet
    // every reading went through the outbox and carries its id
    const sentReadings = host.sentOn("readings");
    expect(mod.outbox().delivered).toBeGreaterThanOrEqual(sentReadings.length);
    for (const s of sentReadings) {
      const r = s.body as { id?: string; meterId: string; readingTime: string };
      expect(r.id).toBe(`${r.meterId}|${new Date(r.readingTime).toISOString()}`);
    }
    expect(await until(() => host.sent.some((s) => s.output === "diagnostics"))).toBe(true);
    const diag = host.sent.filter((s) => s.output === "diagnostics");
    expect(diag.every((s) => s.properties.kind === "diagnostics")).toBe(true);
    expect(
      host.sent.filter((s) => s.output === "readings").every((s) => s.properties.kind === "reading"),
    ).toBe(true);

    const status = await host.invoke("getStatus", {});
    expect(status.status).toBe(200);
    expect((status.payload as { metersWithKeys: string[] }).metersWithKeys).toEqual([m1!.id]);
    expect(
      (status.payload as { counters: { decryptFailures: number } }).counters.decryptFailures,
    ).toBeGreaterThan(0);

    expect((await host.invoke("setKey", { meterId: m2!.id, key: "zz" })).status).toBe(400);
    const set = await host.invoke("setKey", { meterId: m2!.id, key: keys[m2!.id] });
    expect(set.status).toBe(200);
    expect(JSON.stringify(set.payload)).not.toContain(keys[m2!.id]);
    expect(await until(() => readingsOf(m2!.id) >= 3)).toBe(true);
    // persisted for the next start, owner-only
    expect(JSON.parse(readFileSync(keysFile, "utf8"))[m2!.id]).toBe(keys[m2!.id]);
    expect(statSync(keysFile).mode & 0o077).toBe(0);

    const out = JSON.stringify([
      host.sent,
      host.reported,
      (await host.invoke("getStatus", {})).payload,
    ]).toUpperCase();
    for (const k of Object.values(keys)) expect(out).not.toContain(k);
    expect((await host.invoke("scanBus", {})).status).toBe(500); // listen mode has no bus to scan
    rmSync(dir, { recursive: true, force: true });
  });

  it("poll mode: scanBus finds the meters on the bus", async () => {
    const fleet = createMeterFleet({ meters: defaultFleet({ meters: 3, kind: "mbus", seed: 8 }), speed: 10 });
    const gw = await serveTcp(fleet, 0);
    cleanups.push(
      () => gw.close(),
      () => fleet.stop(),
    );
    fleet.start();
    const host = new RecordingModuleHost({ moduleId: "mbusReader", clone: "none" });
    const mod = await setupMbusReader(host, quiet, { dataDir: dataDir() });
    cleanups.push(() => mod.stop());
    await host.setDesired({
      transport: { kind: "tcp", host: "127.0.0.1", port: gw.port },
      mode: "poll",
      pollInterval: 3600,
      answerMarginMs: 30,
    });
    expect(await until(() => mod.reader()?.diagnostics().link.connected === true)).toBe(true);
    const r = await host.invoke("scanBus", {});
    expect(r.status).toBe(200);
    const found = (r.payload as { found: { meterId: string }[] }).found.map((f) => f.meterId).sort();
    expect(found).toEqual(fleet.meters.map((m) => m.id).sort());
  });
});
