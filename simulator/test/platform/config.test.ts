import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_HOUSEHOLDS, meterRegistry, resolveConfig } from "../../src/platform/config";
import { lineSplitter, prettyLine } from "../../src/platform/logs";

describe("platform settings", () => {
  it("embedded defaults: 3 meters in 2 households, one with PV, the documented ports", () => {
    const c = resolveConfig(undefined, {}, {}, "/repo");
    expect(c.households).toEqual(DEFAULT_HOUSEHOLDS);
    expect(meterRegistry(c)).toHaveLength(3);
    expect(c.households.filter((h) => h.meters.some((m) => m.pv))).toHaveLength(1);
    expect(c.ports).toEqual({
      app: 7070,
      cloud: 7071,
      edgeApi: 8080,
      edgeMqtt: 8883,
      edgeAdmin: 8884,
      simTcp: 9000,
    });
    expect(c.dataDir).toBe("/repo/.data");
    expect(c.components).toEqual(["cloud", "meters", "edge", "app"]);
    // backfill P30D: 30 x 86,400,000 ms
    expect(c.simulator).toEqual({
      speed: 1,
      seed: 42,
      start: "now",
      telegramLog: false,
      backfillMs: 2_592_000_000,
    });
  });
  it("backfill: flag, then OMDP_SIM_BACKFILL, then platform.simulator.backfill; 0 turns it off", () => {
    const file = { platform: { simulator: { backfill: "P2D" } } };
    expect(resolveConfig(file, {}, {}, "/r").simulator.backfillMs).toBe(172_800_000);
    expect(resolveConfig(file, { OMDP_SIM_BACKFILL: "0" }, {}, "/r").simulator.backfillMs).toBe(0);
    expect(
      resolveConfig(file, { OMDP_SIM_BACKFILL: "0" }, { backfill: "PT6H" }, "/r").simulator.backfillMs,
    ).toBe(21_600_000);
    expect(() => resolveConfig({}, { OMDP_SIM_BACKFILL: "30 days" }, {}, "/r")).toThrow(/OMDP_SIM_BACKFILL/);
  });
  it("file, then env, then flags win", () => {
    const file = {
      households: [{ id: "a", meters: [{ id: "m1", kind: "mbus" }] }],
      edge: { deviceId: "gw-7" },
      platform: { ports: { app: 1111, cloud: 2222 }, simulator: { speed: 5 }, dataDir: "state" },
    };
    const c = resolveConfig(file, { OMDP_CLOUD_PORT: "3333", OMDP_SIM_SPEED: "7" }, { speed: 9 }, "/r");
    expect(c.ports.app).toBe(1111);
    expect(c.ports.cloud).toBe(3333);
    expect(c.simulator.speed).toBe(9);
    expect(c.dataDir).toBe("/r/state");
    expect(c.edge.deviceId).toBe("gw-7");
    expect(c.households[0]).toEqual({
      id: "a",
      name: "a",
      timeZone: "Europe/Vienna",
      meters: [{ id: "m1", kind: "mbus", pv: false }],
    });
  });
  it("detached drops the cloud", () => {
    expect(resolveConfig(undefined, { OMDP_DETACHED: "1" }).components).toEqual(["meters", "edge", "app"]);
    expect(resolveConfig(undefined, {}, { detached: true }).detached).toBe(true);
  });
  it("names the bad setting", () => {
    expect(() => resolveConfig(undefined, { OMDP_APP_PORT: "70000" })).toThrow(
      /OMDP_APP_PORT: not a port number/,
    );
    expect(() => resolveConfig(undefined, { OMDP_SIM_SPEED: "-1" })).toThrow(ConfigError);
    expect(() => resolveConfig(undefined, { OMDP_SIM_START: "yesterday" })).toThrow(/OMDP_SIM_START/);
    expect(() =>
      resolveConfig({ households: [{ id: "a", meters: [{ id: "x" }, { id: "x" }] }] }, {}),
    ).toThrow(/duplicate meter id x/);
    expect(() =>
      resolveConfig({ households: [{ id: "a", meters: [{ id: "x", kind: "gas" }] }] }, {}),
    ).toThrow(/kind: must be dlms, mbus, dsmr, sml, d0 or wmbus/);
    expect(() =>
      resolveConfig({ households: [{ id: "a", meters: [{ id: "water", kind: "wmbus" }] }] }, {}),
    ).toThrow(/meters\[0\]\.id: a wmbus meter's id is its 8-digit address/);
    expect(() =>
      resolveConfig(
        { households: [{ id: "a", meters: [{ id: "x", kind: "sml", wmbusDevice: "heat" }] }] },
        {},
      ),
    ).toThrow(/wmbusDevice: wmbus meters only/);
  });
});

describe("readable logs", () => {
  it("turns a JSON log line into one readable line", () => {
    const line = JSON.stringify({
      t: "2026-03-03T14:03:07.123Z",
      level: "warn",
      component: "sharing.api",
      msg: "listening",
      port: 8080,
      where: "two words",
    });
    expect(prettyLine("edge", line)).toBe(
      '14:03:07 WARN  edge       sharing.api: listening port=8080 where="two words"',
    );
    expect(prettyLine("edge", "plain text")).toBe("               edge       plain text");
    expect(prettyLine("edge", `[sharing] ${line}`)).toBe(
      '14:03:07 WARN  sharing    sharing.api: listening port=8080 where="two words"',
    );
  });
  it("splits chunks into lines", () => {
    const lines: string[] = [];
    const s = lineSplitter((l) => lines.push(l));
    s.push("a\nb");
    s.push("c\n\nd");
    s.flush();
    expect(lines).toEqual(["a", "bc", "d"]);
  });
});
