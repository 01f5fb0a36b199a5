/**
 * `omdp simulate`: simulated meters on a PTY (socat), an M-Bus/TCP gateway port, or as hex lines.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "@omdp/logger";
import { encodeFrame, reqUd2, sndNke } from "@omdp/mbus";
import {
  createMeterFleet,
  defaultFleet,
  type MeterFleet,
  type MeterInfo,
  type SentTelegram,
  servePty,
  serveTcp,
} from "@omdp/simulator";

const HELP = `Usage: omdp simulate --meters N [--kind dlms|mbus|wmbus] [--framing mbus|hdlc] [--seed S] [--speed X]
                     [--receiver im871a|amb8465|rtlwmbus] [--wmbus-mode 5|7]
                     [--serial PATH [--peer PATH] | --tcp PORT | --hex] [--duration D]
                     [--keys-out FILE] [--config-out FILE] [--start ISO] [--fault NAME:SECONDS ...]

Simulated meters, deterministic for a seed:
  --kind dlms   electricity meters pushing DLMS/COSEM over M-Bus every 5 s (Kaifa MA309M style,
                AES-128-GCM, ids KFM1000000001...), every other one with PV       (default)
  --kind mbus   EN 13757-3 meters answering a master (electricity, water, heat, gas, primary
                addresses 1..N, secondary ids OMD<8 digits>)
  --kind wmbus  wireless M-Bus water, heat and heat cost allocator meters (cycling), OMS-encrypted
                (mode 5, or --wmbus-mode 7), each sending every 30 s through a receiver's framing:
                --receiver im871a (IMST HCI, default), amb8465 (Amber) or rtlwmbus (text lines)
  --framing F   DLMS pushes in M-Bus long frames (mbus, default) or HDLC frames (hdlc, P1/HAN ports)
  --speed X     meter time runs X times faster than wall time (default 1); readings carry meter time
Outputs (one of):
  --serial PATH makes a PTY pair with socat: the simulator holds PATH, a reader opens the peer
                (PATH with a trailing A turned into B, or --peer PATH)
  --tcp PORT    an M-Bus/TCP gateway on 127.0.0.1:PORT (0 = any free port; default ${process.env.OMDP_SIM_TCP_PORT ?? 9000})
  --hex         prints one telegram per line as hex and exits (DLMS: the pushes of --duration
                meter time; M-Bus: one read-out of every meter per 5 s of meter time)
Other options:
  --duration D  how long to run: 90, 90s, 15m, 2h (wall time; meter time for --hex; default: until
                Ctrl-C, 1m for --hex)
  --keys-out F  writes { meterId: "AES key hex" } (mode 600) for the reader's keysFile (DLMS, wM-Bus)
  --config-out F writes a reader config for these meters (transport, mode, meters, keysFile)
  --fault N:S   every S wall seconds: corrupt | drop | garbage | silence | key-change | second-master`;

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`bad duration '${text}' (examples: 90, 90s, 15m, 2h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit]!;
}

function readerConfig(
  meters: readonly MeterInfo[],
  kind: "dlms" | "mbus" | "wmbus",
  transport: Record<string, unknown>,
  keysFile: string | undefined,
  receiver = "im871a",
): Record<string, unknown> {
  if (kind === "wmbus")
    return {
      gatewayId: "reader-sim",
      transport,
      protocol: "wmbus",
      wmbus: { receiver },
      ...(keysFile ? { keysFile } : {}),
      meters: meters.map((m) => ({ id: m.id, secondaryAddress: { id: m.secondaryId } })),
    };
  return {
    gatewayId: "reader-sim",
    transport,
    mode: kind === "dlms" ? "listen" : "poll",
    ...(keysFile ? { keysFile } : {}),
    pollIntervalS: 10,
    meters: meters.map((m) =>
      kind === "dlms"
        ? { id: m.id, systemTitle: m.systemTitle }
        : { id: m.id, primaryAddress: m.primaryAddress },
    ),
  };
}

/** Offline generation: a virtual clock drives the fleet; prints every telegram as one hex line. */
async function hexOut(
  fleet: MeterFleet,
  setWall: (ms: number) => void,
  speed: number,
  durationMs: number,
): Promise<void> {
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(`${out.join("\n")}\n`);
    out.length = 0;
  };
  const slaves = fleet.meters.filter((m) => m.kind === "mbus");
  let done = new Set<string>();
  fleet.onTelegram((t: SentTelegram) => {
    done.add(t.meterId);
    if (slaves.length === 0) out.push(Buffer.from(t.bytes).toString("hex").toUpperCase());
  });
  const att = fleet.attach((bytes) => {
    // E5 acknowledgements are link chatter, not telegrams
    if (slaves.length > 0 && !(bytes.length === 1 && bytes[0] === 0xe5))
      out.push(bytes.toString("hex").toUpperCase());
  });
  const stepMs = 5000;
  for (let t = 0; t <= durationMs; t += stepMs) {
    setWall(t / speed);
    fleet.tick();
    for (const m of slaves) {
      const addr = m.primaryAddress!;
      att.input(encodeFrame(sndNke(addr)));
      done = new Set();
      for (let i = 0, fcb = true; i < 16 && !done.has(m.id); i++, fcb = !fcb)
        att.input(encodeFrame(reqUd2(addr, fcb)));
    }
    flush();
    if (out.length === 0) await new Promise((r) => setImmediate(r));
  }
  att.detach();
}

export async function run(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (e) {
    process.stderr.write(`omdp simulate: ${(e as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const log = createLogger("simulate");
  const kind = values.kind as "dlms" | "mbus" | "wmbus";
  if (kind !== "dlms" && kind !== "mbus" && kind !== "wmbus") {
    process.stderr.write(`omdp simulate: --kind must be dlms, mbus or wmbus\n`);
    return 2;
  }
  const receiver = values.receiver as "im871a" | "amb8465" | "rtlwmbus";
  const wmbusMode = Number(values["wmbus-mode"]);
  if (!["im871a", "amb8465", "rtlwmbus"].includes(receiver) || (wmbusMode !== 5 && wmbusMode !== 7)) {
    process.stderr.write(
      `omdp simulate: --receiver must be im871a, amb8465 or rtlwmbus, --wmbus-mode 5 or 7\n`,
    );
    return 2;
  }
  const n = Number(values.meters);
  const seed = Number(values.seed);
  const speed = Number(values.speed);
  if (!Number.isInteger(n) || n < 1 || n > 250 || !Number.isFinite(seed) || !(speed > 0)) {
    process.stderr.write(`omdp simulate: --meters must be 1..250, --seed a number, --speed > 0\n`);
    return 2;
  }
  const outputs = [values.serial, values.tcp, values.hex ? "hex" : undefined].filter((x) => x !== undefined);
  if (outputs.length > 1) {
    process.stderr.write(`omdp simulate: choose one of --serial, --tcp, --hex\n`);
    return 2;
  }
  let durationMs: number | undefined;
  try {
    durationMs = values.duration ? parseDuration(values.duration) : values.hex ? 60_000 : undefined;
  } catch (e) {
    process.stderr.write(`omdp simulate: ${(e as Error).message}\n`);
    return 2;
  }
  const start = values.start ? Date.parse(values.start) : Date.now();
  if (!Number.isFinite(start)) {
    process.stderr.write(`omdp simulate: --start must be an ISO date-time\n`);
    return 2;
  }
  if (values.framing !== "mbus" && values.framing !== "hdlc") {
    process.stderr.write(`omdp simulate: --framing must be mbus or hdlc\n`);
    return 2;
  }
  const specs = defaultFleet({ meters: n, kind, seed, framing: values.framing, receiver, wmbusMode });

  if (values.hex) {
    let wall = 0;
    const fleet = createMeterFleet({ meters: specs, speed, start, answerDelayMs: 0, wallClock: () => wall });
    if (values["keys-out"]) writeKeys(values["keys-out"], fleet.keys());
    await hexOut(fleet, (ms) => (wall = ms), speed, durationMs!);
    return 0;
  }

  const fleet = createMeterFleet({ meters: specs, speed, start });
  const keysFile = values["keys-out"] ? resolve(values["keys-out"]) : undefined;
  if (keysFile) writeKeys(keysFile, fleet.keys());
  const closers: (() => Promise<void>)[] = [];
  let transport: Record<string, unknown>;
  try {
    if (values.serial) {
      const line = await servePty(fleet, {
        path: values.serial,
        ...(values.peer ? { peerPath: values.peer } : {}),
      });
      closers.push(() => line.close());
      transport = { kind: "serial", path: line.peerPath };
      log.info("serial line ready", { simulator: line.path, reader: line.peerPath });
    } else {
      const port = Number(values.tcp ?? process.env.OMDP_SIM_TCP_PORT ?? 9000);
      const gw = await serveTcp(fleet, port);
      closers.push(() => gw.close());
      transport = { kind: "tcp", host: gw.host, port: gw.port };
      log.info("M-Bus/TCP gateway listening", { host: gw.host, port: gw.port });
    }
  } catch (e) {
    // socat missing, a port in use, a path we may not create: say so in one line
    process.stderr.write(`omdp simulate: ${(e as Error).message}\n`);
    for (const c of closers) await c();
    return 1;
  }
  if (values["config-out"])
    writeFileSync(
      values["config-out"],
      `${JSON.stringify(readerConfig(fleet.meters, kind, transport, keysFile, receiver), null, 2)}\n`,
    );
  process.stdout.write(
    `${JSON.stringify({ kind, meters: fleet.meters.map((m) => m.id), speed, start: new Date(start).toISOString(), transport })}\n`,
  );

  let sent = 0;
  fleet.onTelegram((t) => {
    sent++;
    log.debug("telegram", {
      meterId: t.meterId,
      meterTime: new Date(t.meterTime).toISOString(),
      bytes: t.bytes.length,
      fault: t.fault,
    });
  });
  for (const spec of values.fault ?? []) {
    const [name, every] = spec.split(":");
    const ms = Number(every ?? 30) * 1000;
    const pick = () => fleet.meters[Math.floor(Math.random() * fleet.meters.length)]!.id;
    const act: Record<string, () => void> = {
      corrupt: () => fleet.faults.corrupt(),
      drop: () => fleet.faults.drop(),
      garbage: () => fleet.faults.garbage(40),
      silence: () => {
        const id = pick();
        fleet.faults.silence(id, true);
        setTimeout(() => fleet.faults.silence(id, false), ms / 2).unref();
      },
      "key-change": () => {
        const dlms = fleet.meters.filter((m) => m.kind === "dlms" || m.kind === "wmbus");
        if (dlms.length) fleet.faults.changeKey(dlms[0]!.id);
      },
      "second-master": () => fleet.faults.secondMaster({ everyMs: 500 }),
    };
    const f = act[name ?? ""];
    if (!f || !(ms > 0)) {
      process.stderr.write(`omdp simulate: unknown fault '${spec}'\n`);
      return 2;
    }
    const timer = setInterval(() => {
      log.info("fault", { fault: name });
      f();
    }, ms);
    closers.push(async () => clearInterval(timer));
  }
  fleet.start();

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (durationMs !== undefined) setTimeout(stop, durationMs).unref();
  });
  fleet.stop();
  for (const c of closers.reverse()) await c();
  log.info("stopped", { telegrams: sent });
  return 0;
}

function writeKeys(path: string, keys: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      meters: { type: "string", default: "3" },
      kind: { type: "string", default: "dlms" },
      receiver: { type: "string", default: "im871a" },
      "wmbus-mode": { type: "string", default: "5" },
      framing: { type: "string", default: "mbus" },
      seed: { type: "string", default: "1" },
      speed: { type: "string", default: "1" },
      serial: { type: "string" },
      peer: { type: "string" },
      tcp: { type: "string" },
      hex: { type: "boolean", default: false },
      duration: { type: "string" },
      start: { type: "string" },
      "keys-out": { type: "string" },
      "config-out": { type: "string" },
      fault: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}
