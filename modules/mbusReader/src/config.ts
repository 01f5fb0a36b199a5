/**
 * Module twin desired properties of `mbusReader` (every field has a default: `DesiredConfig.parse({})`).
 * Meter keys may come in the twin (`meters[].key`) or, better, from the keys file (env
 * `OMDP_READER_KEYS_FILE`); they are never reported back, logged or sent on an output.
 */
import { OutboxSettings } from "@omdp/edge-module";
import { D0Settings, LineProtocol, MeterConfig, Transport } from "@omdp/reader";
import { z } from "zod";

/** Default transport: env `OMDP_READER_TCP=host:port`, else env `OMDP_READER_SERIAL`, else `/dev/mbus` (the deployment's device mapping). */
export function defaultTransport(env: NodeJS.ProcessEnv = process.env): Transport {
  const tcp = env.OMDP_READER_TCP && /^(.*):(\d+)$/.exec(env.OMDP_READER_TCP);
  if (tcp) return { kind: "tcp", host: tcp[1] || "127.0.0.1", port: Number(tcp[2]) };
  return { kind: "serial", path: env.OMDP_READER_SERIAL ?? "/dev/mbus" };
}

export const DesiredConfig = z.object({
  transport: Transport.default(() => defaultTransport()),
  /** listen: meters push (DLMS customer interface); poll: the module is the M-Bus master. */
  mode: z
    .enum(["listen", "poll"])
    .default(() => (process.env.OMDP_READER_MODE === "poll" ? "poll" : "listen")),
  framing: z.enum(["auto", "mbus", "hdlc"]).default("auto"),
  /**
   * The line's protocol (@omdp/reader LineProtocol): `auto` (default; `mode` and `framing` as before),
   * `mbus`, `dlms`, `dsmr` (P1), `sml`, `d0` (with `d0`), `wmbus` (refused at start until wired in).
   */
  protocol: LineProtocol.default("auto"),
  /** Protocol `d0`: `{ mode: "push" | "modeC", address, maxBaud, answerTimeoutS }`. */
  d0: D0Settings.prefault({}),
  meters: z.array(MeterConfig).default([]),
  /** Poll mode: seconds between two read-outs of a meter. */
  pollInterval: z.number().positive().default(60),
  /** Keys file `{ meterId: "HEX" }`; default env OMDP_READER_KEYS_FILE. */
  keysFile: z
    .string()
    .optional()
    .transform((v) => v ?? process.env.OMDP_READER_KEYS_FILE),
  /** IANA zone of the meters' clocks (M-Bus date-times carry none). */
  timeZone: z.string().default("Europe/Vienna"),
  scanOnStart: z.boolean().default(false),
  /** Poll mode: extra wait on top of the EN 13757-2 answer window (gateway/USB latency), ms. */
  answerMarginMs: z.number().int().min(0).default(250),
  /** Seconds between two `diagnostics` messages. */
  diagnosticsInterval: z.number().positive().default(60),
  /**
   * Bounds of the durable outbox (`<OMDP_DATA_DIR>/reader-outbox.db`) that keeps readings while the hub
   * is unreachable: past either, the oldest readings are dropped and counted (`outboxDropped`).
   */
  outbox: OutboxSettings.prefault({}),
});
export type DesiredConfig = z.infer<typeof DesiredConfig>;

/** setKey's payload: the key goes into the key store (and the keys file), never back out. */
export const SetKeyRequest = z.object({
  meterId: z.string().min(1).max(64),
  key: z.string().regex(/^[0-9A-Fa-f]{32}$/, "32 hex digits"),
  authKey: z
    .string()
    .regex(/^[0-9A-Fa-f]{32}$/, "32 hex digits")
    .optional(),
});
export type SetKeyRequest = z.infer<typeof SetKeyRequest>;
