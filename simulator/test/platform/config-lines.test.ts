/**
 * Meter kinds dsmr, sml and d0 in the platform settings: the example homes resolve with their
 * variants and modes; a variant on the wrong kind, an unknown kind or a bad interval is refused with
 * the setting named.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfigFile, REPO_ROOT, resolveConfig } from "../../src/platform/index";

const example = (f: string) => loadConfigFile(join(REPO_ROOT, "examples", f), true);
const meters = (file: unknown) => resolveConfig(file, {}, {}, REPO_ROOT).households.flatMap((h) => h.meters);

describe("platform settings: P1, SML and D0 meters", () => {
  it("the example homes resolve with their kinds, variants and modes", () => {
    expect(meters(example("home-be-p1.json")).map((m) => [m.id, m.kind, m.variant])).toEqual([
      ["1SAG3101021605", "dsmr", "fluvius"],
      ["E0044007312345678", "dsmr", "dsmr5"],
      ["SAG1000000011", "dsmr", "smarty"],
    ]);
    expect(meters(example("home-de-sml.json")).map((m) => [m.kind, m.pv])).toEqual([["sml", true]]);
    expect(meters(example("home-d0.json")).map((m) => [m.kind, m.d0Mode, m.role])).toEqual([
      ["d0", "push", undefined],
      ["d0", "modeC", "sub"],
    ]);
  });

  it("refuses a variant on another kind, an unknown kind and a bad interval, naming the setting", () => {
    const bad = (meter: Record<string, unknown>) => {
      try {
        meters({ households: [{ id: "h", meters: [{ id: "m", ...meter }] }] });
        return "accepted";
      } catch (e) {
        return e instanceof ConfigError ? e.setting : String(e);
      }
    };
    expect(bad({ kind: "sml", variant: "fluvius" })).toBe("households[0].meters[0].variant");
    expect(bad({ kind: "d0", d0Mode: "modeB" })).toBe("households[0].meters[0].d0Mode");
    expect(bad({ kind: "modbus" })).toBe("households[0].meters[0].kind");
    expect(bad({ kind: "dsmr", pushIntervalS: -1 })).toBe("households[0].meters[0].pushIntervalS");
    expect(bad({ kind: "dsmr", pushIntervalS: 1 })).toBe("accepted");
  });
});
