/**
 * The P1 (DSMR 5, Fluvius, Smarty), SML and D0 meters: every telegram decodes with its codec (CRC-16,
 * Smarty GCM with the meter's key, SML CRC-16/X.25, D0 BCC) to exactly the values the simulator says it
 * sent, and the registers are the load model's (the same integration as the DLMS meter: a DLMS meter
 * with the same seed shows the same A+ at the same meter time).
 */
import { toMeterReading as d0Reading, decodeReadout, feedReader, startReader } from "@omdp/d0";
import { decodeP1, toMeterReading as dsmrReading, parseSmartyFrame } from "@omdp/dsmr";
import { decodeSml, toMeterReading as smlReading } from "@omdp/sml";
import { describe, expect, it } from "vitest";
import { createMeterFleet, type MeterSpec, type SentTelegram } from "../../src/meters/index";

const START = Date.UTC(2026, 0, 31, 22, 40, 0); // local (UTC+1) 23:40 on Jan 31: a month ends in the run
const CTX = { gatewayId: "t", transport: "stream" as const, receivedAt: new Date(START) };

function virtualFleet(meters: MeterSpec[]) {
  let wall = 0;
  const fleet = createMeterFleet({ meters, speed: 1, start: START, answerDelayMs: 0, wallClock: () => wall });
  const sent: SentTelegram[] = [];
  fleet.onTelegram((t) => sent.push(t));
  const bus: Buffer[] = [];
  const port = fleet.attach((b) => bus.push(Buffer.from(b)));
  return {
    fleet,
    sent,
    bus,
    port,
    advance(ms: number) {
      wall += ms;
      fleet.tick();
    },
  };
}

/** Every value sent equals the decoded reading's value of the same property. */
function expectSame(
  values: readonly { property: string; value: unknown }[],
  decoded: readonly { property: string; value: unknown }[],
) {
  for (const v of values)
    expect(decoded.find((d) => d.property === v.property)?.value, v.property).toBe(v.value);
}

describe("DSMR P1 meters", () => {
  it("dsmr5 and fluvius: CRC valid, every sent value decoded, A+ equal to a DLMS meter's of the same seed", () => {
    const { sent, advance } = virtualFleet([
      { id: "NL0001", kind: "dsmr", seed: 3, pushIntervalS: 10 },
      { id: "BE0001", kind: "dsmr", seed: 4, p1Variant: "fluvius", pv: true, pushIntervalS: 60 },
      { id: "KFM1000000004", kind: "dlms", seed: 4, pv: true, pushIntervalS: 60 },
    ]);
    advance(40 * 60_000);
    const p1 = sent.filter((t) => t.meterId !== "KFM1000000004");
    expect(p1.length).toBe(240 + 40);
    for (const t of p1) {
      const d = decodeP1(t.bytes);
      expect(d.crc?.computed).toBe(d.crc?.transmitted);
      expect(d.lineErrors).toEqual([]);
      const r = dsmrReading(d, CTX);
      expect(r.meterId).toBe(t.meterId);
      expect(Date.parse(r.readingTime)).toBe(t.meterTime);
      expectSame(t.values, r.values);
    }
    // the Fluvius meter and the DLMS meter share seed 4: same household, same register at the same time
    const keys = new Map(sent.filter((t) => t.meterId === "KFM1000000004").map((t) => [t.meterTime, t]));
    const be = sent.filter((t) => t.meterId === "BE0001" && keys.has(t.meterTime));
    expect(be.length).toBeGreaterThan(30);
    for (const t of be) {
      const dlms = keys.get(t.meterTime)?.values.find((v) => v.property === "1-0:1.8.0")?.value;
      expect(t.values.find((v) => v.property === "1-0:1.8.0")?.value).toBe(dlms);
    }
    // the month ended at local midnight: the January peak moved to the 13-month history, stamped with
    // the month's end as the Fluvius fixture shows it ((200501000000S)(200423192538S)(03.695*kW))
    const last = decodeP1(be.at(-1)?.bytes as Uint8Array);
    const history = last.objects.find((o) => o.obis === "0-0:98.1.0");
    expect(history?.buffer?.length).toBe(1);
    expect(history?.buffer?.[0]?.times[0]?.local).toBe("2026-02-01T00:00:00");
  });

  it("smarty: a 0xDB frame that decrypts with the meter's key from fleet.keys() and its system title", () => {
    const { fleet, sent, advance } = virtualFleet([
      { id: "SAG1000000009", kind: "dsmr", seed: 9, p1Variant: "smarty" },
    ]);
    advance(60_000);
    expect(sent.length).toBe(6);
    const key = fleet.keys().SAG1000000009 as string;
    let counter = -1;
    for (const t of sent) {
      const f = parseSmartyFrame(t.bytes);
      // system title: "SAG" + the 5 bytes of the id's hex digits 1000000009
      expect(Buffer.from(f.systemTitle).toString("hex").toUpperCase()).toBe("5341471000000009");
      if (counter >= 0) expect(f.frameCounter).toBe(counter + 1);
      counter = f.frameCounter;
      const d = decodeP1(t.bytes, { keys: { key } });
      expect(d.encrypted).toBe(true);
      expectSame(t.values, dsmrReading(d, CTX).values);
    }
    expect(() => decodeP1(sent[0]?.bytes as Uint8Array, { keys: { key: "00".repeat(16) } })).toThrow(/tag/i);
  });
});

describe("SML meter", () => {
  it("every file: CRCs valid, open/get-list/close, the sent values (P+/P- from the signed 16.7.0)", () => {
    const { sent, advance } = virtualFleet([{ id: "EBZ01", kind: "sml", seed: 5, pv: true }]);
    advance(60_000);
    expect(sent.length).toBe(30); // every 2 s
    for (const t of sent) {
      const f = decodeSml(t.bytes);
      expect(f.messages.map((m) => m.body.kind)).toEqual([
        "openResponse",
        "getListResponse",
        "closeResponse",
      ]);
      expectSame(t.values, smlReading(f, CTX).values);
    }
  });
});

describe("D0 meters", () => {
  it("push: every readout decodes (no STX/BCC, as eHZ send) to the values sent", () => {
    const { sent, advance } = virtualFleet([{ id: "D001", kind: "d0", seed: 6 }]);
    advance(60_000);
    expect(sent.length).toBe(6);
    for (const t of sent) {
      const r = decodeReadout(t.bytes);
      expect(r.identification).toMatchObject({ manufacturer: "OMD", baudChar: "5", mode: "C", baud: 9600 });
      expectSame(t.values, d0Reading(r, CTX).values);
    }
  });

  it("mode C: identification on the sign-on, the BCC-framed block on the option select, nothing unasked", () => {
    const { sent, bus, port, advance } = virtualFleet([{ id: "D002", kind: "d0", seed: 7, d0Mode: "modeC" }]);
    advance(60_000);
    expect(sent).toEqual([]);
    let step = startReader({});
    const out = step.actions.flatMap((a) => (a.type === "send" ? [a.bytes] : []));
    expect(Buffer.from(out[0] as Uint8Array).toString("latin1")).toBe("/?!\r\n");
    port.input(out[0] as Uint8Array);
    step = feedReader(step.state, Buffer.concat(bus.splice(0)));
    const ack = step.actions.find((a) => a.type === "send");
    expect(ack?.type === "send" && Buffer.from(ack.bytes).toString("latin1")).toBe("\u0006050\r\n");
    port.input((ack as { bytes: Uint8Array }).bytes);
    step = feedReader(step.state, Buffer.concat(bus.splice(0)));
    const done = step.actions.find((a) => a.type === "complete");
    expect(done?.type === "complete" && done.message.bcc?.computed).toBe(
      done?.type === "complete" ? done.message.bcc?.transmitted : -1,
    );
    expect(sent).toHaveLength(1);
    if (done?.type === "complete")
      expectSame(
        sent[0]?.values ?? [],
        d0Reading({ identification: done.identification, dataSets: done.message.dataSets }, CTX).values,
      );
    // an address that is not this meter's gets no answer
    port.input(Buffer.from("/?OTHER!\r\n", "latin1"));
    expect(bus).toEqual([]);
  });
});
