/**
 * Wireless M-Bus line: the receiver's framing (src/wmbus/: iM871A HCI, AMB8465, rtl_wmbus lines) gives
 * one frame stream; each frame is decoded by @omdp/wmbus (EN 13757-4 link layer, ELL, AFL, transport
 * layer, OMS security modes 5 and 7 with the meter's key from the keys file or the twin, records) and
 * normalised to a MeterReading (src/wmbus/reading.ts). Only configured meters give readings; others
 * are listed in the diagnostics (src/wmbus/meters.ts); repeated transmissions are dropped. Every
 * refusal is counted by code (`wmbus.NO_KEY`, `wmbus.BAD_CRC`, `im871a.CRC_MISMATCH`, ...); none
 * stops the line. Keys are never in a message.
 */
import { decodeWmbus, readLinkHeader, type WmbusError, type WmbusErrorCode } from "@omdp/wmbus";
import type { Counter } from "./diagnostics";
import { ReaderError, type ReaderErrorCode } from "./errors";
import type { LinePipeline, PipelineDeps, PipelineSink } from "./pipeline";
import { createFraming } from "./wmbus/framings";
import { WmbusMeters } from "./wmbus/meters";
import { telegramToReading } from "./wmbus/reading";
import type { ReceivedFrame, ReceiverErrorCode, ReceiverFraming } from "./wmbus/receiver";

const REFUSAL: Partial<Record<WmbusErrorCode, { counter: Counter; code: ReaderErrorCode }>> = {
  BAD_CRC: { counter: "checksumErrors", code: "CHECKSUM" },
  TRUNCATED: { counter: "lengthErrors", code: "LENGTH" },
  BAD_LENGTH: { counter: "lengthErrors", code: "LENGTH" },
  NO_KEY: { counter: "decryptFailures", code: "NO_KEY" },
  WRONG_KEY: { counter: "decryptFailures", code: "DECRYPT" },
  BAD_MAC: { counter: "decryptFailures", code: "DECRYPT" },
  BAD_ENCRYPTED_LENGTH: { counter: "decryptFailures", code: "DECRYPT" },
};
const OTHER = { counter: "decodeErrors", code: "DECODE" } as const;

const RECEIVER_REFUSAL: Record<ReceiverErrorCode, { counter: Counter; code: ReaderErrorCode }> = {
  CRC_MISMATCH: { counter: "checksumErrors", code: "CHECKSUM" },
  CHECKSUM_MISMATCH: { counter: "checksumErrors", code: "CHECKSUM" },
  RECEIVER_CRC: { counter: "checksumErrors", code: "CHECKSUM" },
  BAD_LINE: { counter: "decodeErrors", code: "FRAME" },
  TOO_LONG: { counter: "lengthErrors", code: "LENGTH" },
  TRUNCATED: { counter: "lengthErrors", code: "LENGTH" },
};

export class WmbusPipeline implements LinePipeline {
  private framing: ReceiverFraming;
  private skipped = 0;
  readonly meters: WmbusMeters;
  private readonly signal = new Map<string, { rssiDbm?: number; linkMode?: string }>();

  constructor(
    private readonly deps: PipelineDeps,
    private readonly sink: PipelineSink,
  ) {
    this.framing = createFraming(deps.config.wmbus);
    this.meters = new WmbusMeters(deps.config);
    deps.diag.extension(() => ({
      wmbus: {
        receiver: deps.config.wmbus.receiver,
        duplicatesDropped: this.meters.duplicatesDropped,
        signal: Object.fromEntries([...this.signal].map(([k, v]) => [k, { ...v }])),
        unknownMeters: this.meters.unknownMeters(),
      },
    }));
  }

  reset(): void {
    this.framing.reset();
  }

  push(chunk: Buffer, receivedAt: Date): void {
    const receiver = this.deps.config.wmbus.receiver;
    for (const ev of this.framing.push(chunk)) {
      if (ev.type === "frame") this.onFrame(ev, receivedAt);
      else if (ev.type === "error") {
        const how = RECEIVER_REFUSAL[ev.code];
        this.deps.diag.count(how.counter);
        this.deps.diag.codecError(receiver, ev.code);
        this.sink.error(
          new ReaderError(how.code, `${receiver} ${ev.code}: ${ev.reason}`, { offset: ev.offset }),
        );
      }
    }
    this.deps.diag.count("bytesSkipped", this.framing.bytesSkipped - this.skipped);
    this.skipped = this.framing.bytesSkipped;
  }

  private onFrame(f: ReceivedFrame, receivedAt: Date): void {
    const signal = {
      ...(f.rssiDbm !== undefined ? { rssiDbm: f.rssiDbm } : {}),
      ...(f.linkMode ? { linkMode: f.linkMode } : {}),
    };
    // the key lookup learns the id the meter's security is bound to (the long header's, where there is one)
    let asked: string | undefined;
    const r = decodeWmbus(f.frame, {
      crc: "absent",
      key: (id) => {
        asked = id;
        const known = this.meters.configuredId(id);
        return (this.deps.keys.get(id) ?? (known ? this.deps.keys.get(known) : undefined))?.key;
      },
    });
    if (!r.ok) {
      const id = asked ?? (f.frame.length >= 11 ? readLinkHeader(f.frame).id : undefined);
      const meterId = id === undefined ? undefined : this.meters.configuredId(id);
      if (id !== undefined && meterId === undefined && f.frame.length >= 11) {
        // a neighbour's meter (or one not added yet): listed, not an error of this line
        const link = readLinkHeader(f.frame);
        this.meters.heardUnknown({ ...link, id }, receivedAt, r.error.code === "NO_KEY", signal);
        return;
      }
      this.refuse(r.error, meterId);
      return;
    }
    const t = r.value;
    const meterId = this.meters.configuredId(t.meter.id);
    if (meterId === undefined) {
      this.meters.heardUnknown(
        t.meter,
        receivedAt,
        t.encryption.tpl !== "none" || t.encryption.ell !== "none",
        signal,
      );
      return;
    }
    this.signal.set(meterId, signal);
    const access = t.tpl?.accessNumber ?? t.ell?.accessNumber ?? t.header.accessNumber;
    if (this.meters.duplicate(meterId, access, t.bytes.subarray(t.dataOffset), receivedAt)) return;
    this.deps.diag.count("framesOk");
    if (t.recordErrors.length > 0)
      this.deps.diag.recordErrors(
        t.recordErrors.map((e) => ({ code: e.code, reason: e.reason, offset: e.offset })),
        meterId,
      );
    this.sink.reading(
      telegramToReading(t, {
        meterId,
        gatewayId: this.deps.config.gatewayId,
        transport: this.deps.transport,
        timeZone: this.deps.config.timeZone,
        receivedAt,
      }),
      1,
    );
  }

  private refuse(e: WmbusError, meterId: string | undefined): void {
    const how = REFUSAL[e.code] ?? OTHER;
    this.deps.diag.count(how.counter);
    this.deps.diag.codecError("wmbus", e.code);
    const message =
      e.code === "NO_KEY" ? `no key for meter ${meterId ?? "(unknown)"}` : `${e.code}: ${e.message}`;
    this.sink.error(
      new ReaderError(how.code, message, { offset: e.offset, ...(meterId !== undefined ? { meterId } : {}) }),
    );
  }
}
