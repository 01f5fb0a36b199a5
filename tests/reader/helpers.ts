/**
 * Shared harness of the simulator-to-reader tests: a fleet on a real line (TCP gateway or socat PTY)
 * with a reader on the other end, cleaned up after each test; bounded waits; the checks that what the
 * simulator sent is what the reader produced.
 */
import { type MeterReading, MeterReading as MeterReadingSchema } from "@omdp/model";
import {
  createReader,
  KeyStore,
  type Reader,
  type ReaderConfigInput,
  type ReaderError,
  type SerialPreset,
} from "@omdp/reader";
import {
  createMeterFleet,
  type FleetOptions,
  type MeterFleet,
  type PtyLine,
  type SentTelegram,
  servePty,
  serveTcp,
  type TcpGateway,
} from "@omdp/simulator";
import { afterEach, expect } from "vitest";

export type Cleanup = () => Promise<void> | void;
export type AddCleanup = (...fns: Cleanup[]) => void;

/**
 * Registers an `afterEach` in the calling test file (call it at the file's top level) that runs what was
 * added, last added first; returns the function that adds.
 */
export function cleanupAfterEach(): AddCleanup {
  const stack: Cleanup[] = [];
  afterEach(async () => {
    while (stack.length) await stack.pop()!();
  });
  return (...fns) => {
    stack.push(...fns);
  };
}

/**
 * The line between the simulator and the reader: its M-Bus/TCP gateway on an ephemeral loopback port,
 * or a socat PTY pair with the simulator on `pty` and the reader on the peer end (the line goes into
 * `lines`, which the test file closes after all its tests; `preset`/`baudRate` are the reader's port).
 */
export type Line =
  | { readonly kind: "tcp" }
  | {
      readonly kind: "pty";
      readonly pty: string;
      readonly lines: PtyLine[];
      readonly preset: SerialPreset;
      readonly baudRate?: number;
    };

export const TCP: Line = { kind: "tcp" };

/** The reader's configuration but its transport, which comes from the line. */
export type ReaderSettings = Omit<ReaderConfigInput, "transport">;

export interface RigOptions {
  readonly fleet: FleetOptions;
  readonly line: Line;
  /** The reader's settings, or made from the fleet (e.g. its meters' addresses). */
  readonly reader: ReaderSettings | ((fleet: MeterFleet) => ReaderSettings);
}

export interface Rig {
  readonly fleet: MeterFleet;
  /** Every telegram the fleet put on the bus, in order. */
  readonly sent: SentTelegram[];
  readonly reader: Reader;
  readonly readings: MeterReading[];
  readonly errors: ReaderError[];
  /** The TCP gateway (line kind `tcp`). */
  readonly gw?: TcpGateway;
  /** The PTY pair (line kind `pty`). */
  readonly line?: PtyLine;
}

/**
 * Starts a fleet, its line and a reader on it, collecting telegrams sent, readings and errors; every part
 * is stopped by `cleanup`. Listen mode: the reader gets the fleet's keys and the rig returns once the
 * reader is connected (asserted); the fleet is not started. Poll mode: the fleet is started before the
 * reader (its slaves answer at once).
 */
export async function startRig(cleanup: AddCleanup, o: RigOptions): Promise<Rig> {
  const fleet = createMeterFleet(o.fleet);
  const sent: SentTelegram[] = [];
  fleet.onTelegram((t) => sent.push(t));
  let gw: TcpGateway | undefined;
  let line: PtyLine | undefined;
  let transport: ReaderConfigInput["transport"];
  if (o.line.kind === "tcp") {
    const g = await serveTcp(fleet, 0);
    gw = g;
    cleanup(
      () => g.close(),
      () => fleet.stop(),
    );
    transport = { kind: "tcp", host: "127.0.0.1", port: g.port };
  } else {
    line = await servePty(fleet, { path: o.line.pty });
    o.line.lines.push(line);
    cleanup(() => fleet.stop());
    transport = { kind: "serial", path: line.peerPath, preset: o.line.preset };
    if (o.line.baudRate !== undefined) transport.baudRate = o.line.baudRate;
  }
  const settings = typeof o.reader === "function" ? o.reader(fleet) : o.reader;
  const listen = (settings.mode ?? "listen") === "listen";
  if (!listen) fleet.start();
  const keys = new KeyStore();
  if (listen) for (const [id, k] of Object.entries(fleet.keys())) keys.set(id, k);
  const reader = createReader({ ...settings, transport }, listen ? { keys } : {});
  const readings: MeterReading[] = [];
  const errors: ReaderError[] = [];
  reader.on("reading", (r) => readings.push(r));
  reader.on("error", (e) => errors.push(e));
  await reader.start();
  cleanup(() => reader.stop());
  if (listen) {
    const connected = gw ? () => gw.clients === 1 : () => reader.diagnostics().link.connected;
    expect(await waitFor(connected)).toBe(true);
  }
  return { fleet, sent, reader, readings, errors, gw, line };
}

/** Poll mode: every meter of the fleet by its primary address. */
export function byPrimary(fleet: MeterFleet): { id: string; primaryAddress?: number }[] {
  return fleet.meters.map((m) => ({ id: m.id, primaryAddress: m.primaryAddress }));
}

/** Polls `check` every 20 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets `n` more telegrams go out (10 s at most, asserted). */
export async function more(sent: readonly SentTelegram[], n: number): Promise<void> {
  const target = sent.length + n;
  expect(await waitFor(() => sent.length >= target)).toBe(true);
}

/** Readings of one meter so far. */
export function countOf(readings: readonly MeterReading[], meterId: string): number {
  return readings.filter((r) => r.meterId === meterId).length;
}

/** Waits (10 s at most, asserted) until every meter of the fleet has at least `n` readings. */
export async function untilEachMeterRead(
  fleet: MeterFleet,
  readings: readonly MeterReading[],
  n: number,
): Promise<void> {
  expect(await waitFor(() => fleet.meters.every((m) => countOf(readings, m.id) >= n))).toBe(true);
}

/** Waits (5 s at most, asserted) until the reader has produced `want()` readings (`exact`: exactly that many). */
export async function untilReadings(
  readings: readonly MeterReading[],
  want: () => number,
  exact = false,
): Promise<void> {
  expect(await waitFor(() => (exact ? readings.length === want() : readings.length >= want()), 5000)).toBe(
    true,
  );
}

/**
 * Stops the fleet, then waits (5 s at most, asserted) until the reader has caught up: one reading per
 * telegram sent, or `want(sent)` of them; `exact`: exactly that many.
 */
export async function stopAndCollect(
  rig: Pick<Rig, "fleet" | "sent" | "readings">,
  opts: { want?: (sent: readonly SentTelegram[]) => number; exact?: boolean } = {},
): Promise<void> {
  rig.fleet.stop();
  const want = opts.want;
  await untilReadings(rig.readings, () => (want ? want(rig.sent) : rig.sent.length), opts.exact);
}

/** Every reading is a valid MeterReading of the data contract. */
export function expectValidReadings(readings: readonly MeterReading[]): void {
  for (const r of readings) expect(MeterReadingSchema.safeParse(r).success).toBe(true);
}

/**
 * Telegrams of each meter that should have arrived intact, in order: without a fault, and each meter
 * time once (a read-out repeated for a repeated FCB is the same reading).
 */
export function intactByMeter(sent: readonly SentTelegram[]): Map<string, SentTelegram[]> {
  const out = new Map<string, SentTelegram[]>();
  const seen = new Set<string>();
  for (const t of sent) {
    if (t.fault) continue;
    const key = `${t.meterId}|${t.meterTime}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(t.meterId) ?? [];
    list.push(t);
    out.set(t.meterId, list);
  }
  return out;
}

export function readingsByMeter(readings: readonly MeterReading[]): Map<string, MeterReading[]> {
  const out = new Map<string, MeterReading[]>();
  for (const r of readings) {
    const list = out.get(r.meterId) ?? [];
    list.push(r);
    out.set(r.meterId, list);
  }
  return out;
}

/** One reading carries exactly the telegram's values: same meter time, every property, its unit, its value. */
export function expectSame(reading: MeterReading, sent: SentTelegram): void {
  expect(Date.parse(reading.readingTime)).toBe(sent.meterTime);
  const got = new Map(reading.values.map((v) => [v.property, v]));
  for (const v of sent.values) {
    const r = got.get(v.property);
    expect(r, `${sent.meterId} ${v.property}`).toBeDefined();
    expect(r!.unit, `${v.property} unit`).toBe(v.unit);
    if (typeof v.value === "number" && !Number.isInteger(v.value))
      expect(r!.value as number).toBeCloseTo(v.value, 6);
    else expect(r!.value, `${v.property} value`).toBe(v.value);
  }
}

/**
 * Every intact telegram arrived exactly once and in order; the reader produced nothing else for these
 * meters. `allowMissingTail` tolerates answers in flight when a polling reader was stopped.
 */
export function expectExactlyOnceInOrder(
  sent: readonly SentTelegram[],
  readings: readonly MeterReading[],
  allowMissingTail = 0,
): void {
  const want = intactByMeter(sent);
  const got = readingsByMeter(readings);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [meterId, list] of want) {
    const r = got.get(meterId) ?? [];
    // a polling reader stopped mid-exchange: the meter answered, the reader was gone
    if (r.length < list.length && list.length - r.length <= allowMissingTail) list.length = r.length;
    expect(r.length, `readings of ${meterId}`).toBe(list.length);
    for (const [i, t] of list.entries()) expectSame(r[i]!, t);
  }
}
