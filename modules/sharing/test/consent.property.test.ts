import type { IntervalRecord, MeterReading } from "@omdp/model";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSENT_PROPERTIES, CONSENT_RESOLUTIONS, type Consent, select } from "../src";
import type { Inbound } from "../src/consent";
import { type Harness, startHarness, T0 } from "./support/harness";
import { violation } from "./support/oracle";

const PROPERTY_IDS = [
  "1-0:1.8.0",
  "1-0:2.8.0",
  "1-0:1.7.0",
  "1-0:2.7.0",
  "1-0:32.7.0",
  "1-0:31.7.0",
  "1-0:13.7.0",
  "6-0:10.0.0",
  "7-0:3.0.0",
  "0-0:96.1.0", // outside the catalogue: never shared
];
const RESOLUTIONS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D"] as const;

const consentArb: fc.Arbitrary<Consent> = fc.record({
  id: fc.uuid(),
  recipient: fc.constantFrom("cloud", "cloud", "coop", "supplier"),
  properties: fc.subarray([...CONSENT_PROPERTIES], { minLength: 1 }),
  resolution: fc.constantFrom(...CONSENT_RESOLUTIONS),
  grantedAt: fc.constant(new Date(T0 - 1000).toISOString()),
  grantedBy: fc.constant("test"),
  until: fc.option(
    fc.integer({ min: -3_600_000, max: 3_600_000 }).map((d) => new Date(T0 + d).toISOString()),
    {
      nil: null,
    },
  ),
  revokedAt: fc.option(fc.constant(new Date(T0 - 500).toISOString()), { nil: null, freq: 4 }),
  revokedBy: fc.constant(null),
});

const readingArb: fc.Arbitrary<MeterReading> = fc
  .record({
    meterId: fc.constantFrom("m1", "m2"),
    t: fc.integer({ min: 0, max: 86_400 }),
    values: fc.uniqueArray(
      fc.record({ property: fc.constantFrom(...PROPERTY_IDS), value: fc.integer({ min: 0, max: 1e6 }) }),
      { minLength: 1, maxLength: 6, selector: (v) => v.property },
    ),
  })
  .map(({ meterId, t, values }) => ({
    schemaVersion: 1 as const,
    meterId,
    readingTime: new Date(T0 + t * 1000).toISOString(),
    receivedAt: new Date(T0 + t * 1000).toISOString(),
    source: { protocol: "dlms" as const, transport: "raw" as const, gatewayId: "gw" },
    values: values.map((v) => ({ ...v, unit: "x" })),
  }));

const MIN: Record<(typeof RESOLUTIONS)[number], number> = {
  PT1M: 1,
  PT5M: 5,
  PT15M: 15,
  PT30M: 30,
  PT1H: 60,
  P1D: 1440,
};

const intervalArb: fc.Arbitrary<IntervalRecord> = fc
  .record({
    meterId: fc.constantFrom("m1", "m2"),
    resolution: fc.constantFrom(...RESOLUTIONS),
    slot: fc.integer({ min: 0, max: 200 }),
    energy: fc.integer({ min: 0, max: 5000 }),
    power: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null }),
    registers: fc.dictionary(fc.constantFrom(...PROPERTY_IDS), fc.integer({ min: 0, max: 1e6 })),
  })
  .map(({ meterId, resolution, slot, energy, power, registers }) => {
    const ms = MIN[resolution] * 60_000;
    const start = Date.parse("2026-06-15T00:00:00Z") + slot * ms;
    const intervalStart = new Date(start).toISOString();
    return {
      schemaVersion: 1 as const,
      id: `${meterId}|${resolution}|${intervalStart}`,
      meterId,
      resolution,
      intervalStart,
      intervalEnd: new Date(start + ms).toISOString(),
      energyImportedWh: energy,
      energyExportedWh: 0,
      powerMinW: power,
      powerAvgW: power,
      powerMaxW: power,
      registers,
      sampleCount: 3,
      quality: "complete" as const,
      flags: [],
    };
  });

const eventArb = fc
  .record({ meterId: fc.constantFrom("m1", "m2"), n: fc.nat(1e6) })
  .map(({ meterId, n }) => ({
    schemaVersion: 1 as const,
    id: `ev-${n}`,
    type: "threshold.power.exceeded",
    severity: "warning" as const,
    meterId,
    at: new Date(T0).toISOString(),
    details: {},
  }));

const inboundArb: fc.Arbitrary<Inbound> = fc.oneof(
  readingArb.map((body) => ({ kind: "reading" as const, body })),
  intervalArb.map((body) => ({ kind: "interval" as const, body })),
  eventArb.map((body) => ({ kind: "event" as const, body })),
);

describe("select (pure upstream selection)", () => {
  it("never lets out anything the cloud's consents do not permit, and only what came in", () => {
    fc.assert(
      fc.property(
        fc.array(consentArb, { maxLength: 6 }),
        fc.array(inboundArb, { maxLength: 20 }),
        (consents, msgs) => {
          for (const m of msgs) {
            const out = select(m, consents, "cloud", T0);
            if (!out) continue;
            expect(violation(out, consents, T0)).toBeUndefined();
            expect(out.kind).toBe(m.kind);
            if (out.kind === "reading" && m.kind === "reading")
              for (const v of out.body.values) expect(m.body.values).toContainEqual(v);
            if (out.kind === "interval" && m.kind === "interval") {
              expect(out.body.energyImportedWh).toBe(m.body.energyImportedWh);
              for (const [k, v] of Object.entries(out.body.registers)) expect(m.body.registers[k]).toBe(v);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("lets out what is consented (events, same-resolution intervals, consented raw values)", () => {
    fc.assert(
      fc.property(fc.array(consentArb, { maxLength: 6 }), inboundArb, (consents, m) => {
        const active = consents.filter(
          (c) =>
            c.recipient === "cloud" && c.revokedAt === null && (c.until === null || Date.parse(c.until) > T0),
        );
        const out = select(m, consents, "cloud", T0);
        if (m.kind === "event")
          expect(out !== undefined).toBe(active.some((c) => c.properties.includes("events")));
        if (
          m.kind === "interval" &&
          active.some((c) => c.resolution === m.body.resolution && c.properties.includes("energy"))
        )
          expect(out).toBeDefined();
        if (
          m.kind === "reading" &&
          m.body.values.some((v) => v.property === "1-0:1.8.0") &&
          active.some((c) => c.resolution === "raw" && c.properties.includes("energy"))
        )
          expect(out).toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });

  it("sends nothing once a consent has expired or been revoked", () => {
    fc.assert(
      fc.property(consentArb, inboundArb, fc.boolean(), (c, m, revoke) => {
        const ended: Consent = revoke
          ? { ...c, recipient: "cloud", revokedAt: new Date(T0 - 1).toISOString() }
          : { ...c, recipient: "cloud", revokedAt: null, until: new Date(T0).toISOString() };
        expect(select(m, [ended], "cloud", T0)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});

describe("upstream through the module wiring (test-double host)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cloud: { enabled: true }, households: { "hh-1": { timeZone: "UTC" } } });
  });
  afterAll(async () => {
    await h.dispose();
  });

  type Op =
    | { op: "grant"; consent: Consent }
    | { op: "revokeOne"; index: number }
    | { op: "tick"; ms: number }
    | { op: "deliver"; msg: Inbound };

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 2, arbitrary: consentArb.map((consent) => ({ op: "grant" as const, consent })) },
    { weight: 1, arbitrary: fc.nat(10).map((index) => ({ op: "revokeOne" as const, index })) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 1_800_000 }).map((ms) => ({ op: "tick" as const, ms })),
    },
    { weight: 6, arbitrary: inboundArb.map((msg) => ({ op: "deliver" as const, msg })) },
  );

  // one fixed run besides the random ones, so that every kind of message certainly leaves at least once
  const grant = (resolution: Consent["resolution"], properties: Consent["properties"]): Op => ({
    op: "grant",
    consent: {
      ...fc.sample(consentArb, { numRuns: 1, seed: 7 })[0]!,
      recipient: "cloud",
      resolution,
      properties,
      until: null,
    },
  });
  const [r0] = fc.sample(readingArb, { numRuns: 1, seed: 3 });
  const [i0] = fc.sample(intervalArb, { numRuns: 1, seed: 4 });
  const [e0] = fc.sample(eventArb, { numRuns: 1, seed: 5 });
  const guaranteed: Op[] = [
    grant("raw", ["energy", "power", "grid", "temperature"]),
    grant("PT15M", ["energy", "events"]),
    {
      op: "deliver",
      msg: {
        kind: "reading",
        body: { ...r0!, values: [{ property: "1-0:1.8.0", value: 1, unit: "Wh" }, ...r0!.values] },
      },
    },
    { op: "deliver", msg: { kind: "interval", body: { ...i0!, resolution: "PT1H" } } },
    { op: "deliver", msg: { kind: "event", body: e0! } },
  ];

  it("sends on upstream only what the consents in force at that moment permit", async () => {
    const store = h.module.store;
    let run = 0;
    const tally = { reading: 0, interval: 0, event: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 60, size: "max" }), async (ops) => {
        // a fresh household for each run: no consents, no data, the clock back at T0
        run++;
        h.clock.now = T0;
        for (const c of store.consents.all()) store.consents.revoke(c.id, "reset", T0);
        store.db.exec("DELETE FROM readings; DELETE FROM intervals; DELETE FROM events;");
        h.host.sent.length = 0;
        for (const o of ops) {
          if (o.op === "grant")
            store.consents.grant(
              {
                recipient: o.consent.recipient,
                properties: o.consent.properties,
                resolution: o.consent.resolution,
                until: o.consent.until,
              },
              `run-${run}`,
              h.clock.now,
            );
          else if (o.op === "revokeOne") {
            const live = store.consents.all().filter((c) => c.revokedAt === null);
            const pick = live[o.index % Math.max(1, live.length)];
            if (pick) store.consents.revoke(pick.id, `run-${run}`, h.clock.now);
          } else if (o.op === "tick") h.clock.now += o.ms;
          else {
            const before = h.host.sent.length;
            const input =
              o.msg.kind === "reading" ? "readings" : o.msg.kind === "interval" ? "intervals" : "alerts";
            await h.host.deliver(input, o.msg.body);
            const consents = store.consents.all();
            for (const s of h.host.sent.slice(before)) {
              expect(s.output).toBe("upstream");
              const out = { kind: s.properties.kind, body: s.body } as Inbound;
              expect(violation(out, consents, h.clock.now)).toBeUndefined();
              expect(s.properties).toEqual({
                kind: out.kind,
                meterId: o.msg.body.meterId,
                householdId: "hh-1",
              });
              tally[out.kind]++;
            }
          }
        }
      }),
      { numRuns: 40, examples: [[guaranteed]] },
    );
    // the runs exercised every kind of upstream message (the property was not vacuous)
    expect(tally.reading).toBeGreaterThan(0);
    expect(tally.interval).toBeGreaterThan(0);
    expect(tally.event).toBeGreaterThan(0);
  });
});

describe("the test oracle", () => {
  const base: Consent = {
    id: "c",
    recipient: "cloud",
    properties: ["energy"],
    resolution: "PT1H",
    grantedAt: "2026-01-01T00:00:00Z",
    grantedBy: "t",
    until: null,
    revokedAt: null,
    revokedBy: null,
  };
  it("flags what a broken selection would let out", () => {
    const rec = fc.sample(intervalArb, { numRuns: 1, seed: 1 })[0]!;
    const at = (resolution: IntervalRecord["resolution"], power: number | null) =>
      ({
        kind: "interval",
        body: { ...rec, resolution, registers: {}, powerMinW: power, powerAvgW: power, powerMaxW: power },
      }) as Inbound;
    expect(violation(at("PT1H", null), [base], T0)).toBeUndefined();
    expect(violation(at("PT15M", null), [base], T0)).toMatch(/without an energy consent/);
    expect(violation(at("PT1H", 5), [base], T0)).toMatch(/power/);
    expect(violation(at("PT1H", null), [{ ...base, recipient: "coop" }], T0)).toBeDefined();
    expect(violation(at("PT1H", null), [{ ...base, until: new Date(T0).toISOString() }], T0)).toBeDefined();
    const r = fc.sample(readingArb, { numRuns: 1, seed: 2 })[0]!;
    expect(violation({ kind: "reading", body: r }, [base], T0)).toMatch(/raw/);
  });
});
