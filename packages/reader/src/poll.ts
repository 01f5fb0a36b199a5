/**
 * Poll mode: the reader is the M-Bus master. Each configured meter (primary or secondary address) is
 * read out every `pollIntervalS`; found meters of a secondary scan join the schedule. Each read-out
 * becomes one MeterReading (all telegrams of a multi-telegram read-out together).
 */
import {
  type DataRecord,
  decodeTelegram,
  type Frame,
  FrameParser,
  type LongHeader,
  type RecordError,
  type SecondaryPattern,
} from "@omdp/mbus";
import { type MeterReading, SCHEMA_VERSION } from "@omdp/model";
import type { ReaderConfig } from "./config";
import type { DiagnosticsBook } from "./diagnostics";
import { ReaderError } from "./errors";
import { localToRfc3339 } from "./localTime";
import { MbusMaster, ReadoutError } from "./master";
import { recordToProperty } from "./obisMap";

export interface FoundMeter {
  readonly meterId: string;
  readonly secondaryId: string;
  readonly manufacturer: string;
  readonly version: number;
  readonly medium: number;
}

interface Target {
  meterId: string;
  primary?: number;
  secondary?: SecondaryPattern;
  intervalMs: number;
  nextAt: number;
}

export interface PollDeps {
  readonly config: ReaderConfig;
  readonly diag: DiagnosticsBook;
  readonly transport: "serial" | "tcp" | "stream";
  write(bytes: Uint8Array): Promise<boolean>;
  connected(): boolean;
}

export interface PollSink {
  /** A reading and the telegrams (RSP_UD) it came in. */
  reading(r: MeterReading, frames: number): void;
  error(e: ReaderError): void;
}

type LongFrame = Extract<Frame, { kind: "long" }>;

/** Converts the telegrams of one read-out into a reading; throws ReaderError("DECODE") on a bad telegram. */
export function readoutToReading(
  frames: readonly LongFrame[],
  meterId: string,
  opts: { gatewayId: string; transport: "serial" | "tcp" | "stream"; timeZone: string; receivedAt: Date },
): { reading: MeterReading; header: LongHeader | undefined; recordErrors: RecordError[] } {
  let header: LongHeader | undefined;
  const records: DataRecord[] = [];
  // per-record degradation (EN 13757-3 records the codec could not read): the other records still count
  const recordErrors: RecordError[] = [];
  let lastAccess: number | undefined;
  for (const f of frames) {
    const t = decodeTelegram(f);
    if (!t.ok) throw new ReaderError("DECODE", t.error.message, { offset: t.error.offset, meterId });
    if (t.value.type === "applicationError")
      throw new ReaderError("DECODE", `application error: ${t.value.message}`, { meterId });
    if (t.value.type !== "variable") continue;
    const h = t.value.header;
    // EN 13757-3 clause 6.2: the slave counts every RSP_UD in the access number; a gap inside one
    // read-out means another master took a telegram in between, and the parts do not belong together
    if (h && lastAccess !== undefined && h.accessNumber !== ((lastAccess + 1) & 0xff))
      throw new ReaderError(
        "DECODE",
        `read-out interrupted: access number ${h.accessNumber} after ${lastAccess} (another master on the bus?)`,
        { meterId },
      );
    if (h) lastAccess = h.accessNumber;
    if (!header && h?.kind === "long") header = h;
    records.push(...t.value.records);
    recordErrors.push(...t.value.recordErrors);
  }
  const medium = header?.medium.code ?? 0;
  const values: MeterReading["values"] = [];
  let readingTime: string | undefined;
  for (const r of records) {
    if (
      !readingTime &&
      r.quantity === "dateTime" &&
      typeof r.value === "string" &&
      r.storage === 0 &&
      !r.invalid
    )
      readingTime = localToRfc3339(r.value, opts.timeZone);
    const p = recordToProperty(medium, r);
    if (p && !values.some((v) => v.property === p.property)) values.push(p);
  }
  const receivedAt = opts.receivedAt.toISOString();
  return {
    header,
    recordErrors,
    reading: {
      schemaVersion: SCHEMA_VERSION,
      meterId,
      readingTime: readingTime ?? receivedAt,
      receivedAt,
      source: { protocol: "mbus", transport: opts.transport, gatewayId: opts.gatewayId },
      // without the meter's clock the reading time is the reception time: say so
      ...(readingTime ? {} : { faultCode: "noMeterTime" }),
      values,
    },
  };
}

function moreFollows(frame: LongFrame): boolean {
  const t = decodeTelegram(frame);
  return t.ok && t.value.type === "variable" && t.value.moreRecordsFollow;
}

export class Poller {
  private readonly parser = new FrameParser();
  private readonly master: MbusMaster;
  private readonly targets: Target[] = [];
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private readonly lastTime = new Map<string, string>();
  private lastStats = { checksumErrors: 0, lengthErrors: 0, resyncs: 0, bytesSkipped: 0 };

  constructor(
    private readonly deps: PollDeps,
    private readonly sink: PollSink,
  ) {
    const c = deps.config;
    const baud = c.transport.kind === "serial" ? (c.transport.baudRate ?? 2400) : 2400;
    this.master = new MbusMaster(
      { write: (b) => deps.write(b) },
      {
        baudRate: baud,
        marginMs: c.timing.marginMs,
        retries: c.timing.retries,
        maxTelegrams: c.timing.maxTelegrams,
        moreFollows,
        onTimeout: () => deps.diag.count("timeouts"),
      },
    );
    const now = Date.now();
    for (const m of c.meters) {
      if (m.primaryAddress === undefined && !m.secondaryAddress) continue;
      this.targets.push({
        meterId: m.id,
        ...(m.primaryAddress !== undefined ? { primary: m.primaryAddress } : {}),
        ...(m.secondaryAddress ? { secondary: m.secondaryAddress } : {}),
        intervalMs: (m.pollIntervalS ?? c.pollIntervalS) * 1000,
        nextAt: now,
      });
    }
  }

  /** Bytes from the link: frames go to the master, damage is counted. */
  push(chunk: Buffer): void {
    for (const ev of this.parser.push(chunk)) {
      if (ev.type === "frame") {
        this.deps.diag.count("framesOk");
        this.master.onFrame(ev.frame);
      } else {
        this.master.onGarbage();
      }
    }
    this.syncStats();
  }

  private syncStats(): void {
    const s = this.parser.stats;
    const d = this.deps.diag;
    d.count("checksumErrors", s.checksumErrors - this.lastStats.checksumErrors);
    d.count("lengthErrors", s.lengthErrors - this.lastStats.lengthErrors);
    d.count("resyncs", s.resyncs - this.lastStats.resyncs);
    d.count("bytesSkipped", s.bytesSkipped - this.lastStats.bytesSkipped);
    this.lastStats = {
      checksumErrors: s.checksumErrors,
      lengthErrors: s.lengthErrors,
      resyncs: s.resyncs,
      bytesSkipped: s.bytesSkipped,
    };
  }

  linkDown(): void {
    this.parser.reset();
    this.syncStats();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.master.resume();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.master.stop();
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sleepTimer = setTimeout(resolve, Math.max(1, ms));
    });
  }

  private async run(): Promise<void> {
    if (this.deps.config.scanOnStart) {
      while (this.running && !this.deps.connected()) await this.sleep(100);
      if (this.running) await this.scanNow().catch((e) => this.report(e));
    }
    while (this.running) {
      if (this.targets.length === 0) {
        await this.sleep(1000);
        continue;
      }
      if (!this.deps.connected()) {
        await this.sleep(100);
        continue;
      }
      let next = this.targets[0]!;
      for (const t of this.targets) if (t.nextAt < next.nextAt) next = t;
      const wait = next.nextAt - Date.now();
      if (wait > 0) {
        await this.sleep(Math.min(wait, 1000));
        continue;
      }
      await this.readTarget(next);
      next.nextAt = Math.max(next.nextAt + next.intervalMs, Date.now());
    }
  }

  private report(e: unknown): void {
    if (e instanceof ReaderError) this.sink.error(e);
    else if (e instanceof ReadoutError) {
      if (e.code !== "STOPPED") this.sink.error(new ReaderError("NO_ANSWER", e.message));
    } else this.sink.error(new ReaderError("DECODE", (e as Error).message));
  }

  private async readTarget(t: Target): Promise<void> {
    let frames: LongFrame[];
    try {
      frames = t.secondary
        ? await this.master.readSecondary(t.secondary)
        : await this.master.readPrimary(t.primary!);
    } catch (e) {
      if (e instanceof ReadoutError && e.code !== "STOPPED") {
        this.deps.diag.error({ code: "NO_ANSWER", message: e.message, meterId: t.meterId });
        this.sink.error(new ReaderError("NO_ANSWER", e.message, { meterId: t.meterId }));
      } else if (!(e instanceof ReadoutError)) this.report(e);
      return;
    }
    try {
      const { reading, recordErrors } = readoutToReading(frames, t.meterId, {
        gatewayId: this.deps.config.gatewayId,
        transport: this.deps.transport,
        timeZone: this.deps.config.timeZone,
        receivedAt: new Date(),
      });
      this.deps.diag.recordErrors(recordErrors, t.meterId);
      // the same telegram twice (a repeated answer) is one reading
      if (this.lastTime.get(t.meterId) === reading.readingTime) return;
      this.lastTime.set(t.meterId, reading.readingTime);
      this.sink.reading(reading, frames.length);
    } catch (e) {
      this.deps.diag.count("decodeErrors");
      this.report(e);
    }
  }

  /** Secondary address scan; meters found join the schedule (by their secondary id). */
  async scanNow(): Promise<FoundMeter[]> {
    const frames = await this.master.scan();
    const found: FoundMeter[] = [];
    for (const f of frames) {
      const t = decodeTelegram(f);
      if (!t.ok || t.value.type !== "variable" || t.value.header?.kind !== "long") continue;
      const h = t.value.header;
      const configured = this.deps.config.meters.find((m) => m.secondaryAddress?.id === h.id);
      const meterId = configured?.id ?? `${h.manufacturer}${h.id}`;
      found.push({
        meterId,
        secondaryId: h.id,
        manufacturer: h.manufacturer,
        version: h.version,
        medium: h.medium.code,
      });
      if (!this.targets.some((x) => x.meterId === meterId))
        this.targets.push({
          meterId,
          secondary: { id: h.id, manufacturer: h.manufacturer, version: h.version, medium: h.medium.code },
          intervalMs: this.deps.config.pollIntervalS * 1000,
          nextAt: Date.now(),
        });
    }
    return found;
  }
}
