import { describe, expect, it } from "vitest";
import { withPowerDirections } from "../src/index";

describe("withPowerDirections", () => {
  it("a signed 1-0:16.7.0 gives P+ when positive and P- when negative; present ids win", () => {
    const p = (v: number) => [{ property: "1-0:16.7.0", value: v, unit: "W" }];
    expect(withPowerDirections(p(120)).slice(1)).toEqual([
      { property: "1-0:1.7.0", value: 120, unit: "W" },
      { property: "1-0:2.7.0", value: 0, unit: "W" },
    ]);
    expect(withPowerDirections(p(-45)).slice(1)).toEqual([
      { property: "1-0:1.7.0", value: 0, unit: "W" },
      { property: "1-0:2.7.0", value: 45, unit: "W" },
    ]);
    const both = [...p(10), { property: "1-0:1.7.0", value: 7, unit: "W" }];
    expect(withPowerDirections(both)).toEqual([...both, { property: "1-0:2.7.0", value: 0, unit: "W" }]);
    expect(withPowerDirections([])).toEqual([]);
  });
});
