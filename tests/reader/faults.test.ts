/**
 * Faults on demand (through the TCP path): corrupted bytes, dropped bytes, garbage between frames, a
 * wrong key, a silent meter, a second master. The reader reports each in its diagnostics and errors
 * and keeps every reading around it.
 */
import { defaultFleet } from "@omdp/simulator";
import { describe, expect, it } from "vitest";
import {
  byPrimary,
  cleanupAfterEach,
  countOf,
  expectExactlyOnceInOrder,
  expectSame,
  more,
  sleep,
  startRig,
  stopAndCollect,
  TCP,
  untilEachMeterRead,
  untilReadings,
  waitFor,
} from "./helpers";

const START = Date.UTC(2026, 3, 12, 8, 0, 0);
const cleanup = cleanupAfterEach();

/** Three DLMS push meters behind the TCP gateway, a listening reader connected (the fleet not started). */
function dlmsSetup() {
  return startRig(cleanup, {
    fleet: { meters: defaultFleet({ meters: 3, kind: "dlms", seed: 13 }), speed: 500, start: START },
    line: TCP,
    reader: { mode: "listen" },
  });
}

/** Three M-Bus slaves behind the TCP gateway, answering; a reader polls them by primary address. */
function mbusPoll(seed: number, pollIntervalS: number, retries: number) {
  return startRig(cleanup, {
    fleet: { meters: defaultFleet({ meters: 3, kind: "mbus", seed }), speed: 100, start: START },
    line: TCP,
    reader: (f) => ({
      mode: "poll",
      pollIntervalS,
      timing: { marginMs: 30, retries, maxTelegrams: 8 },
      meters: byPrimary(f),
    }),
  });
}

describe("reader under faults", () => {
  it("corrupted bytes, dropped bytes and garbage: reported, and every intact push still arrives once, in order", async () => {
    const rig = await dlmsSetup();
    const { fleet, sent, reader, readings, errors } = rig;
    const [m1, m2] = fleet.meters;
    fleet.start();
    await more(sent, 12);
    fleet.faults.garbage(64);
    fleet.faults.corrupt({ meterId: m1!.id });
    await more(sent, 12);
    fleet.faults.drop({ meterId: m2!.id, bytes: 5 });
    await more(sent, 12);
    fleet.faults.garbage(200);
    fleet.faults.corrupt({ count: 2 });
    await more(sent, 12);
    await stopAndCollect(rig, { want: (s) => s.filter((t) => !t.fault).length });
    await sleep(50);

    expect(sent.filter((t) => t.fault === "corrupted")).toHaveLength(3);
    expect(sent.filter((t) => t.fault === "dropped")).toHaveLength(1);
    expectExactlyOnceInOrder(sent, readings);
    const d = reader.diagnostics();
    expect(d.counters.checksumErrors).toBeGreaterThanOrEqual(3);
    expect(d.counters.bytesSkipped).toBeGreaterThanOrEqual(264);
    expect(d.counters.resyncs).toBeGreaterThan(0);
    expect(errors.some((e) => e.code === "CHECKSUM" && e.details.offset !== undefined)).toBe(true);
  });

  it("wrong key: decrypt failures reported per meter without the key; after setKey the meter reads again", async () => {
    const { fleet, sent, reader, readings, errors } = await dlmsSetup();
    const m3 = fleet.meters[2]!;
    fleet.start();
    await more(sent, 15);
    const newKey = fleet.faults.changeKey(m3.id);
    await more(sent, 15);
    fleet.stop();
    await sleep(100);
    const lost = sent.filter((t) => t.fault === "wrongKey").length;
    expect(lost).toBeGreaterThan(0);
    expect(reader.diagnostics().counters.decryptFailures).toBe(lost);
    const decrypt = errors.filter((e) => e.code === "DECRYPT");
    expect(decrypt.length).toBe(lost);
    expect(decrypt.every((e) => e.details.meterId === m3.id)).toBe(true);
    expect(JSON.stringify([errors, reader.diagnostics()]).toUpperCase()).not.toContain(newKey);
    expect(JSON.stringify([errors, reader.diagnostics()]).toUpperCase()).not.toContain(fleet.keys()[m3.id]!);

    reader.setKey(m3.id, newKey);
    const from = sent.length;
    fleet.start();
    await more(sent, 15);
    fleet.stop();
    const expected = sent.filter((t, i) => !t.fault || (i >= from && t.meterId === m3.id));
    await untilReadings(readings, () => expected.length);
    await sleep(50);
    // the other meters never missed a push; m3 lost exactly the pushes under the unknown key
    expectExactlyOnceInOrder(
      expected.map((t) => ({ ...t, fault: undefined })),
      readings,
    );
  });

  it("listen mode: a silent push meter shows in its lastSeen; the others go on; it comes back", async () => {
    const rig = await dlmsSetup();
    const { fleet, sent, reader, readings } = rig;
    const quiet = fleet.meters[0]!.id;
    fleet.start();
    await more(sent, 9);
    fleet.faults.silence(quiet, true);
    await sleep(50);
    const lastSeen = reader.diagnostics().meters[quiet]!.lastSeen;
    const before = sent.filter((t) => t.meterId === quiet).length;
    await more(sent, 20);
    expect(sent.filter((t) => t.meterId === quiet).length).toBe(before);
    expect(reader.diagnostics().meters[quiet]!.lastSeen).toBe(lastSeen);
    expect(reader.diagnostics().meters[fleet.meters[1]!.id]!.lastSeen! > lastSeen!).toBe(true);
    fleet.faults.silence(quiet, false);
    await more(sent, 9);
    await stopAndCollect(rig);
    expect(reader.diagnostics().meters[quiet]!.lastSeen! > lastSeen!).toBe(true);
    expectExactlyOnceInOrder(sent, readings);
  });

  it("poll mode: a silent meter times out and is reported; the others keep their readings; it reads again after", async () => {
    const { fleet, sent, reader, readings, errors } = await mbusPoll(21, 0.05, 1);
    const silentId = fleet.meters[1]!.id;
    const count = (id: string) => countOf(readings, id);
    expect(await waitFor(() => count(silentId) >= 3)).toBe(true);
    fleet.faults.silence(silentId, true);
    expect(await waitFor(() => errors.filter((e) => e.code === "NO_ANSWER").length >= 2)).toBe(true);
    const during = count(fleet.meters[0]!.id);
    expect(await waitFor(() => count(fleet.meters[0]!.id) >= during + 3)).toBe(true);
    fleet.faults.silence(silentId, false);
    const back = count(silentId);
    expect(await waitFor(() => count(silentId) >= back + 3)).toBe(true);
    await reader.stop();

    expect(errors.filter((e) => e.code === "NO_ANSWER").every((e) => e.details.meterId === silentId)).toBe(
      true,
    );
    const d = reader.diagnostics();
    expect(d.counters.timeouts).toBeGreaterThanOrEqual(2);
    expect(d.meters[silentId]!.errors).toBeGreaterThanOrEqual(2);
    expectExactlyOnceInOrder(sent, readings, 1);
  });

  it("poll mode: a corrupted or shortened answer is asked for again with the same FCB; no read-out is lost", async () => {
    const { fleet, sent, reader, readings, errors } = await mbusPoll(55, 0.05, 2);
    const elec = fleet.meters[0]!; // two telegrams per read-out
    const count = (id: string) => countOf(readings, id);
    expect(await waitFor(() => count(elec.id) >= 2)).toBe(true);
    fleet.faults.corrupt({ meterId: elec.id, count: 2 });
    expect(await waitFor(() => count(elec.id) >= 5)).toBe(true);
    fleet.faults.drop({ meterId: fleet.meters[1]!.id, bytes: 4 });
    fleet.faults.garbage(50);
    await untilEachMeterRead(fleet, readings, 8);
    await reader.stop();

    expect(sent.some((t) => t.repeat)).toBe(true);
    const d = reader.diagnostics();
    expect(d.counters.checksumErrors + d.counters.lengthErrors).toBeGreaterThanOrEqual(2);
    expect(d.counters.timeouts).toBe(0); // every request got its answer within the retries
    expect(errors.filter((e) => e.code === "NO_ANSWER")).toEqual([]);
    expectExactlyOnceInOrder(sent, readings, 1);
  });

  it("a second master on the bus: collisions are reported, every reading still matches what a meter sent", async () => {
    const { fleet, sent, reader, readings } = await mbusPoll(34, 0.04, 2);
    expect(await waitFor(() => readings.length >= 6)).toBe(true);
    fleet.faults.secondMaster({ everyMs: 15 });
    expect(await waitFor(() => sent.some((t) => t.fault === "collision"))).toBe(true);
    await sleep(300);
    fleet.faults.secondMaster(false);
    // the bus is quiet again: the reader carries on by itself
    const n = readings.length;
    expect(await waitFor(() => readings.length >= n + 9)).toBe(true);
    await reader.stop();

    const d = reader.diagnostics();
    expect(d.counters.checksumErrors + d.counters.timeouts + d.counters.resyncs).toBeGreaterThan(0);
    // a read-out the other master interrupted lacks the meter's clock and is flagged, never mislabelled
    const timed = readings.filter((r) => r.faultCode === undefined);
    expect(timed.length).toBeGreaterThan(9);
    for (const r of readings.filter((x) => x.faultCode !== undefined))
      expect(r.faultCode).toBe("noMeterTime");
    for (const r of timed) {
      const match = sent.find((t) => t.meterId === r.meterId && t.meterTime === Date.parse(r.readingTime));
      expect(match, `${r.meterId} ${r.readingTime}`).toBeDefined();
      expectSame(r, match!);
    }
  });
});
