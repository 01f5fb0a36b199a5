/**
 * The command table: each `omdp` sub-command, its one-line help, and the module that runs it.
 * A command module exports `run(argv: string[]): Promise<number>` (the exit status).
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<{ run(argv: string[]): Promise<number> }>;
}

/** Command modules are loaded by name, so a command that is not built yet is reported, not a crash. */
function loadCommand(name: string): Promise<{ run(argv: string[]): Promise<number> }> {
  return import(/* @vite-ignore */ `./commands/${name}.ts`);
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "decode",
    summary: "decode M-Bus / DLMS telegrams (hex) to JSON",
    load: () => loadCommand("decode"),
  },
  {
    name: "simulate",
    summary: "run simulated meters (serial PTY, TCP, or hex)",
    load: () => loadCommand("simulate"),
  },
  {
    name: "read",
    summary: "read meters over serial or TCP, print readings as JSON lines",
    load: () => loadCommand("read"),
  },
  {
    name: "edge",
    summary: "run the local edge hub and modules; invoke methods; manage tokens",
    load: () => loadCommand("edge"),
  },
  {
    name: "cloud",
    summary: "run the local Functions host (cloud API + ingest) on 127.0.0.1:7071",
    load: () => loadCommand("cloud"),
  },
  {
    name: "token",
    summary: "print a JWT accepted by the local cloud",
    load: () => loadCommand("token"),
  },
  { name: "dps", summary: "device provisioning helpers (derive-key)", load: () => loadCommand("dps") },
  {
    name: "backup",
    summary: "encrypted online backup of the data dir (stores, config, keys, tokens)",
    load: () => loadCommand("backup"),
  },
  {
    name: "restore",
    summary: "restore a backup made by omdp backup onto a data dir",
    load: () => loadCommand("restore"),
  },
  {
    name: "start",
    summary: "run the whole platform locally (meters, edge, cloud, app)",
    load: () => loadCommand("start"),
  },
];
