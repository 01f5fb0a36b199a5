/**
 * A serial line made of a PTY pair (`socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B`): the
 * simulator holds end A, a reader opens end B as if it were a USB M-Bus master or a customer-interface
 * cable. `unplug()` kills socat (both links vanish, the reader's port closes) and `replug()` makes a new
 * pair under the same names, like pulling and re-inserting a USB adapter. A `path` that already exists
 * (a socat pair the user made, a real serial adapter) is opened as is, without socat.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { SerialPort } from "serialport";
import type { BusAttachment, SimBus } from "./bus";

export interface PtyOptions {
  /** The simulator's end (created by socat unless it is already a device). */
  readonly path: string;
  /** The end for the reader; default: `path` with a trailing A turned into B, else `path + "-peer"`. */
  readonly peerPath?: string;
  /** Baud rate set on the simulator's end (a PTY keeps it but does not throttle). */
  readonly baudRate?: number;
  /** How long to wait for socat to make the links, ms (default 5000). */
  readonly readyTimeoutMs?: number;
}

export interface PtyLine {
  readonly path: string;
  readonly peerPath: string;
  /** Whether the line is plugged in (socat running, end A open). */
  readonly plugged: boolean;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export function defaultPeerPath(path: string): string {
  return /A$/.test(path) ? path.replace(/A$/, "B") : `${path}-peer`;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function servePty(bus: SimBus, opts: PtyOptions): Promise<PtyLine> {
  const peerPath = opts.peerPath ?? defaultPeerPath(opts.path);
  let socat: ChildProcess | undefined;
  let port: SerialPort | undefined;
  let att: BusAttachment | undefined;

  const stopSocat = async () => {
    const child = socat;
    socat = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  };

  const closePort = async () => {
    att?.detach();
    att = undefined;
    const p = port;
    port = undefined;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
  };

  const plug = async () => {
    const child = spawn("socat", [`pty,raw,echo=0,link=${opts.path}`, `pty,raw,echo=0,link=${peerPath}`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    socat = child;
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr = (stderr + String(d)).slice(-2000);
    });
    const failed = new Promise<never>((_, reject) => {
      child.once("error", (err) => reject(new Error(`cannot start socat: ${err.message}`)));
      child.once("exit", (code) =>
        reject(new Error(`socat exited (${code ?? "signal"}) before the PTYs were ready: ${stderr.trim()}`)),
      );
    });
    failed.catch(() => undefined); // an exit after a successful start is handled by unplug/close
    await Promise.race([
      waitFor(
        () => existsSync(opts.path) && existsSync(peerPath),
        opts.readyTimeoutMs ?? 5000,
        `socat to create ${opts.path} and ${peerPath} (${stderr.trim()})`,
      ),
      failed,
    ]);
    await attachPort();
  };

  const attachPort = async () => {
    const p = new SerialPort({
      path: opts.path,
      baudRate: opts.baudRate ?? 2400,
      autoOpen: false,
      hupcl: false,
    });
    await new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(err) : resolve())));
    port = p;
    const a = bus.attach((bytes) => {
      if (p.isOpen) p.write(bytes);
    });
    att = a;
    p.on("data", (chunk: Buffer) => a.input(chunk));
    p.on("error", () => undefined);
  };

  // a device that is already there (a socat pair the user made, a real serial port) is opened as is
  const external = existsSync(opts.path);
  const open = external ? attachPort : plug;
  await open();
  return {
    path: opts.path,
    peerPath,
    get plugged() {
      return port !== undefined;
    },
    unplug: async () => {
      await closePort();
      await stopSocat();
    },
    replug: async () => {
      if (socat || port) return;
      await open();
    },
    close: async () => {
      await closePort();
      await stopSocat();
    },
  };
}
