import { describe, expect, it } from "vitest";
import { grantBody, recentAudit, resolutionText, toAudit, toConsent } from "../src/views/privacy-model";

describe("privacy view model", () => {
  it("reads consents defensively and drops what is not one", () => {
    expect(
      toConsent({
        id: "c1",
        recipient: "cloud",
        properties: ["energy", 3],
        resolution: "PT15M",
        until: null,
      }),
    ).toEqual({
      id: "c1",
      recipient: "cloud",
      properties: ["energy", "3"],
      resolution: "PT15M",
      until: null,
      grantedAt: "",
      revokedAt: null,
    });
    expect(toConsent({ id: 1, recipient: "x" })).toBeNull();
    expect(toConsent(null)).toBeNull();
  });

  it("lists the newest audit entries first, with the older field names too", () => {
    const rows = recentAudit(
      [
        { at: "a", action: "grant" },
        { time: "b", by: "user", properties: ["power"] },
      ],
      200,
    );
    expect(rows.map((r) => r.at)).toEqual(["b", "a"]);
    expect(rows[0]).toMatchObject({ actor: "user", properties: "power", resolution: "", until: "" });
    expect(
      recentAudit(
        [1, 2, 3].map((i) => ({ at: String(i) })),
        2,
      ).map((r) => r.at),
    ).toEqual(["3", "2"]);
    expect(toAudit(undefined).action).toBe("");
  });

  it("describes resolutions in words", () => {
    expect(resolutionText("PT1H")).toBe("hourly");
    expect(resolutionText("P1M")).toBe("P1M");
  });

  it("sends a grant to the end of the chosen day in the household's zone", () => {
    // 31 Dec 2026 in Vienna ends at 1 Jan 2027 00:00 CET = 2026-12-31T23:00Z; one second before
    const g = grantBody(
      { recipient: " cloud ", properties: ["energy"], resolution: "PT15M", untilDate: "2026-12-31" },
      "Europe/Vienna",
    );
    expect(g).toEqual({
      body: {
        recipient: "cloud",
        properties: ["energy"],
        resolution: "PT15M",
        until: "2026-12-31T22:59:59.000Z",
      },
    });
    // summer: 30 Jun 2026 ends at 1 Jul 00:00 CEST = 2026-06-30T22:00Z
    const s = grantBody(
      { recipient: "r", properties: ["power"], resolution: "raw", untilDate: "2026-06-30" },
      "Europe/Vienna",
    );
    expect("body" in s && s.body.until).toBe("2026-06-30T21:59:59.000Z");
    expect(
      grantBody({ recipient: "r", properties: ["power"], resolution: "raw", untilDate: "" }, "UTC"),
    ).toEqual({
      body: { recipient: "r", properties: ["power"], resolution: "raw", until: null },
    });
  });

  it("says what is missing from a grant", () => {
    expect(grantBody({ recipient: "r", properties: [], resolution: "raw", untilDate: "" }, "UTC")).toEqual({
      error: "Choose at least one kind of data.",
    });
    expect(
      grantBody({ recipient: "  ", properties: ["energy"], resolution: "raw", untilDate: "" }, "UTC"),
    ).toEqual({
      error: "Name the recipient.",
    });
    expect(
      grantBody({ recipient: "r", properties: ["energy"], resolution: "raw", untilDate: "31.12." }, "UTC"),
    ).toEqual({ error: "Not a date: 31.12." });
  });
});
