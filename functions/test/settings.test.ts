import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSettings, SETTINGS, SettingsError } from "../src/settings";

const example = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "../local.settings.example.json"), "utf8"),
) as { Values: Record<string, string>; Documentation: Record<string, string>; Host: { CORS: string } };

describe("app settings", () => {
  it("documents every setting the functions read in local.settings.example.json", () => {
    for (const name of Object.keys(SETTINGS)) {
      expect(example.Values, name).toHaveProperty(name);
      expect(example.Documentation[name], name).toBe(SETTINGS[name as keyof typeof SETTINGS].doc);
    }
    expect(example.Host.CORS).toBe(SETTINGS.CORS_ORIGINS.default);
  });

  it("applies defaults and parses values", () => {
    const s = readSettings({
      OMDP_DATA_DIR: "/tmp/x",
      AGGREGATE_MIN_HOUSEHOLDS: "25",
      CORS_ORIGINS: "http://a, http://b",
    });
    expect(s.store).toBe("sqlite");
    expect(s.sqlitePath).toBe("/tmp/x/cloud.db");
    expect(s.aggregateMinHouseholds).toBe(25);
    expect(s.corsOrigins).toEqual(["http://a", "http://b"]);
    expect(s.auth).toEqual({ issuer: "omdp-local", audience: "omdp-api", jwksUri: "" });
    expect(readSettings({}).aggregateMinHouseholds).toBe(10);
  });

  it("names the setting that is wrong", () => {
    expect(() => readSettings({ OMDP_STORE: "mongo" })).toThrow(SettingsError);
    expect(() => readSettings({ AGGREGATE_MIN_HOUSEHOLDS: "0" })).toThrow(/AGGREGATE_MIN_HOUSEHOLDS/);
  });
});
