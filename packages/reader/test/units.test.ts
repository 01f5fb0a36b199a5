import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  answerTimeoutMs,
  answerWindowMs,
  Backoff,
  Connection,
  KeyStore,
  localToRfc3339,
  ReaderConfig,
  recordToProperty,
  tcpLink,
} from "../src/index";

describe("Backoff", () => {
  it("grows exponentially with jitter, is capped, never below half the minimum, resets", () => {
    const lo = new Backoff({ minMs: 100, maxMs: 1000, random: () => 0 });
    expect([1, 2, 3, 4, 5, 6].map(() => lo.next())).toEqual([50, 100, 200, 400, 500, 500]);
    const hi = new Backoff({ minMs: 100, maxMs: 1000, random: () => 0.999 });
    const d = [1, 2, 3, 4, 5, 6].map(() => hi.next());
    expect(d.every((x, i) => x <= 1000 && x >= [50, 100, 200, 400, 500, 500][i]!)).toBe(true);
    lo.reset();
    expect(lo.next()).toBe(50);
    expect(lo.attempts).toBe(1);
  });
});

describe("Connection", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("reconnects with backoff when the peer closes at once: attempts stay few, never a busy loop", async () => {
    let accepted = 0;
    server = createServer((s) => {
      accepted++;
      s.destroy();
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as { port: number }).port;
    const downs: number[] = [];
    const c = new Connection(
      tcpLink({ host: "127.0.0.1", port }),
      { data: () => undefined, up: () => undefined, down: (_r, ms) => downs.push(ms) },
      { minMs: 40, maxMs: 400 },
    );
    c.start();
    await new Promise((r) => setTimeout(r, 700));
    await c.stop();
    // 40/2.. then doubling: at most ~6 attempts in 700 ms; a busy loop would make thousands
    expect(accepted).toBeGreaterThanOrEqual(2);
    expect(accepted).toBeLessThanOrEqual(8);
    expect(downs.every((ms) => ms >= 20)).toBe(true);
    expect(downs.slice(1).some((ms, i) => ms > downs[i]!)).toBe(true);
  });

  it("retries a refused port and connects once it listens", async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", () => r()));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    let ups = 0;
    let downs = 0;
    const c = new Connection(
      tcpLink({ host: "127.0.0.1", port }),
      { data: () => undefined, up: () => ups++, down: () => downs++ },
      { minMs: 30, maxMs: 100 },
    );
    c.start();
    await new Promise((r) => setTimeout(r, 150));
    expect(downs).toBeGreaterThan(0);
    server = createServer(() => undefined);
    await new Promise<void>((r) => server!.listen(port, "127.0.0.1", () => r()));
    const until = Date.now() + 3000;
    while (ups === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(c.connected).toBe(true);
    await c.stop();
  });
});

describe("KeyStore", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-keys-"));
  afterEach(() => undefined);

  it("loads a keys file (plain and with authKey), never shows a key, redacts keys in texts", async () => {
    const file = join(dir, "keys.json");
    const k1 = "36C66639E48A8CA4D6BC8B282A793BBB";
    const k2 = "000102030405060708090A0B0C0D0E0F";
    writeFileSync(file, JSON.stringify({ m1: k1, m2: { key: k2, authKey: k1 } }));
    const ks = new KeyStore();
    expect(await ks.loadFile(file)).toBe(2);
    expect(ks.get("m1")!.key.toString("hex").toUpperCase()).toBe(k1);
    expect(ks.get("m2")!.authKey).toBeDefined();
    expect(JSON.stringify(ks)).not.toContain(k1);
    expect(ks.redact(`bad ${k1.toLowerCase()} and ${k2}`)).toBe("bad [redacted] and [redacted]");
    writeFileSync(file, JSON.stringify({ m3: `${k1.slice(0, 30)}ZZ` }));
    await expect(ks.loadFile(file)).rejects.toThrow(/m3/);
    await expect(ks.loadFile(file)).rejects.not.toThrow(k1.slice(0, 30));
    await expect(ks.loadFile(join(dir, "missing.json"))).rejects.toThrow(/ENOENT/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("ReaderConfig", () => {
  it("applies defaults and normalises hex", () => {
    const c = ReaderConfig.parse({
      transport: { kind: "tcp", port: 9000 },
      meters: [{ id: "a", systemTitle: "4b 46 4d 10 00 00 00 01", key: "36c66639e48a8ca4d6bc8b282a793bbb" }],
    });
    expect(c.mode).toBe("listen");
    expect(c.transport).toEqual({ kind: "tcp", host: "127.0.0.1", port: 9000 });
    expect(c.meters[0]!.systemTitle).toBe("4B464D1000000001");
    expect(c.timing.retries).toBe(2);
    expect(ReaderConfig.safeParse({ transport: { kind: "serial" } }).success).toBe(false);
    expect(
      ReaderConfig.safeParse({ transport: { kind: "tcp", port: 1 }, meters: [{ id: "x", key: "12" }] })
        .success,
    ).toBe(false);
  });
});

describe("EN 13757-2 timing", () => {
  it("answer window is 330 bit times + 50 ms; the timeout adds the longest frame and the margin", () => {
    expect(answerWindowMs(2400)).toBe(187.5);
    expect(answerWindowMs(9600)).toBeCloseTo(84.375, 6);
    // 261 bytes x 11 bits at 2400 baud = 1196.25 ms
    expect(answerTimeoutMs(2400, 100)).toBe(Math.ceil(187.5 + 1196.25 + 100));
    expect(answerTimeoutMs(2400, 0, false)).toBe(Math.ceil(187.5 + 11 / 2.4));
  });
});

describe("M-Bus date-times to RFC 3339", () => {
  it("places local meter time in its zone, DST included", () => {
    expect(localToRfc3339("2026-07-01T12:00:05", "Europe/Vienna")).toBe("2026-07-01T12:00:05+02:00");
    expect(localToRfc3339("2026-01-01T12:00", "Europe/Vienna")).toBe("2026-01-01T12:00:00+01:00");
    expect(localToRfc3339("2026-01-01T12:00:00", "UTC")).toBe("2026-01-01T12:00:00Z");
    expect(localToRfc3339("2026-01-01", "UTC")).toBeUndefined();
  });
});

describe("EN 13757-3 records to OBIS", () => {
  const rec = (
    quantity: string,
    unit: string,
    value: number,
    extra: Partial<{ storage: number; tariff: number }> = {},
  ) => ({
    function: "instantaneous",
    storage: 0,
    tariff: 0,
    subunit: 0,
    quantity,
    unit,
    value,
    ...extra,
  });
  it("maps by medium and quantity, converts J to Wh, leaves historic values and tariffs out", () => {
    expect(recordToProperty(0x04, rec("energy", "Wh", 1234))).toEqual({
      property: "6-0:1.0.0",
      value: 1234,
      unit: "Wh",
    });
    expect(recordToProperty(0x04, rec("energy", "J", 7200))).toEqual({
      property: "6-0:1.0.0",
      value: 2,
      unit: "Wh",
    });
    expect(recordToProperty(0x07, rec("volume", "m3", 12.345))).toEqual({
      property: "8-0:1.0.0",
      value: 12.345,
      unit: "m3",
    });
    expect(recordToProperty(0x06, rec("volume", "m3", 1))!.property).toBe("9-0:1.0.0");
    expect(recordToProperty(0x03, rec("volume", "m3", 1))!.property).toBe("7-0:3.0.0");
    expect(recordToProperty(0x02, rec("energy", "Wh", 5))!.property).toBe("1-0:1.8.0");
    expect(recordToProperty(0x02, rec("voltage", "V", 229.70000000000002))!.value).toBe(229.7);
    expect(recordToProperty(0x07, rec("volume", "m3", 1, { storage: 1 }))).toBeUndefined();
    expect(recordToProperty(0x02, rec("energy", "Wh", 1, { tariff: 1 }))).toBeUndefined();
    expect(recordToProperty(0x0e, rec("volume", "m3", 1))).toBeUndefined();
  });
});
