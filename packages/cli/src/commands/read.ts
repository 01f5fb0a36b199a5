/**
 * `omdp read`: the reader as a standalone process (or a leaf device's core): readings as JSON lines on
 * stdout, diagnostics and errors as JSON lines on stderr.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ModuleHost } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import { createReader, ReaderConfig, type ReaderConfigInput } from "@omdp/reader";
import { connectLeaf, LeafOptionError } from "./read-leaf";

const HELP = `Usage: omdp read (--serial PATH | --tcp HOST:PORT) [--config FILE] [--mode listen|poll]
                 [--keys FILE] [--baud N] [--parity none|even|odd] [--scan] [--diagnostics-every S]

Reads meters and prints one MeterReading per line (JSON) on stdout; diagnostics and errors go to
stderr as JSON lines. Runs until Ctrl-C; reconnects by itself when the port or the peer goes away.
  --serial PATH   a serial port (USB M-Bus master, P1 cable, or a PTY from omdp simulate)
                  default line: 2400 8E1 in poll mode, 2400 8N1 in listen mode
  --tcp HOST:PORT an M-Bus/TCP gateway (or omdp simulate --tcp)
  --config FILE   reader config (JSON): meters, keysFile, mode, pollIntervalS, timing, timeZone;
                  see packages/reader/examples/. --serial/--tcp override its transport.
  --keys FILE     keys file { meterId: "AES key hex" } (overrides the config's keysFile)
  --scan          poll mode: search the bus for secondary addresses at start

As a leaf device (readings go through an IoT Edge gateway instead of stdout):
  --leaf                        send readings/diagnostics through the gateway (GatewayHostName)
  --connection-string-file FILE device connection string, or provision through DPS with:
  --dps-scope ID --registration-id ID --device-key-file FILE [--dps-host HOST]
                                (the key is the one 'omdp dps derive-key' derives; it stays in its file)
  --gateway HOST                the gateway's host name; --ca FILE its CA certificate`;

export async function run(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (e) {
    process.stderr.write(`omdp read: ${(e as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  let file: Record<string, unknown> = {};
  if (values.config) {
    try {
      file = JSON.parse(readFileSync(values.config, "utf8")) as Record<string, unknown>;
    } catch (e) {
      process.stderr.write(`omdp read: cannot read config ${values.config}: ${(e as Error).message}\n`);
      return 2;
    }
    // a relative keysFile is relative to the config file
    if (typeof file.keysFile === "string" && !isAbsolute(file.keysFile))
      file.keysFile = resolve(dirname(values.config), file.keysFile);
  }
  const input: Record<string, unknown> = { ...file };
  if (values.serial) {
    const prev = (file.transport ?? {}) as Record<string, unknown>;
    input.transport = {
      ...(prev.kind === "serial" ? prev : {}),
      kind: "serial",
      path: values.serial,
      ...(values.baud ? { baudRate: Number(values.baud) } : {}),
      ...(values.parity ? { parity: values.parity } : {}),
    };
  } else if (values.tcp) {
    const m = /^(.*):(\d+)$/.exec(values.tcp);
    if (!m) {
      process.stderr.write(`omdp read: --tcp needs HOST:PORT\n`);
      return 2;
    }
    input.transport = { kind: "tcp", host: m[1] || "127.0.0.1", port: Number(m[2]) };
  }
  if (!input.transport) {
    process.stderr.write(`omdp read: give --serial PATH or --tcp HOST:PORT (or a transport in --config)\n`);
    return 2;
  }
  if (values.mode) input.mode = values.mode;
  if (values.keys) input.keysFile = resolve(values.keys);
  if (values.scan) input.scanOnStart = true;
  if (values["diagnostics-every"]) input.diagnosticsIntervalS = Number(values["diagnostics-every"]);
  const parsed = ReaderConfig.safeParse(input as ReaderConfigInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(
      `omdp read: invalid config at ${issue?.path.join(".") || "(root)"}: ${issue?.message}\n`,
    );
    return 2;
  }
  const log = createLogger("read");
  let leaf: ModuleHost | undefined;
  if (values.leaf) {
    try {
      leaf = await connectLeaf(
        {
          connectionStringFile: values["connection-string-file"],
          dpsScope: values["dps-scope"],
          registrationId: values["registration-id"],
          deviceKeyFile: values["device-key-file"],
          dpsHost: values["dps-host"],
          gateway: values.gateway,
          caFile: values.ca,
        },
        log,
      );
    } catch (e) {
      process.stderr.write(
        `omdp read: ${e instanceof LeafOptionError ? "" : "leaf device: "}${(e as Error).message}\n`,
      );
      return 2;
    }
  }
  const reader = createReader(parsed.data, { log: log.child("reader") });
  const err = (obj: unknown) => process.stderr.write(`${JSON.stringify(obj)}\n`);
  const forward = (output: string, body: object & { meterId?: string }, kind: string) =>
    leaf
      ?.send(output, body, { kind, ...(body.meterId ? { meterId: body.meterId } : {}) })
      .catch((e: Error) => log.warn("leaf send failed", { output, error: e.message }));
  reader.on("reading", (r) =>
    leaf ? forward("readings", r, "reading") : process.stdout.write(`${JSON.stringify(r)}\n`),
  );
  reader.on("diagnostics", (d) => (leaf ? forward("diagnostics", d, "diagnostics") : err(d)));
  reader.on("error", (e) => err({ kind: "error", at: new Date().toISOString(), ...e.toJSON() }));
  try {
    await reader.start();
  } catch (e) {
    process.stderr.write(`omdp read: ${(e as Error).message}\n`);
    return 1;
  }
  await new Promise<void>((done) => {
    process.once("SIGINT", () => done());
    process.once("SIGTERM", () => done());
  });
  await reader.stop();
  await leaf?.close();
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      serial: { type: "string" },
      tcp: { type: "string" },
      config: { type: "string" },
      mode: { type: "string" },
      keys: { type: "string" },
      baud: { type: "string" },
      parity: { type: "string" },
      scan: { type: "boolean", default: false },
      "diagnostics-every": { type: "string" },
      leaf: { type: "boolean", default: false },
      "connection-string-file": { type: "string" },
      "dps-scope": { type: "string" },
      "registration-id": { type: "string" },
      "device-key-file": { type: "string" },
      "dps-host": { type: "string" },
      gateway: { type: "string" },
      ca: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}
