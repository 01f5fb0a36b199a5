import { describe, expect, it } from "vitest";
import { localDesired } from "../../src/edgehub/index";

describe("local profile", () => {
  it("binds the sharing API to loopback and maps households and meters", () => {
    const d = localDesired({
      apiPort: 18080,
      cloud: false,
      households: [
        { id: "hh-1", timeZone: "Europe/Vienna", meters: [{ id: "m-1" }, { id: "m-2" }] },
        { id: "hh-2", timeZone: "Europe/Berlin", meters: [{ id: "m-3" }] },
      ],
    });
    expect(d.sharing).toEqual({
      api: { host: "127.0.0.1", port: 18080 },
      cloud: { enabled: false },
      defaultHouseholdId: "hh-1",
      households: { "hh-1": { timeZone: "Europe/Vienna" }, "hh-2": { timeZone: "Europe/Berlin" } },
      meters: {
        "m-1": { householdId: "hh-1" },
        "m-2": { householdId: "hh-1" },
        "m-3": { householdId: "hh-2" },
      },
    });
    expect(d.events).toEqual({
      defaultTimeZone: "Europe/Vienna",
      meters: {
        "m-1": { timeZone: "Europe/Vienna" },
        "m-2": { timeZone: "Europe/Vienna" },
        "m-3": { timeZone: "Europe/Berlin" },
      },
    });
    expect(d.analytics).toEqual({
      defaultTimeZone: "Europe/Vienna",
      meters: {
        "m-1": { timeZone: "Europe/Vienna" },
        "m-2": { timeZone: "Europe/Vienna" },
        "m-3": { timeZone: "Europe/Berlin" },
      },
    });
  });
  it("only moves the API to loopback when nothing else is known", () => {
    expect(localDesired({})).toEqual({ sharing: { api: { host: "127.0.0.1" } }, analytics: {}, events: {} });
  });
});
