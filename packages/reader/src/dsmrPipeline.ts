/**
 * DSMR P1 line: bytes go through @omdp/dsmr's P1StreamParser (a telegram from `/` to the line after
 * `!CRC`, or a Smarty frame 0xDB of the length its header gives), then decodeP1: CRC-16 checked (DSMR
 * 5.0.2 clause 6.2), Smarty frames deciphered with the meter's key (AES-128-GCM), each telegram
 * normalised by @omdp/dsmr's toMeterReading. A P1 port has one meter: the configured one (by system
 * title for Smarty, else the only one), else the telegram's equipment id or the system title's id.
 * Every refusal is counted by code; none stops the line.
 */
import {
  DsmrError,
  type DsmrErrorCode,
  P1StreamParser,
  parseSmartyFrame,
  type SmartyKeys,
  toMeterReading,
  tryDecodeP1,
} from "@omdp/dsmr";
import type { Counter } from "./diagnostics";
import { ReaderError, type ReaderErrorCode } from "./errors";
import { meterIdFromSystemTitle } from "./listen";
import { type LinePipeline, type PipelineDeps, type PipelineSink, RepeatFilter, soleMeter } from "./pipeline";

/** How a refused telegram is counted and reported, by the codec's code. */
const REFUSAL: Partial<Record<DsmrErrorCode, { counter: Counter; code: ReaderErrorCode }>> = {
  CRC_MISMATCH: { counter: "checksumErrors", code: "CHECKSUM" },
  KEY_REQUIRED: { counter: "decryptFailures", code: "NO_KEY" },
  BAD_KEY: { counter: "decryptFailures", code: "DECRYPT" },
  DECRYPT_FAILED: { counter: "decryptFailures", code: "DECRYPT" },
};
const OTHER = { counter: "decodeErrors", code: "DECODE" } as const;

export class DsmrPipeline implements LinePipeline {
  private stream = new P1StreamParser();
  private skipped = 0;
  private readonly repeats = new RepeatFilter();

  constructor(
    private readonly deps: PipelineDeps,
    private readonly sink: PipelineSink,
  ) {}

  reset(): void {
    this.stream = new P1StreamParser();
    this.skipped = 0;
  }

  push(chunk: Buffer, receivedAt: Date): void {
    for (const ev of this.stream.push(chunk)) {
      if (ev.type === "dropped") {
        this.deps.diag.count("lengthErrors");
        this.deps.diag.codecError("dsmr", ev.reason);
        this.sink.error(new ReaderError("LENGTH", `P1 telegram over ${ev.bytes} bytes without an end`));
      } else this.onTelegram(ev.bytes, ev.encrypted, receivedAt);
    }
    this.deps.diag.count("bytesSkipped", this.stream.stats.bytesSkipped - this.skipped);
    this.skipped = this.stream.stats.bytesSkipped;
  }

  /** The meter of an encrypted frame (by its system title) and its keys. */
  private smartyMeter(bytes: Uint8Array): { meterId: string; keys?: SmartyKeys } | DsmrError {
    const frame = parseSmartyFrameResult(bytes);
    if (frame instanceof DsmrError) return frame;
    const titleHex = Buffer.from(frame.systemTitle).toString("hex").toUpperCase();
    const configured =
      this.deps.config.meters.find((m) => m.systemTitle === titleHex) ?? soleMeter(this.deps.config);
    const meterId = configured?.id ?? meterIdFromSystemTitle(frame.systemTitle);
    const k = this.deps.keys.get(meterId) ?? this.deps.keys.get(titleHex);
    return {
      meterId,
      ...(k ? { keys: { key: k.key, ...(k.authKey ? { authKey: k.authKey } : {}) } } : {}),
    };
  }

  private onTelegram(bytes: Uint8Array, encrypted: boolean, receivedAt: Date): void {
    let meterId = soleMeter(this.deps.config)?.id;
    let keys: SmartyKeys | undefined;
    if (encrypted) {
      const who = this.smartyMeter(bytes);
      if (who instanceof DsmrError) {
        this.refuse(who, undefined);
        return;
      }
      meterId = who.meterId;
      keys = who.keys;
    }
    const r = tryDecodeP1(bytes, keys ? { keys } : {});
    if (!r.ok) {
      this.refuse(r.error, meterId);
      return;
    }
    this.deps.diag.count("framesOk");
    const t = r.value;
    if (t.lineErrors.length > 0)
      this.deps.diag.recordErrors(
        t.lineErrors.map((e) => ({ code: e.code, reason: e.reason, offset: e.offset })),
        meterId ?? t.equipmentId,
      );
    const reading = toMeterReading(t, {
      ...(meterId !== undefined ? { meterId } : {}),
      gatewayId: this.deps.config.gatewayId,
      transport: this.deps.transport,
      receivedAt,
    });
    if (this.repeats.fresh(reading)) this.sink.reading(reading, 1);
  }

  private refuse(e: DsmrError, meterId: string | undefined): void {
    const how = REFUSAL[e.code] ?? OTHER;
    this.deps.diag.count(how.counter);
    this.deps.diag.codecError("dsmr", e.code);
    const message =
      e.code === "KEY_REQUIRED" ? `no key for meter ${meterId ?? "(unknown)"}` : `${e.code}: ${e.message}`;
    this.sink.error(
      new ReaderError(how.code, message, { offset: e.offset, ...(meterId !== undefined ? { meterId } : {}) }),
    );
  }
}

/** parseSmartyFrame as a value (its DsmrError returned, not thrown), for the branch above. */
function parseSmartyFrameResult(bytes: Uint8Array): ReturnType<typeof parseSmartyFrame> | DsmrError {
  try {
    return parseSmartyFrame(bytes);
  } catch (e) {
    if (e instanceof DsmrError) return e;
    throw e;
  }
}
