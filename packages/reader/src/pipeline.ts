/**
 * One line, one protocol: the pipeline a reader feeds its link's bytes to. Each protocol's pipeline is
 * its own file (listen.ts for DLMS pushes, dsmrPipeline.ts, smlPipeline.ts, d0Pipeline.ts,
 * wmbusPipeline.ts); they are
 * pure (chunks in, readings and typed errors out) and share this interface, so another protocol's
 * pipeline is one more file and one more row in `PUSH_PIPELINES`.
 */
import type { MeterReading } from "@omdp/model";
import type { MeterConfig, ReaderConfig } from "./config";
import { D0PushPipeline } from "./d0Pipeline";
import type { DiagnosticsBook } from "./diagnostics";
import { DsmrPipeline } from "./dsmrPipeline";
import type { ReaderError } from "./errors";
import type { KeyStore } from "./keys";
import { ListenPipeline } from "./listen";
import { SmlPipeline } from "./smlPipeline";
import { WmbusPipeline } from "./wmbusPipeline";

export interface PipelineDeps {
  readonly config: ReaderConfig;
  readonly keys: KeyStore;
  readonly diag: DiagnosticsBook;
  readonly transport: "serial" | "tcp" | "stream";
}

export interface PipelineSink {
  /** A reading and the link frames it came in. */
  reading(r: MeterReading, frames: number): void;
  error(e: ReaderError): void;
}

export interface LinePipeline {
  push(chunk: Buffer, receivedAt: Date): void;
  /** A link loss: partial telegrams are worthless now. */
  reset(): void;
}

/** Protocols whose meters send unasked, and their pipelines. */
const PUSH_PIPELINES = {
  dlms: (d: PipelineDeps, s: PipelineSink) => new ListenPipeline(d, s),
  dsmr: (d: PipelineDeps, s: PipelineSink) => new DsmrPipeline(d, s),
  sml: (d: PipelineDeps, s: PipelineSink) => new SmlPipeline(d, s),
  d0: (d: PipelineDeps, s: PipelineSink) => new D0PushPipeline(d, s),
  wmbus: (d: PipelineDeps, s: PipelineSink) => new WmbusPipeline(d, s),
} as const;

export type PushProtocol = keyof typeof PUSH_PIPELINES;

/** What runs a line: a push pipeline, the M-Bus poller, or the D0 mode C requester. */
export type LineRole = { kind: "push"; protocol: PushProtocol } | { kind: "poll" } | { kind: "d0Request" };

/** The role of a line by its protocol (and, for `auto`, its mode, as before protocols were named). */
export function lineRole(config: ReaderConfig): LineRole {
  switch (config.protocol) {
    case "auto":
      return config.mode === "poll" ? { kind: "poll" } : { kind: "push", protocol: "dlms" };
    case "mbus":
      return { kind: "poll" };
    case "d0":
      return config.d0.mode === "modeC" ? { kind: "d0Request" } : { kind: "push", protocol: "d0" };
    default:
      return { kind: "push", protocol: config.protocol };
  }
}

export function createPushPipeline(protocol: PushProtocol, d: PipelineDeps, s: PipelineSink): LinePipeline {
  return PUSH_PIPELINES[protocol](d, s);
}

/** The meter a single-meter line (P1, SML, D0: one port, one meter) names its readings by. */
export function soleMeter(config: ReaderConfig): MeterConfig | undefined {
  return config.meters.length === 1 ? config.meters[0] : undefined;
}

/**
 * A repeated telegram (same meter time) is one reading: remembers the last meter time per meter.
 * Readings timed by their reception (SML, D0, P1 without a time flag) are never repeats.
 */
export class RepeatFilter {
  private readonly last = new Map<string, string>();
  fresh(r: MeterReading): boolean {
    if (r.readingTime === r.receivedAt) return true;
    if (this.last.get(r.meterId) === r.readingTime) return false;
    this.last.set(r.meterId, r.readingTime);
    return true;
  }
}
