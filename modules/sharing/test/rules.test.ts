import { ControlMessage, Rules } from "@omdp/module-events/config";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/harness";
import { call } from "./support/http";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.dispose();
});

const putRules = (body: unknown) => call(h.base, "PUT", "/api/rules", { headers: h.auth, body });
const storedRules = async () => (await call(h.base, "GET", "/api/rules", { headers: h.auth })).json.rules;

describe("PUT /api/rules validates with the events module's schema", () => {
  it("answers 400 problem+json naming thresholdW and forSeconds, and stores and sends nothing", async () => {
    const before = await storedRules();
    const sentBefore = h.host.sentOn("control").length;
    const bad = await putRules({
      rules: [{ id: "r1", kind: "powerAbove", thresholdW: "NaN", forSeconds: -1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json).toMatchObject({ type: "about:blank", title: "Bad Request", status: 400 });
    const names = (bad.json.invalidParams as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(["rules[0].thresholdW", "rules[0].forSeconds"]);
    expect(bad.json.parameter).toBe("rules[0].thresholdW");
    expect(bad.json.detail).toContain("forSeconds");
    expect(await storedRules()).toEqual(before);
    expect(h.host.sentOn("control")).toHaveLength(sentBefore);
  });

  it("stores a valid rule with the defaults the events module applies, and events accepts it", async () => {
    const put = await putRules({ rules: [{ id: "kettle", kind: "powerAbove", thresholdW: 2500 }] });
    expect(put.status).toBe(200);
    const stored = await storedRules();
    // The defaults of PowerAboveRule (modules/events/src/config.ts), written out by hand.
    expect(stored).toEqual([
      {
        id: "kettle",
        kind: "powerAbove",
        enabled: true,
        meterId: "*",
        severity: "warning",
        property: "1-0:1.7.0",
        thresholdW: 2500,
        forSeconds: 60,
        clearForSeconds: 60,
      },
    ]);
    expect(Rules.parse(stored)).toEqual(stored);
    const sent = h.host.sentOn("control").at(-1)!.body;
    expect(ControlMessage.safeParse(sent).success).toBe(true);
  });

  it("whatever the API accepts, the events schema accepts (fuzzed rule bodies)", async () => {
    const kinds = [
      "powerAbove",
      "powerBelow",
      "dailyEnergyAbove",
      "meterSilent",
      "readerErrors",
      "baseLoadJump",
      "export",
      "power.above",
    ];
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.integer({ min: -5, max: 100_000 }),
      fc.integer({ min: 1, max: 10 }),
      fc.constant(undefined),
      fc.constantFrom("NaN", "", "5", null, true, [], {}),
    );
    const rule = fc.record(
      {
        id: fc.oneof(fc.constantFrom("r1", "r2", "bad id!", ""), fc.string({ maxLength: 70 })),
        kind: fc.constantFrom(...kinds),
        enabled: fc.boolean(),
        meterId: fc.constantFrom("*", "m1", ""),
        severity: fc.constantFrom("info", "warning", "critical", "loud"),
        thresholdW: value,
        forSeconds: value,
        budgetWh: value,
        minutes: value,
        counter: fc.constantFrom("decryptFailures", "checksumErrors", "nope"),
        threshold: value,
        minDays: value,
        startW: value,
      },
      { requiredKeys: ["kind"] },
    );
    const answered = { 200: 0, 400: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(rule, { maxLength: 3 }), async (rules) => {
        const put = await putRules({ rules });
        expect([200, 400]).toContain(put.status);
        answered[put.status as 200 | 400] += 1;
        if (put.status === 400) {
          expect(put.json.invalidParams.length).toBeGreaterThan(0);
          return;
        }
        const stored = await storedRules();
        expect(Rules.safeParse(stored).success).toBe(true);
        expect(ControlMessage.safeParse(h.host.sentOn("control").at(-1)!.body).success).toBe(true);
      }),
      { numRuns: 300, seed: 11 },
    );
    // Both branches were exercised (the property is not vacuous).
    expect(answered[200]).toBeGreaterThan(10);
    expect(answered[400]).toBeGreaterThan(10);
  });
});
