/** ReaderDiagnostics: the one declaration is the zod schema of @omdp/model (the events module parses it). */
import type { ReaderDiagnostics } from "@omdp/model";

export type { ReaderDiagnostics };

export type Counter = keyof ReaderDiagnostics["counters"];

export class DiagnosticsBook {
  readonly counters: ReaderDiagnostics["counters"] = {
    framesOk: 0,
    checksumErrors: 0,
    lengthErrors: 0,
    decryptFailures: 0,
    decodeErrors: 0,
    resyncs: 0,
    bytesSkipped: 0,
    timeouts: 0,
    reconnects: 0,
    readings: 0,
  };
  private readonly meters = new Map<string, { lastSeen: string | null; framesOk: number; errors: number }>();
  private lastError: ReaderDiagnostics["lastError"];
  private readonly recordErrorCodes = new Map<string, number>();
  private readonly codecErrorCodes = new Map<string, number>();
  connected = false;
  private extra: (() => Partial<ReaderDiagnostics>) | undefined;

  constructor(
    private readonly gatewayId: string,
    private readonly target: string,
  ) {}

  count(c: Counter, n = 1): void {
    this.counters[c] += n;
  }

  meter(id: string) {
    let m = this.meters.get(id);
    if (!m) {
      m = { lastSeen: null, framesOk: 0, errors: 0 };
      this.meters.set(id, m);
    }
    return m;
  }

  /** A reading of meter `id` arrived in `frames` link frames. */
  seen(id: string, at: Date, frames = 1): void {
    const m = this.meter(id);
    m.lastSeen = at.toISOString();
    m.framesOk += frames;
  }

  /** Counts the unreadable records of a read-out by code; the last one becomes `lastError`. */
  recordErrors(errors: readonly { code: string; reason: string; offset: number }[], meterId?: string): void {
    for (const e of errors) this.recordErrorCodes.set(e.code, (this.recordErrorCodes.get(e.code) ?? 0) + 1);
    const last = errors.at(-1);
    if (last)
      this.lastError = {
        code: last.code,
        message: `record skipped: ${last.reason}`,
        offset: last.offset,
        ...(meterId ? { meterId } : {}),
      };
  }

  /** Counts a telegram the codec refused under `protocol.CODE`. */
  codecError(protocol: string, code: string): void {
    const k = `${protocol}.${code}`;
    this.codecErrorCodes.set(k, (this.codecErrorCodes.get(k) ?? 0) + 1);
  }

  /** A line's own part of the snapshot (the wM-Bus line's receiver, unknown meters, duplicates). */
  extension(part: () => Partial<ReaderDiagnostics>): void {
    this.extra = part;
  }

  error(e: NonNullable<ReaderDiagnostics["lastError"]>): void {
    this.lastError = e;
    if (e.meterId) this.meter(e.meterId).errors++;
  }

  snapshot(now = new Date()): ReaderDiagnostics {
    return {
      kind: "diagnostics",
      at: now.toISOString(),
      gatewayId: this.gatewayId,
      counters: { ...this.counters },
      meters: Object.fromEntries([...this.meters].map(([k, v]) => [k, { ...v }])),
      recordErrors: Object.fromEntries(this.recordErrorCodes),
      codecErrors: Object.fromEntries(this.codecErrorCodes),
      link: { target: this.target, connected: this.connected },
      ...(this.extra ? this.extra() : {}),
      ...(this.lastError ? { lastError: { ...this.lastError } } : {}),
    };
  }
}
