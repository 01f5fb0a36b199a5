/**
 * A fleet of simulated meters on one bus: push meters send on their schedule in meter time, slaves
 * answer the masters attached to the bus, faults are applied on demand, and every telegram put on the
 * bus is reported with the values it carried (so tests can check what a reader receives).
 */
import { encodeFrame, FrameParser, reqUd2 } from "@omdp/mbus";
import type { BusAttachment, SimBus } from "./bus";
import { MeterClock } from "./clock";
import { createD0Meter } from "./d0Meter";
import { type CatchUpCadence, createDlmsMeter } from "./dlmsMeter";
import { collide, corruptBytes, dropBytes, garbageBytes } from "./faults";
import { createMbusMeter } from "./mbusMeter";
import type { AnsweringMeter, MeterInfo, PolledMeter, PushingMeter, SimMeter } from "./meter";
import { createP1Meter } from "./p1Meter";
import { unit } from "./random";
import { createSmlMeter } from "./smlMeter";
import { createWmbusMeter } from "./wmbusMeter";

/** IEC 62056-21 clause 6.3.14: the meter's minimum reaction time tr before it answers, ms. */
const D0_REACTION_MS = 200;

import type { MeterKeyEntry, MeterSpec, SentTelegram, SentValue, TelegramFault } from "./types";

export interface FleetOptions {
  readonly meters: readonly MeterSpec[];
  /** Meter time runs this many times faster than wall time (default 1). */
  readonly speed?: number;
  /** Meter time at start (default now), whole seconds. */
  readonly start?: number | Date | string;
  /**
   * Wall ms a slave waits before it answers (default 3; EN 13757-2 allows 11 bit times to 330 bit times
   * + 50 ms). 0 answers synchronously (no collision window): for generating telegrams offline.
   */
  readonly answerDelayMs?: number;
  /** Wall clock in ms (default performance.now): a virtual clock drives the fleet without timers. */
  readonly wallClock?: () => number;
  /** Meter time from elsewhere (the platform's shared epoch: EpochMeterClock); `speed` is then unused. */
  readonly clock?: MeterClock;
  /** A backfill's catch-up: push meters send once per `intervalS` of meter time until `untilMs`. */
  readonly catchUp?: CatchUpCadence;
}

export interface FleetFaults {
  /** The next `count` telegrams (of `meterId`, or of any meter) get a flipped byte. */
  corrupt(opts?: { meterId?: string; count?: number }): void;
  /** The next `count` telegrams lose `bytes` bytes in the middle. */
  drop(opts?: { meterId?: string; count?: number; bytes?: number }): void;
  /** A silent meter neither pushes nor answers (its registers keep counting). */
  silence(meterId: string, silent?: boolean): void;
  /** A push meter switches to another key (default: derived from the old one); returns the new key (hex). */
  changeKey(meterId: string, keyHex?: string): string;
  /** Puts `n` garbage bytes (or the given bytes) on the bus now, between frames. */
  garbage(bytes?: number | Uint8Array): void;
  /** A second master on the bus polls random slaves every `everyMs` wall ms (false: remove it). */
  secondMaster(opts: { everyMs: number } | false): void;
}

export interface MeterFleet extends SimBus {
  readonly clock: MeterClock;
  readonly meters: readonly MeterInfo[];
  /** Starts the push schedule (slaves answer as soon as a master is attached). */
  start(): void;
  /** Sends every push due by now (for a virtual wall clock; `start` does this on timers). */
  tick(): void;
  stop(): void;
  /** Called for every telegram put on the bus; returns an unsubscribe function. */
  onTelegram(listener: (t: SentTelegram) => void): () => void;
  /**
   * Register and instantaneous values of a meter at meter time `at` (default now), in platform units;
   * any time since the fleet's start (a past time is integrated again from the start).
   */
  registers(meterId: string, at?: number): { meterTime: number; values: SentValue[] };
  /**
   * Keys of the push meters as a reader keys file holds them: meterId to the AES-128 key (hex), or
   * `{ key, authKey }` for meters that authenticate their pushes. Simulator keys only.
   */
  keys(): Record<string, MeterKeyEntry>;
  readonly faults: FleetFaults;
}

function toMs(v: number | Date | string | undefined): number {
  const ms = v === undefined ? Date.now() : typeof v === "number" ? v : new Date(v).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`invalid start time: ${String(v)}`);
  return Math.floor(ms / 1000) * 1000;
}

interface PendingTx {
  bytes: Uint8Array;
  entries: {
    meterId: string;
    completed?: { values: SentValue[]; meterTime: number; repeat?: boolean };
    master: "reader" | "second";
  }[];
  fault: TelegramFault | undefined;
}

export function createMeterFleet(opts: FleetOptions): MeterFleet {
  const start = toMs(opts.start);
  const clock = opts.clock ?? new MeterClock(start, opts.speed ?? 1, opts.wallClock);
  const ids = new Set<string>();
  const meters: SimMeter[] = opts.meters.map((spec, i) => {
    if (ids.has(spec.id)) throw new Error(`duplicate meter id ${spec.id}`);
    ids.add(spec.id);
    return createMeter(spec, i, start, opts.catchUp);
  });
  const byId = new Map(meters.map((m) => [m.info.id, m]));
  const pushers = meters.filter((m): m is PushingMeter => m.mode === "push");
  const slaves = meters.filter((m): m is PolledMeter => m.mode === "poll");
  const answering = meters.filter((m): m is AnsweringMeter => m.mode === "answer");
  const originalKeys = new Map(pushers.map((m) => [m.info.id, m.keyHex]));
  const answerDelay = opts.answerDelayMs ?? 3;

  const outputs = new Set<(bytes: Buffer) => void>();
  const listeners = new Set<(t: SentTelegram) => void>();
  const silent = new Set<string>();
  const corruptQ = new Map<string, number>();
  const dropQ = new Map<string, { count: number; bytes: number }>();
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  let secondTimer: NodeJS.Timeout | undefined;
  let running = false;
  let pending: PendingTx | undefined;
  let pendingTimer: NodeJS.Timeout | undefined;
  let garbageSeed = 1;

  const emit = (bytes: Uint8Array) => {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const out of outputs) out(buf);
  };

  const report = (t: Omit<SentTelegram, "seq">) => {
    const entry: SentTelegram = { ...t, seq: seq++ };
    for (const l of listeners) l(entry);
  };

  /** Takes one pending fault for a meter (specific first, then "any"). */
  const takeFault = (meterId: string): { fault?: TelegramFault; apply: (b: Uint8Array) => Uint8Array } => {
    for (const key of [meterId, "*"]) {
      const c = corruptQ.get(key);
      if (c) {
        if (c <= 1) corruptQ.delete(key);
        else corruptQ.set(key, c - 1);
        return { fault: "corrupted", apply: corruptBytes };
      }
      const d = dropQ.get(key);
      if (d) {
        if (d.count <= 1) dropQ.delete(key);
        else dropQ.set(key, { count: d.count - 1, bytes: d.bytes });
        return { fault: "dropped", apply: (b) => dropBytes(b, d.bytes) };
      }
    }
    return { apply: (b) => b };
  };

  /** Runs every push that is due by meter time `now`, in time order. */
  const catchUp = (now: number) => {
    for (let guard = 0; guard < 100_000; guard++) {
      let due: PushingMeter | undefined;
      for (const m of pushers) if (m.nextPushAt <= now && (!due || m.nextPushAt < due.nextPushAt)) due = m;
      if (!due) return;
      const p = due.push();
      if (silent.has(due.info.id)) continue;
      const f = takeFault(due.info.id);
      const bytes = f.apply(p.bytes);
      const keyFault = due.keyHex !== originalKeys.get(due.info.id) ? "wrongKey" : undefined;
      emit(bytes);
      const fault = f.fault ?? keyFault;
      report({
        meterId: due.info.id,
        meterTime: p.meterTime,
        values: p.values,
        bytes,
        ...(fault ? { fault } : {}),
      });
    }
  };

  const schedule = () => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pushers.length === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const m of pushers) next = Math.min(next, m.nextPushAt);
    const delay = Math.min(60_000, Math.max(1, Math.ceil(clock.wallDelayUntil(next))));
    timer = setTimeout(() => {
      timer = undefined;
      catchUp(clock.now());
      schedule();
    }, delay);
  };

  const flushPending = () => {
    pendingTimer = undefined;
    const tx = pending;
    pending = undefined;
    if (!tx) return;
    emit(tx.bytes);
    for (const e of tx.entries) {
      if (!e.completed) continue;
      report({
        meterId: e.meterId,
        meterTime: e.completed.meterTime,
        values: e.completed.values,
        ...(e.completed.repeat ? { repeat: true } : {}),
        bytes: tx.bytes,
        master: e.master,
        ...(tx.fault ? { fault: tx.fault } : {}),
      });
    }
  };

  /** Queues an answer; answers that overlap on the line collide. */
  const transmit = (bytes: Uint8Array, entries: PendingTx["entries"], fault: TelegramFault | undefined) => {
    if (answerDelay === 0) {
      pending = { bytes, entries, fault };
      flushPending();
      return;
    }
    if (pending) {
      pending.bytes = collide(pending.bytes, bytes);
      pending.entries.push(...entries);
      pending.fault = "collision";
      return;
    }
    pending = { bytes, entries, fault };
    pendingTimer = setTimeout(flushPending, answerDelay);
  };

  /** A master frame arrives: every addressed slave answers; several answers collide. */
  const onMasterBytes = (parser: FrameParser, chunk: Uint8Array, master: "reader" | "second") => {
    const now = clock.now();
    catchUp(now);
    for (const ev of parser.push(chunk)) {
      if (ev.type !== "frame") continue;
      const answers: {
        bytes: Uint8Array;
        meterId: string;
        completed?: { values: SentValue[]; meterTime: number; repeat?: boolean };
      }[] = [];
      for (const m of slaves) {
        if (silent.has(m.info.id)) continue;
        const a = m.handle(ev.frame, now);
        if (a) answers.push({ ...a, meterId: m.info.id });
      }
      if (answers.length === 0) continue;
      let bytes = answers[0]!.bytes;
      let fault: TelegramFault | undefined;
      for (const a of answers.slice(1)) bytes = collide(bytes, a.bytes);
      if (answers.length > 1) fault = "collision";
      else if (bytes.length > 5) {
        // faults hit telegrams (RSP_UD), not the single-character acknowledgements
        const f = takeFault(answers[0]!.meterId);
        bytes = f.apply(bytes);
        fault = f.fault;
      }
      transmit(
        bytes,
        answers.map((a) => ({
          meterId: a.meterId,
          master,
          ...(a.completed ? { completed: a.completed } : {}),
        })),
        fault,
      );
    }
  };

  /**
   * Bytes from the reader to the meters that answer raw requests (D0 mode C). A meter answers after its
   * reaction time, at least 200 ms (IEC 62056-21 clause 6.3.14: the reader switches its baud rate in
   * that time); with `answerDelayMs: 0` at once (offline generation).
   */
  const onRequestBytes = (bytes: Uint8Array) => {
    const now = clock.now();
    for (const m of answering) {
      if (silent.has(m.info.id)) continue;
      const answers = m.receive(bytes, now);
      if (answerDelay === 0) sendAnswers(m, answers);
      else if (answers.length > 0) {
        // the request's last character reaches a real meter its transmit time after the first (300 baud,
        // 10 bits a character, clause 6.3.3); the meter reacts tr after that
        const t = setTimeout(
          () => {
            requestTimers.delete(t);
            sendAnswers(m, answers);
          },
          D0_REACTION_MS + (bytes.length * 10 * 1000) / 300,
        );
        requestTimers.add(t);
      }
    }
  };
  const requestTimers = new Set<NodeJS.Timeout>();
  const sendAnswers = (m: AnsweringMeter, answers: ReturnType<AnsweringMeter["receive"]>) => {
    for (const a of answers) {
      const f = a.completed ? takeFault(m.info.id) : { apply: (b: Uint8Array) => b };
      const out = f.apply(a.bytes);
      emit(out);
      if (a.completed)
        report({
          meterId: m.info.id,
          meterTime: a.completed.meterTime,
          values: a.completed.values,
          bytes: out,
          master: "reader",
          ...(f.fault ? { fault: f.fault } : {}),
        });
    }
  };

  const faults: FleetFaults = {
    corrupt: ({ meterId = "*", count = 1 } = {}) => {
      corruptQ.set(meterId, (corruptQ.get(meterId) ?? 0) + count);
    },
    drop: ({ meterId = "*", count = 1, bytes = 3 } = {}) => {
      dropQ.set(meterId, { count: (dropQ.get(meterId)?.count ?? 0) + count, bytes });
    },
    silence: (meterId, on = true) => {
      if (!byId.has(meterId)) throw new Error(`no meter ${meterId}`);
      if (on) silent.add(meterId);
      else silent.delete(meterId);
    },
    changeKey: (meterId, keyHex) => {
      const m = byId.get(meterId);
      if (m?.mode !== "push" || m.keyHex === undefined || !m.setKey)
        throw new Error(`no push meter with a key ${meterId}`);
      const next =
        keyHex ??
        Buffer.from(Buffer.from(m.keyHex, "hex").map((b) => b ^ 0xa5))
          .toString("hex")
          .toUpperCase();
      m.setKey(next);
      return next;
    },
    garbage: (bytes = 32) => {
      emit(typeof bytes === "number" ? garbageBytes(bytes, garbageSeed++) : bytes);
    },
    secondMaster: (o) => {
      if (secondTimer) clearInterval(secondTimer);
      secondTimer = undefined;
      if (!o || slaves.length === 0) return;
      const parser = new FrameParser();
      let n = 0;
      secondTimer = setInterval(
        () => {
          const target = slaves[Math.floor(unit(97, n++) * slaves.length)]!;
          const addr = target.info.primaryAddress ?? 0;
          onMasterBytes(parser, encodeReq(addr, n % 2 === 0), "second");
        },
        Math.max(5, o.everyMs),
      );
    },
  };

  return {
    clock,
    meters: meters.map((m) => m.info),
    attach: (deliver): BusAttachment => {
      const parser = new FrameParser();
      outputs.add(deliver);
      return {
        input: (bytes) => {
          onMasterBytes(parser, bytes, "reader");
          if (answering.length > 0) onRequestBytes(bytes);
        },
        detach: () => {
          outputs.delete(deliver);
        },
      };
    },
    start: () => {
      if (running) return;
      running = true;
      catchUp(clock.now());
      schedule();
    },
    tick: () => catchUp(clock.now()),
    stop: () => {
      running = false;
      for (const t of requestTimers) clearTimeout(t);
      requestTimers.clear();
      if (timer) clearTimeout(timer);
      if (secondTimer) clearInterval(secondTimer);
      if (pendingTimer) clearTimeout(pendingTimer);
      timer = undefined;
      secondTimer = undefined;
      pendingTimer = undefined;
      pending = undefined;
    },
    onTelegram: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    registers: (meterId, at) => {
      const m = byId.get(meterId);
      if (!m) throw new Error(`no meter ${meterId}`);
      const t = at ?? clock.now();
      catchUp(Math.min(t, clock.now()));
      return { meterTime: t, values: m.valuesAt(t) };
    },
    keys: () =>
      Object.fromEntries(
        pushers.flatMap((m): [string, MeterKeyEntry][] =>
          m.keyHex === undefined
            ? []
            : [[m.info.id, m.authKeyHex ? { key: m.keyHex, authKey: m.authKeyHex } : m.keyHex]],
        ),
      ),
    faults,
  };
}

/** A simulated meter by its kind (the codec packages' encoders build every telegram). */
function createMeter(spec: MeterSpec, index: number, start: number, catchUp?: CatchUpCadence): SimMeter {
  switch (spec.kind) {
    case "dlms":
      return createDlmsMeter(spec, start, catchUp);
    case "mbus":
      return createMbusMeter(spec, index, start);
    case "dsmr":
      return createP1Meter(spec, start);
    case "sml":
      return createSmlMeter(spec, start);
    case "d0":
      return createD0Meter(spec, start);
    case "wmbus":
      return createWmbusMeter(spec, start);
  }
}

function encodeReq(address: number, fcb: boolean): Uint8Array {
  return encodeFrame(reqUd2(address, fcb));
}
