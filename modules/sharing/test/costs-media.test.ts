/**
 * GET /api/meters/{id}/costs at the edge for a heat meter: the household's tariff prices electricity,
 * so a meter whose quarter hours carry a `medium` has no costs under it (404), while the household's
 * electricity meter is priced as before (fixed tariff: 0.089700 a quarter hour of 250 Wh, hand-computed
 * in costs.test.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import fixed from "../../../examples/tariffs/fixed.json" with { type: "json" };
import { interval } from "./support/fixtures";
import { type Harness, startHarness } from "./support/harness";

const START = Date.parse("2026-06-15T10:00:00Z");
const DAY = { from: "2026-06-14T22:00:00Z", to: "2026-06-15T22:00:00Z", resolution: "interval" };

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe("edge costs of a heat meter", () => {
  it("answers 404 for the heat meter and prices the electricity meter of the same household", async () => {
    h = await startHarness({
      households: { "hh-1": { timeZone: "Europe/Vienna", tariff: fixed } },
      meters: { e1: { householdId: "hh-1" }, h1: { householdId: "hh-1" } },
    });
    await h.host.deliver("intervals", interval("e1", START, 15, 250));
    await h.host.deliver("intervals", {
      ...interval("h1", START, 15, 0),
      registers: { "6-0:1.0.0": 9_002_000 },
      powerMinW: null,
      powerAvgW: null,
      powerMaxW: null,
      medium: "heat",
      consumption: { "6-0:1.0.0": 2000 },
    });
    const get = async (meter: string) => {
      const res = await fetch(`${h!.base}/api/meters/${meter}/costs?${new URLSearchParams(DAY)}`, {
        headers: h!.auth,
      });
      return { status: res.status, body: (await res.json()) as { items?: { total: string }[] } };
    };
    const heat = await get("h1");
    expect(heat.status).toBe(404);
    const elec = await get("e1");
    expect(elec.status).toBe(200);
    expect(elec.body.items?.map((i) => i.total)).toEqual(["0.089700"]);
  });
});
