/**
 * Listen mode: meters push. Bytes go through @omdp/mbus's FrameParser (EN 13757-2 long frames, resync
 * after garbage and damage) and @omdp/dlms's MbusDlmsAssembler, or @omdp/dlms's HdlcStreamParser
 * (P1/HAN ports); each complete APDU is matched to a meter by its system title, deciphered with that
 * meter's key and normalised to a MeterReading. Every failure is counted and reported; none stops it.
 */
import {
  APDU_TAG,
  DlmsError,
  decodePush,
  HdlcStreamParser,
  isDlmsSegment,
  MbusDlmsAssembler,
  meterIdFromSystemTitle,
  readCiphered,
  toHex,
  toMeterReading,
} from "@omdp/dlms";
import { FrameParser } from "@omdp/mbus";
import type { MeterReading } from "@omdp/model";
import type { MeterConfig, ReaderConfig } from "./config";
import type { DiagnosticsBook } from "./diagnostics";
import { ReaderError } from "./errors";
import type { KeyStore } from "./keys";

export interface ListenDeps {
  readonly config: ReaderConfig;
  readonly keys: KeyStore;
  readonly diag: DiagnosticsBook;
  readonly transport: "serial" | "tcp" | "stream";
}

export interface ListenSink {
  /** A reading and the link frames it came in. */
  reading(r: MeterReading, frames: number): void;
  error(e: ReaderError): void;
}

/** The meter id a push is known by without configuration (@omdp/dlms: FLAG letters + serial hex, else the title hex). */
export { meterIdFromSystemTitle };

const CIPHERED = new Set<number>([
  APDU_TAG.generalGloCiphering,
  APDU_TAG.generalDedCiphering,
  APDU_TAG.generalCiphering,
]);
const DECRYPT_CODES = new Set([
  "KEY_MISSING",
  "KEY_INVALID",
  "KEY_WRONG",
  "AUTH_FAILED",
  "SECURITY_UNSUPPORTED",
]);

export class ListenPipeline {
  private readonly mbus = new FrameParser();
  private readonly assembler = new MbusDlmsAssembler();
  private hdlc = new HdlcStreamParser();
  private readonly byTitle = new Map<string, MeterConfig>();
  private readonly lastTime = new Map<string, string>();
  private lastStats = { checksumErrors: 0, lengthErrors: 0, resyncs: 0, bytesSkipped: 0 };

  constructor(
    private readonly deps: ListenDeps,
    private readonly sink: ListenSink,
  ) {
    for (const m of deps.config.meters) if (m.systemTitle) this.byTitle.set(m.systemTitle, m);
  }

  /** A link loss: partial frames and segments are worthless now. */
  reset(): void {
    this.mbus.reset();
    this.assembler.reset();
    this.hdlc = new HdlcStreamParser();
    this.syncStats();
  }

  push(chunk: Buffer, receivedAt: Date): void {
    const framing = this.deps.config.framing;
    if (framing !== "hdlc") this.pushMbus(chunk, receivedAt, framing === "mbus");
    if (framing !== "mbus") this.pushHdlc(chunk, receivedAt, framing === "hdlc");
    this.syncStats();
  }

  private pushMbus(chunk: Buffer, receivedAt: Date, report: boolean): void {
    for (const ev of this.mbus.push(chunk)) {
      if (ev.type === "error") {
        // garbage runs are only counted; damaged frames are reported with their evidence
        if (ev.error.code !== "BAD_START" && (report || ev.error.code === "BAD_CHECKSUM"))
          this.sink.error(
            new ReaderError(ev.error.code === "BAD_CHECKSUM" ? "CHECKSUM" : "FRAME", ev.error.message, {
              offset: ev.error.offset,
            }),
          );
        continue;
      }
      if (ev.frame.kind !== "long") continue; // E5 bytes inside garbage, or other masters' short frames
      this.deps.diag.count("framesOk");
      // RSP_UDs of EN 13757-3 slaves answering some master share the line: not ours to decode
      if (!isDlmsSegment(ev.frame)) continue;
      const out = this.assembler.push(ev.frame, ev.offset);
      if (out instanceof DlmsError) {
        this.deps.diag.count("decodeErrors");
        this.sink.error(new ReaderError("DECODE", out.message, { offset: ev.offset }));
      } else if (out) this.onApdu(out, receivedAt, this.assembler.lastFrames);
    }
  }

  private pushHdlc(chunk: Buffer, receivedAt: Date, report: boolean): void {
    const before = this.hdlc.bytesSkipped;
    for (const ev of this.hdlc.push(chunk)) {
      if (ev.kind === "frame") this.deps.diag.count("framesOk");
      else if (ev.kind === "apdu") this.onApdu(ev.apdu, receivedAt, ev.frames);
      else if (report) {
        if (ev.error.code === "HDLC_FCS" || ev.error.code === "HDLC_HCS")
          this.deps.diag.count("checksumErrors");
        else this.deps.diag.count("decodeErrors");
        this.sink.error(
          new ReaderError(
            "FRAME",
            ev.error.message,
            ev.error.offset !== undefined ? { offset: ev.error.offset } : {},
          ),
        );
      }
    }
    if (report) this.deps.diag.count("bytesSkipped", this.hdlc.bytesSkipped - before);
  }

  private syncStats(): void {
    if (this.deps.config.framing === "hdlc") return;
    const s = this.mbus.stats;
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

  /** Which meter sent this APDU: the configured one with its system title, else the title's own id. */
  private identify(apdu: Uint8Array): { meterId?: string; configured?: MeterConfig; titleHex?: string } {
    // the ciphered APDUs carry the system title (Green Book 9.5, general-glo/ded-ciphering, general-ciphering)
    if (!CIPHERED.has(apdu[0] ?? -1)) return {};
    let title: Uint8Array;
    try {
      title = readCiphered(apdu, 0).systemTitle;
    } catch {
      return {};
    }
    const titleHex = toHex(title).toUpperCase();
    const configured = this.byTitle.get(titleHex);
    return {
      meterId: configured?.id ?? meterIdFromSystemTitle(title),
      titleHex,
      ...(configured ? { configured } : {}),
    };
  }

  private onApdu(apdu: Uint8Array, receivedAt: Date, frames: number): void {
    const who = this.identify(apdu);
    const meterId = who.meterId;
    const keys = meterId
      ? (this.deps.keys.get(meterId) ?? (who.titleHex ? this.deps.keys.get(who.titleHex) : undefined))
      : undefined;
    if (meterId && !keys) {
      this.deps.diag.count("decryptFailures");
      this.sink.error(new ReaderError("NO_KEY", `no key for meter ${meterId}`, { meterId }));
      this.deps.diag.error({ code: "NO_KEY", message: `no key for meter ${meterId}`, meterId });
      return;
    }
    const profile = who.configured?.profile;
    const r = decodePush(apdu, {
      transport: "raw",
      ...(keys ? { key: keys.key, ...(keys.authKey ? { authKey: keys.authKey } : {}) } : {}),
      ...(profile ? { profile } : {}),
    });
    if (!r.ok) {
      const decrypt = DECRYPT_CODES.has(r.error.code);
      this.deps.diag.count(decrypt ? "decryptFailures" : "decodeErrors");
      const e = new ReaderError(decrypt ? "DECRYPT" : "DECODE", `${r.error.code}: ${r.error.message}`, {
        ...(r.error.offset !== undefined ? { offset: r.error.offset } : {}),
        ...(meterId ? { meterId } : {}),
      });
      this.sink.error(e);
      return;
    }
    const reading = toMeterReading(r.value, {
      ...(who.configured ? { meterId: who.configured.id } : meterId ? { meterId } : {}),
      gatewayId: this.deps.config.gatewayId,
      transport: this.deps.transport,
      receivedAt,
      timeZone: this.deps.config.timeZone,
    });
    // a repeated telegram (same meter time) is one reading
    if (this.lastTime.get(reading.meterId) === reading.readingTime) return;
    this.lastTime.set(reading.meterId, reading.readingTime);
    this.sink.reading(reading, frames);
  }
}
