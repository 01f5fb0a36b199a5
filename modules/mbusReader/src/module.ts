/**
 * Wiring of the reader to a ModuleHost: desired properties (re)configure the reader; readings are
 * written to the durable outbox as they are decoded and go out on `readings` from there (removed once
 * the hub acknowledged them); diagnostics on `diagnostics`; direct methods getStatus, scanBus, setKey.
 * The reader itself (@omdp/reader) knows nothing of IoT Edge, so the same code runs as a leaf device or
 * `omdp read`.
 */
import { join } from "node:path";
import {
  DurableOutbox,
  type ModuleHost,
  OutboxSender,
  type OutboxStats,
  type SenderOptions,
} from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import type { MeterReading } from "@omdp/model";
import {
  addKeyToFile,
  createReader,
  KeyStore,
  KeysFileError,
  type LinkFactory,
  type Reader,
  ReaderConfig,
} from "@omdp/reader";
import { z } from "zod";
import { DesiredConfig, SetKeyRequest } from "./config";

export interface MbusReaderOptions {
  /** Use this link instead of the configured transport (tests). */
  readonly link?: LinkFactory;
  /** Directory of `reader-outbox.db`; default `OMDP_DATA_DIR` or `.data`. */
  readonly dataDir?: string;
  /** Retry timing of the outbox sender (tests). */
  readonly sender?: SenderOptions;
}

export const OUTBOX_FILE = "reader-outbox.db";

/** The reader config a desired state stands for. */
export function readerConfigFor(d: DesiredConfig, gatewayId: string): ReaderConfig {
  return ReaderConfig.parse({
    gatewayId,
    transport: d.transport,
    mode: d.mode,
    framing: d.framing,
    protocol: d.protocol,
    d0: d.d0,
    meters: d.meters,
    ...(d.keysFile ? { keysFile: d.keysFile } : {}),
    pollIntervalS: d.pollInterval,
    timeZone: d.timeZone,
    scanOnStart: d.scanOnStart,
    timing: { marginMs: d.answerMarginMs, retries: 2, maxTelegrams: 16 },
    diagnosticsIntervalS: d.diagnosticsInterval,
  });
}

/** Adds the key to the keys file (format and safety: @omdp/reader keysFile.ts); logs a refusal without the key. */
async function persistKey(path: string, req: SetKeyRequest, log: Logger): Promise<void> {
  const entry = req.authKey ? { key: req.key, authKey: req.authKey } : req.key;
  try {
    await addKeyToFile(path, req.meterId, entry);
  } catch (err) {
    if (!(err instanceof KeysFileError)) throw err;
    log.error("key not stored: keys file left as it is", {
      meterId: req.meterId,
      problem: err.problem,
      path: err.path,
      error: err.message,
    });
    throw new Error(`key not stored: ${err.message}`);
  }
}

export async function setupMbusReader(
  host: ModuleHost,
  log: Logger,
  opts: MbusReaderOptions = {},
): Promise<{ stop(): Promise<void>; reader(): Reader | undefined; outbox(): OutboxStats }> {
  const keys = new KeyStore();
  let reader: Reader | undefined;
  let desired: DesiredConfig | undefined;
  const gatewayId = host.deviceId;
  const outbox = new DurableOutbox<unknown>(
    join(opts.dataDir ?? process.env.OMDP_DATA_DIR ?? ".data", OUTBOX_FILE),
  );
  const sender = new OutboxSender(outbox, (o, b, p) => host.send(o, b, p), log.child("outbox"), opts.sender);
  let outboxWriteFailures = 0;
  if (outbox.stats().pending > 0) log.info("outbox: readings from before the start", { ...outbox.stats() });
  sender.wake();

  const send = (output: string, body: unknown, properties: Record<string, string>) =>
    host
      .send(output, body, properties)
      .catch((err) => log.warn("send failed", { output, error: String(err) }));

  /** Synchronously into the outbox (committed before this returns), then drained in order. */
  const keep = (r: MeterReading) => {
    const properties = { kind: "reading", meterId: r.meterId };
    try {
      outbox.add({ output: "readings", body: r, properties });
    } catch (err) {
      // the disk refused: count it and send directly (best effort) rather than stop reading
      outboxWriteFailures++;
      log.error("outbox write failed; sending without it", { error: String((err as Error).message) });
      void send("readings", r, properties);
      return;
    }
    sender.wake();
  };
  const outboxCounters = () => {
    const o = outbox.stats();
    return {
      outboxPending: o.pending,
      outboxDropped: o.droppedFull + o.droppedExpired,
      outboxWriteFailures,
    };
  };

  const startReader = async (d: DesiredConfig) => {
    await reader?.stop();
    const config = readerConfigFor(d, gatewayId);
    const next = createReader(config, {
      log: log.child("reader"),
      keys,
      ...(opts.link ? { link: opts.link } : {}),
    });
    next.on("reading", keep);
    next.on("diagnostics", (diag) => {
      const counters = { ...diag.counters, ...outboxCounters() };
      const outboxStats = outbox.stats();
      void send("diagnostics", { ...diag, counters, outbox: outboxStats }, { kind: "diagnostics" });
      void host
        .report({
          reader: { link: diag.link, counters, outbox: outboxStats, lastError: diag.lastError ?? null },
        })
        .catch(() => undefined);
    });
    next.on("error", (e) => log.debug("reader error", { code: e.code, message: e.message, ...e.details }));
    reader = next;
    await next.start();
    log.info("reader started", {
      mode: config.mode,
      transport: config.transport.kind,
      meters: config.meters.length,
    });
  };

  host.onDesired(DesiredConfig, async (d) => {
    desired = d;
    outbox.setLimits(d.outbox);
    try {
      await startReader(d);
      await host.report({ reader: { status: "running", mode: d.mode, transport: d.transport.kind } });
    } catch (err) {
      log.error("reader not started", { error: keys.redact(String((err as Error).message ?? err)) });
      await host.report({ reader: { status: "error", error: keys.redact(String((err as Error).message)) } });
    }
  });

  host.onMethod("getStatus", z.unknown(), () => {
    const d = reader?.diagnostics();
    return {
      running: reader !== undefined,
      mode: desired?.mode,
      transport: desired?.transport.kind,
      link: d?.link,
      counters: d ? { ...d.counters, ...outboxCounters() } : undefined,
      outbox: outbox.stats(),
      meters: d?.meters ?? {},
      /** Which meters have a key (never the keys). */
      metersWithKeys: keys.ids(),
    };
  });

  host.onMethod("scanBus", z.unknown(), async () => {
    if (!reader || desired?.mode !== "poll") throw new Error("scanBus needs mode poll");
    return { found: await reader.scan() };
  });

  host.onMethod("setKey", SetKeyRequest, async (req) => {
    // the file first: a key that cannot be persisted (damaged keys file) is refused, the file untouched
    if (desired?.keysFile) await persistKey(desired.keysFile, req, log);
    keys.set(req.meterId, req.key, req.authKey);
    log.info("key stored", { meterId: req.meterId, persisted: Boolean(desired?.keysFile) });
    return { meterId: req.meterId, stored: true, persisted: Boolean(desired?.keysFile) };
  });

  return {
    reader: () => reader,
    outbox: () => outbox.stats(),
    stop: async () => {
      await reader?.stop();
      reader = undefined;
      await sender.stop();
      outbox.close();
    },
  };
}
