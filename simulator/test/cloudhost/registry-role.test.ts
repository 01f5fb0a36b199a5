import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, registryFromConfig } from "../../src/cloudhost/config";

// The local platform's household (simulator/src/platform/config.ts): a main meter and the M-Bus
// sub-meter 12345678 with role "sub" behind it.
describe("cloud host registry from omdp.config.json", () => {
  it("registers a sub-meter with its role, a main meter without one", () => {
    const cfg = {
      ...DEFAULT_CONFIG,
      households: [
        {
          id: "hh-1",
          name: "Home",
          timeZone: "Europe/Vienna",
          meters: [{ id: "p1" }, { id: "12345678", role: "sub" }],
        },
      ],
    };
    expect(registryFromConfig(cfg).map((m) => [m.id, m.role])).toEqual([
      ["p1", undefined],
      ["12345678", "sub"],
    ]);
  });
});
