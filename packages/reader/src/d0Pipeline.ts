/**
 * D0 line, push-only meters (IEC 62056-21 readouts sent unasked, as the Hager EHZ and other eHZ do):
 * bytes go through @omdp/d0's reader state machine in push mode (identification line, data block to
 * `!` or ETX BCC, BCC checked; bytes before a `/` skipped), each readout normalised by @omdp/d0's
 * toMeterReading. A failed readout is counted by code and the machine starts over at the next `/`
 * after the failed readout's own (a `/` only ever starts an identification: IEC 62056-21 clause 6.3
 * reserves it), so a readout in the same chunk as a damaged one is still read.
 */
import { type D0ErrorCode, feedReader, type ReaderState, startReader, toMeterReading } from "@omdp/d0";
import type { Counter } from "./diagnostics";
import { ReaderError, type ReaderErrorCode } from "./errors";
import { type LinePipeline, type PipelineDeps, type PipelineSink, RepeatFilter, soleMeter } from "./pipeline";

export const D0_REFUSAL: Partial<Record<D0ErrorCode, { counter: Counter; code: ReaderErrorCode }>> = {
  BCC_MISMATCH: { counter: "checksumErrors", code: "CHECKSUM" },
  TOO_LONG: { counter: "lengthErrors", code: "LENGTH" },
};
export const D0_OTHER = { counter: "decodeErrors", code: "DECODE" } as const;

const SLASH = 0x2f;
/** As @omdp/d0's reader bounds its buffer. */
const MAX_RAW = 65_536;

export class D0PushPipeline implements LinePipeline {
  private state: ReaderState;
  private readonly repeats = new RepeatFilter();
  /** The bytes since the current readout's `/` (or since the last reset), to start over after a failure. */
  private raw: Buffer = Buffer.alloc(0);

  constructor(
    private readonly deps: PipelineDeps,
    private readonly sink: PipelineSink,
  ) {
    this.state = this.fresh();
  }

  private fresh(): ReaderState {
    return startReader({ push: true, dataEnd: this.deps.config.d0.dataEnd }).state;
  }

  reset(): void {
    this.state = this.fresh();
    this.raw = Buffer.alloc(0);
  }

  push(chunk: Buffer, receivedAt: Date): void {
    this.raw = Buffer.concat([this.raw, chunk]);
    let input: Buffer = chunk;
    // bounded: each restart drops at least one byte of `raw`
    for (let guard = this.raw.length + 1; guard > 0; guard--) {
      const step = feedReader(this.state, input);
      this.state = step.state;
      const completed = this.perform(step.actions, receivedAt);
      if (this.state.phase !== "failed") {
        const start = completed ? this.raw.lastIndexOf(SLASH) : this.raw.indexOf(SLASH);
        if (start < 0 || (completed && this.state.buffer.length === 0)) this.raw = Buffer.alloc(0);
        else this.raw = this.raw.subarray(Math.max(start, this.raw.length - MAX_RAW));
        return;
      }
      // start over at the next '/' after the failed readout's
      const first = this.raw.indexOf(SLASH);
      const next = first < 0 ? -1 : this.raw.indexOf(SLASH, first + 1);
      this.state = this.fresh();
      if (next < 0) {
        this.raw = Buffer.alloc(0);
        return;
      }
      this.raw = this.raw.subarray(next);
      input = this.raw;
    }
  }

  /** Performs the machine's actions; true when a readout completed. */
  private perform(actions: ReturnType<typeof feedReader>["actions"], receivedAt: Date): boolean {
    const meter = soleMeter(this.deps.config);
    let completed = false;
    for (const a of actions) {
      if (a.type === "error") {
        const how = D0_REFUSAL[a.error.code] ?? D0_OTHER;
        this.deps.diag.count(how.counter);
        this.deps.diag.codecError("d0", a.error.code);
        this.sink.error(
          new ReaderError(how.code, `${a.error.code}: ${a.error.message}`, {
            offset: a.error.offset,
            ...(meter ? { meterId: meter.id } : {}),
          }),
        );
      } else if (a.type === "complete") {
        completed = true;
        this.deps.diag.count("framesOk");
        const reading = toMeterReading(
          { identification: a.identification, dataSets: a.message.dataSets },
          {
            ...(meter ? { meterId: meter.id } : {}),
            gatewayId: this.deps.config.gatewayId,
            transport: this.deps.transport,
            receivedAt,
          },
        );
        if (this.repeats.fresh(reading)) this.sink.reading(reading, 1);
      }
    }
    return completed;
  }
}
