import { describe, expect, it } from "vitest";
import { energySince, householdPower, snapshotFromReading } from "../src/lib/live";
import { joinUrl, mergeSettings, parseConfig } from "../src/lib/settings";

const reading = {
  schemaVersion: 1,
  meterId: "m1",
  readingTime: "2026-03-03T10:00:05+01:00",
  receivedAt: "2026-03-03T09:00:05Z",
  source: { protocol: "dlms", transport: "tcp", gatewayId: "g" },
  values: [
    { property: "1-0:1.8.0", value: 1_234_567, unit: "Wh" },
    { property: "1-0:2.8.0", value: 89, unit: "Wh" },
    { property: "1-0:1.7.0", value: 1520, unit: "W" },
    { property: "1-0:2.7.0", value: 0, unit: "W" },
    { property: "1-0:32.7.0", value: 231.2, unit: "V" },
    { property: "1-0:31.7.0", value: 2.5, unit: "A" },
    { property: "1-0:52.7.0", value: 229.9, unit: "V" },
    { property: "0-0:96.1.0", value: "SERIAL", unit: "" },
  ],
};

describe("live values", () => {
  it("reads powers, registers and phases from a reading", () => {
    const s = snapshotFromReading(reading)!;
    expect(s.meterId).toBe("m1");
    expect(s.at).toBe(Date.parse("2026-03-03T09:00:05Z"));
    expect(s.importW).toBe(1520);
    expect(s.exportW).toBe(0);
    expect(s.importRegisterWh).toBe(1_234_567);
    expect(s.phases).toEqual([
      { phase: 1, voltageV: 231.2, currentA: 2.5, powerW: null },
      { phase: 2, voltageV: 229.9, currentA: null, powerW: null },
    ]);
  });
  it("rejects what is not a reading", () => {
    expect(snapshotFromReading({ meterId: "x" })).toBeNull();
    expect(snapshotFromReading({ ...reading, readingTime: "yesterday" })).toBeNull();
    expect(snapshotFromReading(null)).toBeNull();
  });
  it("adds a household's meters and counts energy since the baseline", () => {
    const a = snapshotFromReading(reading)!;
    const b = snapshotFromReading({
      ...reading,
      meterId: "m2",
      values: [
        { property: "1-0:1.7.0", value: 0, unit: "W" },
        { property: "1-0:2.7.0", value: 2100, unit: "W" },
      ],
    })!;
    expect(householdPower([a, b])).toEqual({ importW: 1520, exportW: 2100 });
    expect(energySince(1000, 1500)).toBe(500);
    expect(energySince(1000, 10)).toBe(0);
    expect(energySince(null, 10)).toBeNull();
  });
});

describe("settings", () => {
  const served = parseConfig(
    {
      cloudUrl: "/cloud",
      edgeUrl: "/edge",
      cloudToken: "c",
      edgeToken: "e",
      households: [
        {
          id: "hh-1",
          name: "Flat",
          timeZone: "Europe/Vienna",
          meters: [
            { id: "m1", kind: "dlms" },
            { id: "m2", kind: "mbus", role: "sub" },
          ],
        },
        { id: "bad", meters: "nope" },
        { name: "no id" },
      ],
      auth: { mode: "msal", clientId: "abc", scopes: ["api://x/.default", 3] },
    },
    "UTC",
  );
  it("parses the served config and defaults what is missing", () => {
    expect(served.detached).toBe(false);
    expect(served.households.map((h) => h.id)).toEqual(["hh-1", "bad"]);
    expect(served.households[1]!.timeZone).toBe("UTC");
    expect(served.households[0]!.meters.map((m) => m.role)).toEqual(["main", "sub"]);
    expect(served.households[1]!.meters).toEqual([]);
    expect(served.auth).toMatchObject({ mode: "msal", clientId: "abc", scopes: ["api://x/.default"] });
    expect(parseConfig(null, "UTC").detached).toBe(true);
  });
  it("lets the user's entries win, except empty ones", () => {
    const m = mergeSettings(served, { edgeToken: "paired", cloudToken: "" });
    expect(m.edgeToken).toBe("paired");
    expect(m.cloudToken).toBe("c");
    expect(mergeSettings(served, { detached: true }).detached).toBe(true);
  });
  it("joins URLs", () => {
    expect(joinUrl("/edge/", "/api/x")).toBe("/edge/api/x");
    expect(joinUrl("http://h:1", "api")).toBe("http://h:1/api");
    expect(joinUrl("", "/api")).toBe("/api");
  });
});
