import { readFileSync } from "node:fs";
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
    const { households, ...sharing } = d.sharing as {
      households: Record<string, { tariff?: { id: string } }>;
    };
    // the Vienna household gets the day-ahead example tariff (costs), the Berlin one none
    expect(households["hh-1"]).toMatchObject({ timeZone: "Europe/Vienna", tariff: { id: "at-dynamic" } });
    expect(households["hh-2"]).toEqual({ timeZone: "Europe/Berlin" });
    expect(sharing).toEqual({
      api: { host: "127.0.0.1", port: 18080 },
      cloud: { enabled: false },
      defaultHouseholdId: "hh-1",
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
  it("gives the Belgian households the example Flanders tariff (capacity warning), without sub-meters", async () => {
    const d = localDesired({
      households: [
        { id: "hh-be", timeZone: "Europe/Brussels", meters: [{ id: "p1" }, { id: "sub", role: "sub" }] },
        { id: "hh-at", timeZone: "Europe/Vienna", meters: [{ id: "m-1" }] },
      ],
    });
    const households = d.events!.households as Record<string, { meters: string[]; tariff: { id: string } }>;
    expect(Object.keys(households)).toEqual(["hh-be"]);
    expect(households["hh-be"]!.meters).toEqual(["p1"]);
    // sharing knows the role too: its household costs leave the sub-meter out by default
    expect((d.sharing as { meters: unknown }).meters).toEqual({
      p1: { householdId: "hh-be" },
      sub: { householdId: "hh-be", role: "sub" },
      "m-1": { householdId: "hh-at" },
    });
    const events = (await import("../../../modules/events/src/config")) as {
      DesiredConfig: { safeParse(v: unknown): { success: boolean } };
    };
    expect(events.DesiredConfig.safeParse(d.events).success).toBe(true);
    expect(households["hh-be"]!.tariff).toEqual(
      JSON.parse(
        readFileSync(new URL("../../../examples/tariffs/be-flanders.json", import.meta.url), "utf8"),
      ),
    );
  });
  it("gives the sharing module a tariff per Vienna and Belgian household, with an absolute price file", async () => {
    const d = localDesired({
      households: [
        { id: "hh-be", timeZone: "Europe/Brussels", meters: [{ id: "p1" }] },
        { id: "hh-at", timeZone: "Europe/Vienna", meters: [{ id: "m-1" }] },
      ],
    });
    const sharing = (await import("../../../modules/sharing/src/config")) as {
      DesiredConfig: {
        parse(v: unknown): {
          households: Record<string, { tariff?: { id: string; prices?: { file?: string } } }>;
        };
      };
    };
    const parsed = sharing.DesiredConfig.parse(d.sharing);
    expect(parsed.households["hh-be"]!.tariff!.id).toBe("be-flanders");
    const file = parsed.households["hh-at"]!.tariff!.prices!.file!;
    expect(file.startsWith("/")).toBe(true);
    expect(readFileSync(file, "utf8")).toContain("start,price");
  });
  it("only moves the API to loopback when nothing else is known", () => {
    expect(localDesired({})).toEqual({ sharing: { api: { host: "127.0.0.1" } }, analytics: {}, events: {} });
  });
});
