/**
 * `omdp decode`: M-Bus (EN 13757-2/-3), DLMS/COSEM push and DSMR P1 telegrams from hex to one JSON document.
 *
 *   omdp decode [--key HEX] [--auth-key HEX] [--transport auto|mbus|hdlc|raw] [HEX ...]
 *   omdp decode --batch [--key HEX] ...      one telegram per stdin line, one JSON object per output line
 *
 * The kind of telegram is chosen from the bytes (structure), never by trying decoders: an M-Bus long
 * frame whose CI is 0x00-0x1F with TSAPs 01 67 is a DLMS segment, any other M-Bus frame goes to the
 * EN 13757-3 application layer; 7E A. is HDLC; a push APDU tag is a raw APDU. The other protocols (DSMR
 * P1, ...) claim their bytes first, by their own structural rules (src/protocols/). Keys are never printed.
 */
import { parseArgs } from "node:util";
import {
  type CosemValue,
  type DlmsTransport,
  decodePush,
  detectTransport,
  isDlmsSegment,
  MBUS_DLMS,
  type PushTelegram,
  parseHex,
  toMeterReading,
} from "@omdp/dlms";
import { decodeFrame, decodeTelegram, type Telegram } from "@omdp/mbus";
import { ByteLines, chunks } from "../io/batch-lines";
import { ByteSink } from "../io/byte-sink";
import { quickHex } from "../io/quick-hex";
import { type VariableTelegram, variableDoc, writeVariableLine } from "../mbus-output";
import {
  type DocOutcome,
  type ErrorInfo,
  PROTOCOL_NAMES,
  type ProtocolOptions,
  protocolFor,
  textProtocolFor,
} from "../protocols/index";
import { loadKeys } from "../protocols/keys-file";

const HELP = `Usage: omdp decode [options] [HEX ...]

Decodes one telegram given as hex (arguments, or stdin when there are none; spaces, newlines and '-'
line continuations are ignored) and prints one JSON document:
  { transport, frames, protocol, meter?, records?, cosem?, reading? }
A DSMR P1 telegram may also be pasted on stdin as its text (the first non-space character is '/').

Options:
  --protocol P       auto (default) | mbus | dlms | dsmr | sml | d0 | wmbus. auto: wireless M-Bus when
                     L fits the length (with or without CRCs), C is a meter's and a wM-Bus CI follows
                     the address (not 68 L L 68); 1B1B1B1B01010101 is SML; a
                     telegram starting with '/' (hex 2F) is D0 (IEC 62056-21) when STX or a D0 data line
                     ('1.8.0(', 'C.1.0(', '1-0:1.8.0*255(') follows its first line, else DSMR P1; with --key, a 0xDB frame of the Smarty layout whose plaintext starts with
                     '/' is DSMR (Luxembourg Smarty), any other is DLMS; the rest as before
  --key HEX          AES-128 key of encrypted DLMS telegrams (global unicast encryption key) and of
                     Smarty P1 frames
  --keys FILE        per-meter keys, the reader's keys file: JSON from the meter id to key hex or to
                     { key, authKey }; wireless M-Bus meters by their id (8 digits), Smarty P1 frames
                     by their system title as the reader names the meter (FLAG letters + serial hex,
                     e.g. SAG1234567890, or the title's 16 hex digits); --key/--auth-key then serve
                     meters the file does not name (without them: KEY_MISSING naming the title)
  --auth-key HEX     authentication key: verify the GCM tag of authenticated telegrams (0x10/0x30);
                     Smarty frames need it when the meter uses one (it enters the GCM AAD)
  --transport T      auto (default) | mbus | hdlc | raw (DLMS)
  --profile ID       meter profile for flat DLMS lists (default: matched by the list; 'none' to disable)
  --time-zone TZ     IANA zone of the meter, for date-times without deviation (e.g. Europe/Vienna)
  --meter-id ID      meter id for the normalised reading (default: from the telegram)
  --batch            one telegram per stdin line; one JSON object per output line, in order, with
                     "ok": true, or {"ok": false, "error": {"code", "message", "offset"}}

An M-Bus record that cannot be read does not fail its telegram (only the frame, CI or header do): the
other records are printed and the unreadable ones are listed under "recordErrors" with their offset,
bytes, code and reason.
  -h, --help         this text

Exit status: 0 when every telegram decoded, 1 otherwise (with a one-line message on stderr).
`;

type Transport = "auto" | DlmsTransport;

interface Options extends ProtocolOptions {
  readonly protocol: string;
  readonly transport: Transport;
  readonly profile?: string;
}

/** A decoded telegram: its document, or an M-Bus variable data telegram (printed by mbus-output.ts). */
type Outcome = DocOutcome | { ok: true; telegram: VariableTelegram; frame: Uint8Array };

function docOf(o: Extract<Outcome, { ok: true }>): Record<string, unknown> {
  return "doc" in o ? o.doc : variableDoc(o.telegram, o.frame);
}

/** One output line of --batch, with its newline. */
function writeLine(sink: ByteSink, o: Outcome): void {
  if (!o.ok) sink.utf8(JSON.stringify({ ok: false, error: o.error }));
  else if ("doc" in o) sink.utf8(JSON.stringify({ ok: true, ...o.doc }));
  else writeVariableLine(sink, o.telegram, o.frame);
  sink.ascii("\n");
}

const TRANSPORTS: readonly Transport[] = ["auto", "mbus", "hdlc", "raw"];

export async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    // parseArgs' messages name the option, never its value; keys cannot leak from here.
    process.stderr.write(`omdp decode: ${(e as Error).message}\n`);
    return 1;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const opts = options(parsed.values);
  if ("error" in opts) {
    process.stderr.write(`omdp decode: ${opts.error}\n`);
    return 1;
  }
  if (parsed.values.batch) return batch(opts);
  const text = parsed.positionals.length > 0 ? parsed.positionals.join(" ") : await readStdin();
  const pasted = parsed.positionals.length > 0 ? undefined : textProtocolFor(opts.protocol, text);
  const out = pasted?.textBytes ? decodeBytes(pasted.textBytes(text), opts) : decodeText(text, opts);
  if (!out.ok) {
    const e = out.error;
    process.stderr.write(`omdp decode: ${e.code}: ${oneLine(e.message)}${evidence(e)}${at(e.offset)}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(docOf(out), null, 2)}\n`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: "string" },
      keys: { type: "string" },
      "auth-key": { type: "string" },
      transport: { type: "string", default: "auto" },
      protocol: { type: "string", default: "auto" },
      profile: { type: "string" },
      "time-zone": { type: "string" },
      "meter-id": { type: "string" },
      batch: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

function options(v: ReturnType<typeof parse>["values"]): Options | { error: string } {
  const transport = v.transport as Transport;
  if (!TRANSPORTS.includes(transport)) return { error: `--transport must be one of ${TRANSPORTS.join("|")}` };
  if (!PROTOCOL_NAMES.includes(v.protocol))
    return { error: `--protocol must be one of ${PROTOCOL_NAMES.join("|")}` };
  const key = keyOption(v.key, "--key");
  if (key instanceof Error) return { error: key.message };
  const authKey = keyOption(v["auth-key"], "--auth-key");
  if (authKey instanceof Error) return { error: authKey.message };
  const keys = v.keys === undefined ? undefined : loadKeys(v.keys);
  if (keys instanceof Error) return { error: keys.message };
  return {
    ...(keys ? { keys } : {}),
    protocol: v.protocol,
    transport,
    ...(key ? { key } : {}),
    ...(authKey ? { authKey } : {}),
    ...(v.profile ? { profile: v.profile } : {}),
    ...(v["time-zone"] ? { timeZone: v["time-zone"] } : {}),
    ...(v["meter-id"] ? { meterId: v["meter-id"] } : {}),
  };
}

/** A key option: hex of 16 or 32 bytes. The message never repeats the value. */
function keyOption(value: string | undefined, name: string): Uint8Array | Error | undefined {
  if (value === undefined) return undefined;
  const r = parseHex(value);
  if (!r.ok || (r.value.length !== 16 && r.value.length !== 32)) {
    return new Error(`${name} must be 32 (or 64) hex digits`);
  }
  return r.value;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One telegram per line; a line ending in `-` or `\` continues on the next. Blank lines are skipped.
 * Streams: stdin in large chunks, output in large chunks with backpressure (src/io/batch-lines.ts).
 */
async function batch(opts: Options): Promise<number> {
  const lines = new ByteLines();
  const sink = new ByteSink(1 << 18, process.stdout);
  let count = 0;
  let failed = 0;
  const out = (o: Outcome): void => {
    count++;
    if (!o.ok) failed++;
    writeLine(sink, o);
  };
  const fast = (b: Uint8Array): void => out(decodeBytes(b, opts));
  const slow = (t: string): void => out(decodeText(t, opts));
  for await (const chunk of chunks(process.stdin)) {
    lines.push(chunk, fast, slow);
    if (sink.full) await sink.flush();
  }
  lines.end(fast, slow);
  await sink.flush();
  if (failed > 0) {
    process.stderr.write(`omdp decode: ${failed} of ${count} telegrams did not decode\n`);
    return 1;
  }
  if (count === 0) {
    process.stderr.write("omdp decode: no telegrams on stdin\n");
    return 1;
  }
  return 0;
}

function decodeText(text: string, opts: Options): Outcome {
  let b = quickHex(text);
  if (b === null) {
    const hex = parseHex(text);
    if (!hex.ok) return failure(hex.error.code, hex.error.message, hex.error.offset);
    b = hex.value;
  }
  if (b.length === 0) return failure("EMPTY_INPUT", "no hex digits given", 0);
  return decodeBytes(b, opts);
}

/**
 * Structure decides: a protocol of src/protocols/ that claims the bytes (or is forced) decodes them;
 * else an M-Bus frame that is not a DLMS segment is EN 13757-3, everything else DLMS.
 */
function decodeBytes(b: Uint8Array, opts: Options): Outcome {
  const entry = protocolFor(opts.protocol, b, opts);
  if (entry) return entry.decode(b, opts);
  if (opts.protocol === "mbus") return decodeMbus(b);
  if (opts.protocol === "dlms") return decodeDlms(b, opts);
  const isMbusStart = b[0] === 0x68 || b[0] === 0x10 || b[0] === 0xe5;
  const wantsMbus = opts.transport === "mbus" || (opts.transport === "auto" && isMbusStart);
  if (wantsMbus && !isDlmsOverMbus(b)) return decodeMbus(b);
  return decodeDlms(b, opts);
}

function isDlmsOverMbus(b: Uint8Array): boolean {
  return (
    b.length >= 9 &&
    b[0] === 0x68 &&
    b[3] === 0x68 &&
    b[6]! <= MBUS_DLMS.maxCi &&
    b[7] === MBUS_DLMS.stsap &&
    b[8] === MBUS_DLMS.dtsap
  );
}

function failure(code: string, message: string, offset?: number): Outcome {
  return { ok: false, error: offset === undefined ? { code, message } : { code, message, offset } };
}

// ---- M-Bus (EN 13757-3 application layer through @omdp/mbus) ----

function decodeMbus(b: Uint8Array): Outcome {
  const f = decodeFrame(b, 0);
  if (!f.ok) return failure(f.error.code, f.error.reason, f.error.offset);
  if (f.value.length !== b.length) {
    return failure("TRAILING_BYTES", "bytes after the stop byte", f.value.length);
  }
  const frame = f.value.frame;
  if (frame.kind === "ack" || frame.kind === "short") {
    return { ok: true, doc: { transport: "mbus", frames: 1, protocol: "mbus", frame } };
  }
  if (isDlmsSegment(frame))
    return failure("MBUS_SEGMENT", "a DLMS segment: decode it with the other frames", 6);
  const t = decodeTelegram(frame);
  if (!t.ok) return failure(t.error.code, t.error.reason, t.error.offset);
  return mbusDocument(t.value, b);
}

function mbusDocument(t: Telegram, frame: Uint8Array): Outcome {
  const base = { transport: "mbus", frames: 1, protocol: "mbus", ci: t.ci };
  switch (t.type) {
    case "applicationError":
      return failure("APPLICATION_ERROR", `the meter reports an application error: ${t.message}`, t.offset);
    case "selection":
      return failure("WRONG_DIRECTION", "a selection telegram (master to slave)", 6);
    case "fixed":
      return {
        ok: true,
        doc: {
          ...base,
          meter: {
            id: t.id,
            medium: t.medium.name,
            accessNumber: t.accessNumber,
            status: t.status,
          },
          records: t.counters.map((c) => ({
            function: t.function,
            storage: 0,
            tariff: 0,
            subunit: 0,
            quantity: c.quantity,
            value: c.value,
            unit: c.unit,
            raw: c.raw === null ? null : String(c.raw),
          })),
        },
      };
    case "variable":
      return { ok: true, telegram: t, frame };
  }
}

// ---- DLMS/COSEM push (through @omdp/dlms) ----

const READING_TRANSPORT: Record<DlmsTransport, "serial" | "hdlc" | "raw"> = {
  mbus: "serial",
  hdlc: "hdlc",
  raw: "raw",
};

function decodeDlms(b: Uint8Array, opts: Options): Outcome {
  const transport = opts.transport === "auto" ? detectTransport(b) : opts.transport;
  if (!transport) {
    return failure(
      "TRANSPORT_UNKNOWN",
      `no known telegram starts with 0x${b[0]!.toString(16).padStart(2, "0")}`,
      0,
    );
  }
  const r = decodePush(b, {
    transport,
    ...(opts.key ? { key: opts.key } : {}),
    ...(opts.authKey ? { authKey: opts.authKey } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  if (!r.ok) return failure(r.error.code, r.error.message, r.error.offset);
  return { ok: true, doc: dlmsDocument(r.value, opts) };
}

function cosemOut(c: CosemValue) {
  return {
    obis: c.obis,
    value: c.value,
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    ...(c.text !== undefined ? { text: c.text } : {}),
    ...(c.scaler !== undefined ? { scaler: c.scaler } : {}),
    type: c.type,
    source: c.source,
  };
}

function dlmsDocument(t: PushTelegram, opts: Options): Record<string, unknown> {
  const reading = toMeterReading(t, {
    gatewayId: "omdp-decode",
    transport: READING_TRANSPORT[t.transport],
    receivedAt: new Date(),
    ...(opts.meterId ? { meterId: opts.meterId } : {}),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  });
  const meter = {
    ...(t.systemTitle ? { systemTitle: t.systemTitle } : {}),
    ...(t.manufacturer ? { manufacturer: t.manufacturer } : {}),
    id: reading.meterId,
    ...(t.frameCounter !== undefined ? { frameCounter: t.frameCounter } : {}),
    ...(t.securityControl !== undefined ? { securityControl: t.securityControl } : {}),
    ...(t.security ? { security: t.security } : {}),
    invokeId: t.invokeId,
    // pushes (data-notification) print as before; readouts and events say what carried them
    ...(t.service !== "data-notification" ? { service: t.service } : {}),
    ...(t.attribute ? { attribute: t.attribute } : {}),
    ...(t.accessResults ? { accessResults: t.accessResults } : {}),
    ...(t.dateTime ? { dateTime: t.dateTime.text } : {}),
    ...(t.profile ? { profile: t.profile } : {}),
  };
  return {
    transport: t.transport,
    frames: t.frames,
    protocol: "dlms",
    meter,
    cosem: t.cosem.map(cosemOut),
    ...(t.unlabeled.length > 0 ? { unlabeled: t.unlabeled } : {}),
    reading,
  };
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Expected and actual values where the error carries them (e.g. the CRC sent and the CRC computed). */
function evidence(e: ErrorInfo): string {
  const parts = [
    ...(e.expected !== undefined ? [`expected ${e.expected}`] : []),
    ...(e.actual !== undefined ? [`actual ${e.actual}`] : []),
  ];
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

function at(offset: number | undefined): string {
  return offset === undefined ? "" : ` (at offset ${offset})`;
}
