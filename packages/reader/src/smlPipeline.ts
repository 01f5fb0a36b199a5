/**
 * SML line (German meters' optical interface, 9600 8N1): bytes go through @omdp/sml's SmlStreamParser
 * (a file from the start escape to the end escape, SML 1.04 §8.1), then decodeSml (file and message
 * CRC-16/X.25 checked, the configured meter's quirks accepted), each file normalised by @omdp/sml's
 * toMeterReading. The meter is the only one configured (its `quirks` apply), else the server id.
 * Every refusal is counted by code; none stops the line.
 */
import { type SmlErrorCode, SmlStreamParser, toMeterReading, tryDecodeSml } from "@omdp/sml";
import type { Counter } from "./diagnostics";
import { ReaderError, type ReaderErrorCode } from "./errors";
import { type LinePipeline, type PipelineDeps, type PipelineSink, RepeatFilter, soleMeter } from "./pipeline";

const REFUSAL: Partial<Record<SmlErrorCode, { counter: Counter; code: ReaderErrorCode }>> = {
  FILE_CRC_MISMATCH: { counter: "checksumErrors", code: "CHECKSUM" },
  MESSAGE_CRC_MISMATCH: { counter: "checksumErrors", code: "CHECKSUM" },
};
const OTHER = { counter: "decodeErrors", code: "DECODE" } as const;

export class SmlPipeline implements LinePipeline {
  private stream = new SmlStreamParser();
  private skipped = 0;
  private readonly repeats = new RepeatFilter();

  constructor(
    private readonly deps: PipelineDeps,
    private readonly sink: PipelineSink,
  ) {}

  reset(): void {
    this.stream = new SmlStreamParser();
    this.skipped = 0;
  }

  push(chunk: Buffer, receivedAt: Date): void {
    const meter = soleMeter(this.deps.config);
    for (const ev of this.stream.push(chunk)) {
      if (ev.type === "dropped") {
        this.deps.diag.count(ev.reason === "TOO_LONG" ? "lengthErrors" : "resyncs");
        this.deps.diag.codecError("sml", ev.reason);
        if (ev.reason === "TOO_LONG")
          this.sink.error(new ReaderError("LENGTH", `SML file over ${ev.bytes} bytes without an end`));
        continue;
      }
      const r = tryDecodeSml(ev.bytes, { quirks: meter?.quirks ?? [] });
      if (!r.ok) {
        const how = REFUSAL[r.error.code] ?? OTHER;
        this.deps.diag.count(how.counter);
        this.deps.diag.codecError("sml", r.error.code);
        this.sink.error(
          new ReaderError(how.code, `${r.error.code}: ${r.error.message}`, {
            offset: r.error.offset,
            ...(meter ? { meterId: meter.id } : {}),
          }),
        );
        continue;
      }
      this.deps.diag.count("framesOk");
      const reading = toMeterReading(r.value, {
        ...(meter ? { meterId: meter.id } : {}),
        gatewayId: this.deps.config.gatewayId,
        transport: this.deps.transport,
        receivedAt,
      });
      if (this.repeats.fresh(reading)) this.sink.reading(reading, 1);
    }
    this.deps.diag.count("bytesSkipped", this.stream.stats.bytesSkipped - this.skipped);
    this.skipped = this.stream.stats.bytesSkipped;
  }
}
