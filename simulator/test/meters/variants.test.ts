/**
 * DLMS variants and security: the Sagemcom T210-D layout (one structure per object) decodes with
 * @omdp/dlms by walking the structure to the simulator's register values to the Wh; authenticated and
 * encrypted pushes (security control 0x30) verify with the meter's authentication key and fail typed
 * with another; keys() gives `{ key, authKey }` for those meters.
 */
import { decodeData, decodePush, toMeterReading } from "@omdp/dlms";
import { describe, expect, it } from "vitest";
import {
  createMeterFleet,
  encodeSagemcomNotification,
  type MeterKeyEntry,
  type MeterSpec,
  type SentTelegram,
} from "../../src/meters/index";

const START = Date.UTC(2026, 5, 21, 10, 0, 0); // a June midday: the PV household exports

function virtualFleet(meters: MeterSpec[]) {
  let wall = 0;
  const fleet = createMeterFleet({ meters, speed: 1, start: START, answerDelayMs: 0, wallClock: () => wall });
  const sent: SentTelegram[] = [];
  fleet.onTelegram((t) => sent.push(t));
  return {
    fleet,
    sent,
    advance(ms: number) {
      wall += ms;
      fleet.tick();
    },
  };
}

const keyOf = (e: MeterKeyEntry | undefined) => Buffer.from(typeof e === "string" ? e : e!.key, "hex");
const authOf = (e: MeterKeyEntry | undefined) =>
  typeof e === "object" ? Buffer.from(e.authKey, "hex") : undefined;

describe("Sagemcom T210-D variant", () => {
  it("SAG ids push the T210-D layout, KFM ids the Kaifa one; the variant is a MeterSpec option", () => {
    const { fleet } = virtualFleet([
      { id: "SAG1000000002", kind: "dlms", seed: 2, pv: true },
      { id: "KFM1000000001", kind: "dlms", seed: 1 },
      { id: "KFM1000000003", kind: "dlms", seed: 3, variant: "sagemcom" },
      { id: "SAG1000000004", kind: "dlms", seed: 4, variant: "kaifa" },
    ]);
    expect(fleet.meters.map((m) => m.variant)).toEqual(["sagemcom", "kaifa", "sagemcom", "kaifa"]);
  });

  it("every push decodes by walking the structure to the register values, energy to the Wh", () => {
    const { fleet, sent, advance } = virtualFleet([
      { id: "SAG1000000002", kind: "dlms", seed: 2, pv: true },
      { id: "SAG1000000005", kind: "dlms", seed: 5 },
    ]);
    advance(10 * 60_000);
    expect(sent.length).toBe(2 * 10 * 12);
    const keys = fleet.keys();
    let exporting = 0;
    for (const t of sent) {
      const d = decodePush(t.bytes, { key: keyOf(keys[t.meterId]) });
      expect(d.ok, t.meterId).toBe(true);
      if (!d.ok) continue;
      expect(d.value.transport).toBe("mbus");
      expect(d.value.frames).toBe(2);
      expect(d.value.securityControl).toBe(0x20);
      expect(d.value.manufacturer).toBe("SAG");
      expect(d.value.profile).toBeUndefined(); // labelled by the telegram itself, no profile
      expect(d.value.unlabeled).toEqual([]);
      const clock = d.value.cosem.find((c) => c.obis === "0.0.1.0.0.255")?.dateTime;
      expect(clock).toBeDefined();
      expect(clock?.deviation).toBe(-60); // the meter's clock carries its deviation from UTC
      const r = toMeterReading(d.value, { gatewayId: "g", transport: "tcp", receivedAt: new Date() });
      expect(r.meterId).toBe(t.meterId); // from the labelled device id 0.0.96.1.0.255
      expect(Date.parse(r.readingTime)).toBe(t.meterTime);
      // the simulator's registers at that meter time, recomputed independently of the telegram
      const want = fleet.registers(t.meterId, t.meterTime).values;
      expect(r.values.length).toBe(want.length);
      for (const v of want) {
        const got = r.values.find((x) => x.property === v.property);
        expect(got, v.property).toBeDefined();
        expect(got!.unit).toBe(v.unit);
        if (v.unit === "Wh" || v.unit === "varh") expect(got!.value).toBe(v.value);
        else expect(got!.value as number).toBeCloseTo(v.value as number, 9);
      }
      if ((r.values.find((x) => x.property === "1-0:2.7.0")?.value as number) > 0) exporting++;
    }
    expect(exporting).toBeGreaterThan(0);
  });

  it("the layout is one structure per object with a scaler_unit per register, byte-exact and deterministic", () => {
    const input = {
      invokeId: 7,
      dateTime: { year: 2026, month: 6, day: 1, hour: 12, minute: 0, second: 5, deviation: -120 },
      values: [
        { obis: "1.0.1.8.0.255", value: 123_456, scaler: 0, unit: "Wh" },
        { obis: "1.0.32.7.0.255", value: 231.4, scaler: -1, unit: "V", type: "long-unsigned" as const },
      ],
      meterNumber: "SAG1000000002",
    };
    const a = encodeSagemcomNotification(input);
    expect(Buffer.from(encodeSagemcomNotification(input)).equals(Buffer.from(a))).toBe(true);
    expect([...a.subarray(0, 6)]).toEqual([0x0f, 0, 0, 0, 7, 12]);
    const body = decodeData(a, 6 + 12);
    if (!body.ok) throw body.error;
    expect(body.value.next).toBe(a.length);
    expect(body.value.value.kind).toBe("structure");
    const items = (body.value.value as unknown as { items: { kind: string; items: unknown[] }[] }).items;
    expect(items.map((i) => [i.kind, i.items.length])).toEqual([
      ["structure", 2], // clock
      ["structure", 2], // device id
      ["structure", 3], // A+ with scaler_unit
      ["structure", 3], // L1 voltage with scaler_unit
    ]);
    const d = decodePush(a, { transport: "raw" });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.value.cosem.find((c) => c.obis === "1.0.32.7.0.255")).toMatchObject({ value: 231.4, unit: "V" });
    expect(d.value.cosem.find((c) => c.obis === "1.0.1.8.0.255")).toMatchObject({
      value: 123_456,
      unit: "Wh",
    });
  });
});

describe("authenticated and encrypted pushes (security control 0x30)", () => {
  const meters: MeterSpec[] = [
    { id: "KFM1000000007", kind: "dlms", seed: 7, authenticated: true },
    { id: "SAG1000000008", kind: "dlms", seed: 8, authKey: "000102030405060708090A0B0C0D0E0F" },
    { id: "KFM1000000009", kind: "dlms", seed: 9 },
  ];

  it("keys() gives { key, authKey } for authenticating meters and the key alone for the others", () => {
    const { fleet } = virtualFleet(meters);
    const keys = fleet.keys();
    expect(keys.KFM1000000007).toMatchObject({ key: expect.stringMatching(/^[0-9A-F]{32}$/) });
    expect((keys.KFM1000000007 as { authKey: string }).authKey).toMatch(/^[0-9A-F]{32}$/);
    expect(keys.SAG1000000008).toMatchObject({ authKey: "000102030405060708090A0B0C0D0E0F" });
    expect(typeof keys.KFM1000000009).toBe("string");
    expect(fleet.meters.map((m) => m.securityControl)).toEqual([0x30, 0x30, 0x20]);
  });

  it("decode and verify with the right authentication key; another is AUTH_FAILED, never values", () => {
    const { fleet, sent, advance } = virtualFleet(meters);
    advance(60_000);
    const keys = fleet.keys();
    const wrongAuth = Buffer.alloc(16, 0x5a);
    for (const t of sent) {
      const e = keys[t.meterId];
      const authKey = authOf(e);
      const d = decodePush(t.bytes, { key: keyOf(e), ...(authKey ? { authKey } : {}) });
      expect(d.ok, t.meterId).toBe(true);
      if (!d.ok) continue;
      expect(d.value.securityControl).toBe(authKey ? 0x30 : 0x20);
      expect(d.value.security?.tagVerified).toBe(authKey !== undefined);
      const a = fleet.registers(t.meterId, t.meterTime).values.find((v) => v.property === "1-0:1.8.0")!;
      expect(d.value.cosem.find((c) => c.obis === "1.0.1.8.0.255")?.value).toBe(a.value);
      if (!authKey) continue;
      const bad = decodePush(t.bytes, { key: keyOf(e), authKey: wrongAuth });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.code).toBe("AUTH_FAILED");
    }
  });

  it("the same push with another authentication key differs only in its 12-byte tag (AAD = SC || AK)", () => {
    const a = virtualFleet([meters[1]!]);
    const b = virtualFleet([{ ...meters[1]!, authKey: "F0E0D0C0B0A090807060504030201000" }]);
    a.advance(5000);
    b.advance(5000);
    expect(a.sent.length).toBe(1);
    const x = Buffer.from(a.sent[0]!.bytes);
    const y = Buffer.from(b.sent[0]!.bytes);
    expect(x.length).toBe(y.length);
    const differ = [...x.keys()].filter((i) => x[i] !== y[i]);
    // the tag ends the APDU, in the last frame just before its checksum and stop byte (68 .. CS 16)
    expect(differ.length).toBeGreaterThan(6);
    expect(differ.length).toBeLessThanOrEqual(13);
    expect(Math.min(...differ)).toBeGreaterThanOrEqual(x.length - 2 - 12);
    expect(Math.max(...differ)).toBe(x.length - 2);
  });
});
