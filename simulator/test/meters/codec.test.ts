/**
 * The simulator's frames decode identically with the codec: every DLMS push (M-Bus and HDLC framing)
 * through @omdp/dlms decodePush with the meter's key, every EN 13757-3 read-out through @omdp/mbus
 * decodeTelegram, give back exactly the values the simulator says it sent; and the registers in them
 * grow by the integrated power.
 */
import { decodePush, toMeterReading } from "@omdp/dlms";
import {
  decodeFrame,
  decodeTelegram,
  encodeFrame,
  type Frame,
  reqUd2,
  selectSecondary,
  sndNke,
} from "@omdp/mbus";
import { describe, expect, it } from "vitest";
import {
  createMeterFleet,
  defaultFleet,
  householdProfile,
  type SentTelegram,
  sampleAt,
} from "../../src/meters/index";

const START = Date.UTC(2026, 5, 21, 11, 0, 0);

/** A fleet on a virtual clock: `advance(ms)` moves meter time and sends what is due. */
function virtualFleet(meters: Parameters<typeof createMeterFleet>[0]["meters"]) {
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

describe("DLMS push meters", () => {
  it("every push decodes with the meter's key to the values sent (M-Bus and HDLC framing)", () => {
    const { fleet, sent, advance } = virtualFleet([
      { id: "KFM1000000001", kind: "dlms", seed: 1 },
      { id: "KFM1000000002", kind: "dlms", seed: 2, pv: true, framing: "hdlc" },
    ]);
    advance(60_000);
    expect(sent.length).toBe(24); // 12 pushes per meter per minute
    const keys = fleet.keys();
    const lastCounter = new Map<string, number>();
    for (const t of sent) {
      const d = decodePush(t.bytes, { key: Buffer.from(keys[t.meterId] as string, "hex") });
      expect(d.ok, t.meterId).toBe(true);
      if (!d.ok) continue;
      expect(d.value.transport).toBe(t.meterId.endsWith("2") ? "hdlc" : "mbus");
      if (d.value.transport === "mbus") expect(d.value.frames).toBe(2); // two segmented long frames
      expect(d.value.securityControl).toBe(0x20);
      expect(d.value.systemTitle?.toUpperCase()).toBe(
        fleet.meters.find((m) => m.id === t.meterId)!.systemTitle,
      );
      expect(d.value.frameCounter).toBeGreaterThan(lastCounter.get(t.meterId) ?? -1);
      lastCounter.set(t.meterId, d.value.frameCounter!);
      const r = toMeterReading(d.value, { gatewayId: "g", transport: "tcp", receivedAt: new Date() });
      expect(r.meterId).toBe(t.meterId);
      expect(Date.parse(r.readingTime)).toBe(t.meterTime);
      expect(r.values.length).toBe(t.values.length);
      for (const v of t.values) {
        const got = r.values.find((x) => x.property === v.property)!;
        expect(got.unit).toBe(v.unit);
        expect(got.value as number).toBeCloseTo(v.value as number, 9);
      }
    }
  });

  it("a wrong key is a typed error, never values", () => {
    const { sent, advance } = virtualFleet([{ id: "KFM1000000009", kind: "dlms", seed: 9 }]);
    advance(5000);
    const d = decodePush(sent[0]!.bytes, { key: Buffer.alloc(16, 7) });
    expect(d.ok).toBe(false);
  });

  it("A+ in consecutive pushes grows by exactly the integrated household power", () => {
    const { fleet, sent, advance } = virtualFleet([{ id: "KFM1000000004", kind: "dlms", seed: 4, pv: true }]);
    const before = fleet.registers("KFM1000000004", START);
    advance(30 * 60_000);
    const profile = householdProfile(4, { pv: true });
    const aPlus = (t: SentTelegram) => t.values.find((v) => v.property === "1-0:1.8.0")!.value as number;
    const aMinus = (t: SentTelegram) => t.values.find((v) => v.property === "1-0:2.8.0")!.value as number;
    // the accumulator starts on a whole Wh (registers start on integers), so sums check to the Wh
    const imp0 = (before.values.find((v) => v.property === "1-0:1.8.0")!.value as number) * 3600;
    const exp0 = (before.values.find((v) => v.property === "1-0:2.8.0")!.value as number) * 3600;
    let imp = imp0;
    let exp = exp0;
    let s = START / 1000;
    for (const t of sent) {
      for (; s < t.meterTime / 1000; s++) {
        const x = sampleAt(profile, s);
        imp += x.importW;
        exp += x.exportW;
      }
      expect(aPlus(t)).toBe(Math.floor(imp / 3600));
      expect(aMinus(t)).toBe(Math.floor(exp / 3600));
    }
    expect(aPlus(sent.at(-1)!)).toBeGreaterThan(aPlus(sent[0]!));
    // registers at any past meter time equal what the push at that time carried
    for (const t of [sent[0]!, sent[100]!, sent.at(-1)!]) {
      const r = fleet.registers("KFM1000000004", t.meterTime).values;
      expect(r.find((v) => v.property === "1-0:1.8.0")!.value).toBe(aPlus(t));
      expect(r.find((v) => v.property === "1-0:2.8.0")!.value).toBe(aMinus(t));
    }
    expect(fleet.registers("KFM1000000004", START).values).toEqual(before.values);
  });
});

describe("EN 13757-3 meters", () => {
  function master(fleet: ReturnType<typeof virtualFleet>["fleet"]) {
    const answers: Uint8Array[] = [];
    const att = fleet.attach((b) => answers.push(Uint8Array.from(b)));
    const ask = (f: Frame) => {
      answers.length = 0;
      att.input(encodeFrame(f));
      return answers.length === 0 ? undefined : answers[0]!;
    };
    return { ask };
  }

  it("answers SND_NKE with E5 and REQ_UD2 with RSP_UD; FCB repeated = same telegram, toggled = next", () => {
    const v = virtualFleet(defaultFleet({ meters: 4, kind: "mbus", seed: 2 }));
    const { ask } = master(v.fleet);
    const elec = v.fleet.meters[0]!; // electricity: two telegrams per read-out
    expect(ask(sndNke(elec.primaryAddress!))).toEqual(Uint8Array.of(0xe5));
    const t1 = ask(reqUd2(elec.primaryAddress!, true))!;
    const again = ask(reqUd2(elec.primaryAddress!, true))!;
    expect(again).toEqual(t1);
    const t2 = ask(reqUd2(elec.primaryAddress!, false))!;
    expect(t2).not.toEqual(t1);
    const d1 = decodeFrame(t1);
    const d2 = decodeFrame(t2);
    expect(d1.ok && d2.ok).toBe(true);
    if (!d1.ok || !d2.ok) return;
    const a = decodeTelegram(d1.value.frame);
    const b = decodeTelegram(d2.value.frame);
    expect(a.ok && a.value.type === "variable" && a.value.moreRecordsFollow).toBe(true);
    expect(b.ok && b.value.type === "variable" && !b.value.moreRecordsFollow).toBe(true);
    expect(v.sent).toHaveLength(1); // one complete read-out
    expect(ask(sndNke(77))).toBeUndefined(); // nobody at 77
  });

  it("every read-out decodes with the codec to the values sent, for each medium", () => {
    const v = virtualFleet(defaultFleet({ meters: 4, kind: "mbus", seed: 6 }));
    const { ask } = master(v.fleet);
    for (let round = 0; round < 3; round++) {
      v.advance(3_600_000);
      for (const m of v.fleet.meters) {
        ask(sndNke(m.primaryAddress!));
        const records: { quantity: string; value: unknown; unit: string }[] = [];
        let more = true;
        for (let fcb = true, i = 0; more && i < 4; fcb = !fcb, i++) {
          const f = decodeFrame(ask(reqUd2(m.primaryAddress!, fcb))!);
          if (!f.ok) throw f.error;
          const t = decodeTelegram(f.value.frame);
          if (!t.ok || t.value.type !== "variable") throw new Error("not variable data");
          expect(t.value.header?.kind === "long" && t.value.header.id).toBe(m.secondaryId);
          records.push(...t.value.records);
          more = t.value.moreRecordsFollow;
        }
        const sent = v.sent.at(-1)!;
        expect(sent.meterId).toBe(m.id);
        const time = records.find((r) => r.quantity === "dateTime")!;
        // the meter's clock shows Vienna wall time (CEST in June: UTC+2)
        expect(time.value).toBe(new Date(sent.meterTime + 7_200_000).toISOString().slice(0, 19));
        const volume = records.find((r) => r.quantity === "volume");
        const energy = records.find((r) => r.quantity === "energy");
        const byProp = new Map(sent.values.map((x) => [x.property, x.value as number]));
        if (m.medium === "water") expect(volume!.value).toBeCloseTo(byProp.get("8-0:1.0.0")!, 9);
        if (m.medium === "gas") expect(volume!.value).toBeCloseTo(byProp.get("7-0:3.0.0")!, 9);
        if (m.medium === "heat") expect(energy!.value).toBe(byProp.get("6-0:1.0.0"));
        if (m.medium === "electricity") expect(energy!.value).toBe(byProp.get("1-0:1.8.0"));
      }
    }
  });

  it("secondary addressing: a wildcard selection that matches two meters makes their answers collide", () => {
    const v = virtualFleet([
      { id: "OMD11110001", kind: "mbus", seed: 1, medium: "water" },
      { id: "OMD11110002", kind: "mbus", seed: 2, medium: "water" },
      { id: "OMD22220003", kind: "mbus", seed: 3, medium: "gas" },
    ]);
    const { ask } = master(v.fleet);
    // select one exactly: E5, then it answers on 0xFD
    expect(ask(selectSecondary({ id: "22220003" }))).toEqual(Uint8Array.of(0xe5));
    const one = decodeFrame(ask(reqUd2(0xfd, true))!);
    expect(one.ok).toBe(true);
    // a pattern matching two: both E5 (same byte), their RSP_UD collide and fail the checksum
    expect(ask(selectSecondary({ id: "1111FFFF" }))).toEqual(Uint8Array.of(0xe5));
    const both = decodeFrame(ask(reqUd2(0xfd, true))!);
    expect(both.ok).toBe(false);
    expect(v.sent.at(-1)!.fault).toBe("collision");
  });
});
