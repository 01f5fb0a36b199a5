/**
 * createReader: wires a link (serial or TCP, reconnecting with backoff) to the listen pipeline (push
 * meters) or the poll scheduler (M-Bus master), and emits readings, diagnostics and errors. The
 * protocol logic lives in listen.ts / poll.ts / master.ts; this file is the only place with timers and I/O.
 */
import { type MeterReading, readingId } from "@omdp/model";
import { type ReaderConfig, type ReaderConfigInput, ReaderConfig as ReaderConfigSchema } from "./config";
import { Connection } from "./connection";
import { D0Requester } from "./d0Request";
import { DiagnosticsBook, type ReaderDiagnostics } from "./diagnostics";
import { Emitter } from "./emitter";
import { ReaderError } from "./errors";
import { KeyStore } from "./keys";
import { createPushPipeline, type LinePipeline, lineRole } from "./pipeline";
import type { FoundMeter } from "./poll";
import { Poller } from "./poll";
import type { LinkFactory } from "./transport/link";
import { SERIAL_PRESETS, type SerialPreset, serialLink } from "./transport/serial";
import { tcpLink } from "./transport/tcp";

/** The logger the reader needs (structurally the same as @omdp/logger's). */
export interface ReaderLog {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface ReaderEvents {
  reading(r: MeterReading): void;
  diagnostics(d: ReaderDiagnostics): void;
  error(e: ReaderError): void;
}

export interface ReaderDeps {
  readonly log?: ReaderLog;
  /** Use this link instead of the configured transport (tests, in-process streams). */
  readonly link?: LinkFactory;
  /** Keys already known (e.g. from the module twin); `keysFile` is loaded on start as well. */
  readonly keys?: KeyStore;
}

export interface Reader {
  on<K extends keyof ReaderEvents>(event: K, listener: ReaderEvents[K]): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  diagnostics(): ReaderDiagnostics;
  /** Stores a meter key in memory (never echoed, never logged). */
  setKey(meterId: string, keyHex: string, authKeyHex?: string): void;
  /** Poll mode: secondary address scan; found meters are polled from then on. */
  scan(): Promise<FoundMeter[]>;
  readonly config: ReaderConfig;
}

const NOOP_LOG: ReaderLog = { debug() {}, info() {}, warn() {}, error() {} };

/** The line settings a protocol's meters use unless the transport names a preset or its own values. */
export function defaultPreset(config: ReaderConfig): SerialPreset {
  switch (config.protocol) {
    case "dsmr":
      return "p1";
    case "sml":
      return "sml";
    case "d0":
      return config.d0.mode === "modeC" ? "d0" : "d0Push";
    case "mbus":
      return "mbusMaster";
    case "wmbus":
      // the presets are named after the receivers
      return config.wmbus.receiver;
    default:
      return config.mode === "poll" ? "mbusMaster" : "customerInterface";
  }
}

export function linkFor(config: ReaderConfig): LinkFactory {
  const t = config.transport;
  if (t.kind === "tcp") return tcpLink({ host: t.host, port: t.port });
  const preset = SERIAL_PRESETS[t.preset ?? defaultPreset(config)];
  return serialLink({
    path: t.path,
    baudRate: t.baudRate ?? preset.baudRate,
    dataBits: t.dataBits ?? preset.dataBits,
    parity: t.parity ?? preset.parity,
    stopBits: t.stopBits ?? preset.stopBits,
  });
}

export function createReader(input: ReaderConfigInput | ReaderConfig, deps: ReaderDeps = {}): Reader {
  const config = ReaderConfigSchema.parse(input);
  const log = deps.log ?? NOOP_LOG;
  const keys = deps.keys ?? new KeyStore();
  for (const m of config.meters) if (m.key) keys.set(m.id, m.key, m.authKey);
  const factory = deps.link ?? linkFor(config);
  const diag = new DiagnosticsBook(config.gatewayId, factory.describe);
  // configured meters show up from the start (lastSeen null until their first reading)
  for (const m of config.meters) diag.meter(m.id);
  const events = new Emitter<ReaderEvents>();
  const transport = factory.kind;

  const fail = (e: ReaderError) => {
    const safe = new ReaderError(e.code, keys.redact(e.message), e.details);
    diag.error({
      code: safe.code,
      message: safe.message,
      ...(safe.details.offset !== undefined ? { offset: safe.details.offset } : {}),
      ...(safe.details.meterId ? { meterId: safe.details.meterId } : {}),
    });
    events.emit("error", safe);
  };
  const emitReading = (r: MeterReading, frames: number) => {
    diag.count("readings");
    diag.seen(r.meterId, new Date(r.receivedAt), frames);
    // the deterministic id lets every store downstream de-duplicate a redelivered reading
    events.emit("reading", { id: readingId(r.meterId, r.readingTime), ...r });
  };
  const emitDiagnostics = () => events.emit("diagnostics", diag.snapshot());

  const role = lineRole(config);
  const lineDeps = { config, keys, diag, transport };
  const sink = { reading: emitReading, error: fail };
  const listen: LinePipeline | undefined =
    role.kind === "push" ? createPushPipeline(role.protocol, lineDeps, sink) : undefined;
  let poller: Poller | undefined;
  let requester: D0Requester | undefined;

  const connection = new Connection(
    factory,
    {
      data: (chunk) => {
        if (listen) listen.push(chunk, new Date());
        else if (requester) requester.push(chunk, new Date());
        else poller?.push(chunk);
      },
      up: () => {
        diag.connected = true;
        log.info("link up", { target: factory.describe });
        requester?.linkUp();
        emitDiagnostics();
      },
      down: (reason, retryInMs) => {
        if (diag.connected) diag.count("reconnects");
        diag.connected = false;
        listen?.reset();
        poller?.linkDown();
        requester?.linkDown();
        log.warn("link down", { target: factory.describe, reason: keys.redact(reason), retryInMs });
        fail(new ReaderError("LINK", `link ${factory.describe} down: ${reason}`));
        emitDiagnostics();
      },
    },
    { minMs: config.backoff.minMs, maxMs: config.backoff.maxMs },
  );

  if (role.kind === "d0Request")
    requester = new D0Requester(
      lineDeps,
      {
        write: (b) => connection.write(b),
        setBaudRate: (baud) => connection.setBaudRate(baud),
        connected: () => connection.connected,
      },
      sink,
    );
  if (role.kind === "poll")
    poller = new Poller(
      { config, diag, transport, write: (b) => connection.write(b), connected: () => connection.connected },
      { reading: emitReading, error: fail },
    );

  let diagTimer: NodeJS.Timeout | undefined;
  let started = false;

  return {
    config,
    on: (event, listener) => events.on(event, listener),
    async start() {
      if (started) return;
      started = true;
      if (config.keysFile) {
        const n = await keys.loadFile(config.keysFile);
        log.info("keys loaded", { meters: n });
      }
      connection.start();
      poller?.start();
      requester?.start();
      diagTimer = setInterval(emitDiagnostics, config.diagnosticsIntervalS * 1000);
      diagTimer.unref?.();
    },
    async stop() {
      if (!started) return;
      started = false;
      if (diagTimer) clearInterval(diagTimer);
      diagTimer = undefined;
      await poller?.stop();
      await requester?.stop();
      await connection.stop();
      emitDiagnostics();
    },
    diagnostics: () => diag.snapshot(),
    setKey: (meterId, keyHex, authKeyHex) => keys.set(meterId, keyHex, authKeyHex),
    scan: async () => {
      if (!poller) throw new ReaderError("CONFIG", "scan needs mode poll");
      return poller.scanNow();
    },
  };
}
