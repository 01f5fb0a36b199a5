/**
 * Reader configuration (zod): transport, mode, meters with their addresses and key references, timing.
 * Keys may sit in the config (the module twin sets them) but are better kept in `keysFile`; either way
 * they never leave the reader: not logged, not in readings, redacted in errors.
 */
import { SML_QUIRKS, type SmlQuirkId } from "@omdp/sml";
import { z } from "zod";

const SML_QUIRK_IDS = Object.keys(SML_QUIRKS) as [SmlQuirkId, ...SmlQuirkId[]];

const hex = (bytes: number) =>
  z
    .string()
    .transform((s) => s.replace(/[\s:-]/g, "").toUpperCase())
    .pipe(z.string().regex(new RegExp(`^[0-9A-F]{${bytes * 2}}$`), `expected ${bytes} bytes as hex`));

export const KeyHex = hex(16);
export const SystemTitleHex = hex(8);

export const SerialTransport = z.object({
  kind: z.literal("serial"),
  path: z.string().min(1),
  /**
   * `mbusMaster` = 2400 8E1 (EN 13757-2); `customerInterface` = 2400 8N1 (Austrian P1 push); `p1` =
   * 115200 8N1 (DSMR 4/5); `p1Dsmr22` = 9600 7E1 (DSMR 2.2); `sml` = 9600 8N1; `d0` = 300 7E1 (IEC
   * 62056-21 sign-on); `d0Push` = 9600 7E1 (push-only eHZ); wM-Bus receivers `im871a` = 57600 8N1,
   * `amb8465` = 9600 8N1, `rtlwmbus` = 115200 8N1. Default: by protocol and mode.
   */
  preset: z
    .enum([
      "mbusMaster",
      "customerInterface",
      "p1",
      "p1Dsmr22",
      "sml",
      "d0",
      "d0Push",
      "im871a",
      "amb8465",
      "rtlwmbus",
    ])
    .optional(),
  baudRate: z.number().int().positive().optional(),
  dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
  parity: z.enum(["none", "even", "odd"]).optional(),
  stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type SerialTransport = z.infer<typeof SerialTransport>;

export const TcpTransport = z.object({
  kind: z.literal("tcp"),
  host: z.string().min(1).default("127.0.0.1"),
  port: z.number().int().min(1).max(65535),
});
export type TcpTransport = z.infer<typeof TcpTransport>;

export const Transport = z.discriminatedUnion("kind", [SerialTransport, TcpTransport]);
export type Transport = z.infer<typeof Transport>;

/** A secondary address pattern (EN 13757-3 clause 11): 8 id digits, F = wildcard. */
export const SecondaryAddress = z.object({
  id: z.string().regex(/^[0-9Ff?]{1,8}$/),
  manufacturer: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .optional(),
  version: z.number().int().min(0).max(255).optional(),
  medium: z.number().int().min(0).max(255).optional(),
});
export type SecondaryAddress = z.infer<typeof SecondaryAddress>;

export const MeterConfig = z.object({
  id: z.string().min(1).max(64),
  /** Poll mode: primary address 1..250, or a secondary address. */
  primaryAddress: z.number().int().min(0).max(250).optional(),
  secondaryAddress: SecondaryAddress.optional(),
  /** Listen mode (DLMS): the meter's system title; pushes from it are read with this meter's key. */
  systemTitle: SystemTitleHex.optional(),
  /** Prefer `keysFile`; a key here (e.g. from the module twin) is equally secret. */
  key: KeyHex.optional(),
  authKey: KeyHex.optional(),
  /** OBIS profile for meters that send flat lists without OBIS codes (see @omdp/dlms profiles). */
  profile: z.string().optional(),
  /** Poll interval of this meter, seconds (default: the reader's). */
  pollIntervalS: z.number().positive().optional(),
  /** SML: the known quirks of this meter to accept (@omdp/sml quirks.ts), e.g. `dzg-unsigned-power`. */
  quirks: z.array(z.enum(SML_QUIRK_IDS)).optional(),
});
export type MeterConfig = z.infer<typeof MeterConfig>;

/**
 * The line's protocol: `auto` (default, as before: `mode` decides, listen detects M-Bus/HDLC framing
 * of DLMS pushes), `mbus` (EN 13757-3 meters, the reader polls), `dlms` (pushes, `framing`), `dsmr`
 * (P1 telegrams, Smarty frames with the meter's key), `sml` (SML 1.04 files), `d0` (IEC 62056-21,
 * see `d0`), `wmbus` (wireless M-Bus through a receiver: iM871A, AMB8465 or rtl_wmbus lines, see `wmbus`).
 */
export const LineProtocol = z.enum(["auto", "mbus", "wmbus", "dlms", "dsmr", "sml", "d0"]);
export type LineProtocol = z.infer<typeof LineProtocol>;

/** IEC 62056-21 (D0) line settings. */
export const D0Settings = z.object({
  /** `push`: the meter sends its data block unasked; `modeC`: the reader signs on (clause 6.4.5). */
  mode: z.enum(["push", "modeC"]).default("push"),
  /** Mode C: the device address of the sign-on request (empty: any meter). */
  address: z
    .string()
    .regex(/^[0-9A-Za-z ]{0,32}$/)
    .default(""),
  /** Mode C: highest baud rate to accept in the option select. */
  maxBaud: z.number().int().positive().default(9600),
  /**
   * Where a data block that starts with STX ends: `etx` (default) at ETX and its BCC, which is then
   * checked; `end-line` at `! CR LF` (meters, or captures, that frame with STX but send no ETX/BCC).
   */
  dataEnd: z.enum(["etx", "end-line"]).default("etx"),
  /** Mode C: a readout that has not ended this long after the sign-on is abandoned, seconds. */
  answerTimeoutS: z.number().positive().default(15),
});
export type D0Settings = z.infer<typeof D0Settings>;

/** Wireless M-Bus line settings: the receiver in front of the frame stream (src/wmbus/). */
export const WmbusSettings = z.object({
  /** `im871a` (IMST iM871A/iU891A HCI), `amb8465` (Amber/Würth CMD_DATA_IND), `rtlwmbus` (text lines). */
  receiver: z.enum(["im871a", "amb8465", "rtlwmbus"]).default("im871a"),
  /** AMB8465: the stick appends an RSSI byte (its RSSI_Enable parameter is set). */
  rssi: z.boolean().default(true),
  /** The link mode the stick is configured for (T1, C1, S1), for diagnostics. */
  linkMode: z.string().optional(),
});
export type WmbusSettings = z.infer<typeof WmbusSettings>;

export const ReaderConfig = z.object({
  /** Goes into every reading's `source.gatewayId`. */
  gatewayId: z.string().min(1).default("reader"),
  transport: Transport,
  protocol: LineProtocol.default("auto"),
  /** listen: meters push (DLMS); poll: the reader is the M-Bus master (protocol `mbus` always polls). */
  mode: z.enum(["listen", "poll"]).default("listen"),
  /** Listen mode framing: M-Bus long frames, HDLC (P1/HAN ports), or both (auto). */
  framing: z.enum(["auto", "mbus", "hdlc"]).default("auto"),
  meters: z.array(MeterConfig).default([]),
  /** Protocol `d0`: push-only meter or mode C readout (every `pollIntervalS`). */
  d0: D0Settings.prefault({}),
  /** Protocol `wmbus`: the receiver; meters by their 8-digit id, keys from `keysFile` or the twin. */
  wmbus: WmbusSettings.prefault({}),
  /** JSON file `{ meterId: "HEX" | { key, authKey } }` with the meters' keys. */
  keysFile: z.string().optional(),
  /** IANA time zone of the meters' clocks (M-Bus date-times carry none). */
  timeZone: z.string().default("Europe/Vienna"),
  /** Poll mode and D0 mode C: seconds between two read-outs of a meter. */
  pollIntervalS: z.number().positive().default(60),
  /** Poll mode: search the bus for secondary addresses at start; found meters are polled too. */
  scanOnStart: z.boolean().default(false),
  /** Poll mode timing (EN 13757-2): answer window and retries. */
  timing: z
    .object({
      /** Extra wait on top of the EN 13757-2 answer window (TCP gateways, USB latency), ms. */
      marginMs: z.number().int().min(0).default(250),
      /** Repetitions after the first try (EN 13757-2 allows up to 2 for a lost answer). */
      retries: z.number().int().min(0).max(5).default(2),
      /** Longest multi-telegram read-out, telegrams. */
      maxTelegrams: z.number().int().min(1).max(64).default(16),
    })
    .default({ marginMs: 250, retries: 2, maxTelegrams: 16 }),
  backoff: z
    .object({
      minMs: z.number().int().positive().default(250),
      maxMs: z.number().int().positive().default(30_000),
    })
    .default({ minMs: 250, maxMs: 30_000 }),
  /** Diagnostics are emitted this often (and on every link change), seconds. */
  diagnosticsIntervalS: z.number().positive().default(60),
});
export type ReaderConfig = z.infer<typeof ReaderConfig>;
export type ReaderConfigInput = z.input<typeof ReaderConfig>;
