/**
 * A real InfluxDB 1.x server (Debian package `influxdb`, `influxd`) on an ephemeral loopback port with
 * its data in a temporary directory: the independent parser of the line protocol the export writes.
 * `.ci/run` installs the package; `INFLUXD` names another binary.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./fixtures";

export interface Influxd {
  readonly base: string;
  /** POST /write (precision ns): the HTTP status and the server's error text. */
  write(db: string, body: string): Promise<{ status: number; text: string }>;
  /** GET /query with `epoch=ms`: the first statement's series. */
  query(db: string, q: string): Promise<InfluxSeries[]>;
  stop(): Promise<void>;
}

export interface InfluxSeries {
  name: string;
  columns: string[];
  values: unknown[][];
}

const START_TIMEOUT_MS = 15_000;

function config(dir: string): string {
  return [
    "reporting-disabled = true",
    'bind-address = "127.0.0.1:0"',
    "[meta]",
    `  dir = "${join(dir, "meta")}"`,
    "[data]",
    `  dir = "${join(dir, "data")}"`,
    `  wal-dir = "${join(dir, "wal")}"`,
    "  query-log-enabled = false",
    "[monitor]",
    "  store-enabled = false",
    "[http]",
    '  bind-address = "127.0.0.1:0"',
    "  log-enabled = false",
    "",
  ].join("\n");
}

/** Resolves with the HTTP port once the server logs that it listens (bounded wait on its output). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`influxd did not listen within ${START_TIMEOUT_MS} ms:\n${seen}`)),
      START_TIMEOUT_MS,
    );
    const onData = (b: Buffer) => {
      seen += b.toString("utf8");
      const m = /msg="Listening on HTTP".*addr=127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`influxd could not start (is the Debian package influxdb installed?): ${e.message}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`influxd exited with ${code}:\n${seen}`));
    });
  });
}

export async function startInfluxd(): Promise<Influxd> {
  const tmp = tempDir();
  const conf = join(tmp.dir, "influxdb.conf");
  writeFileSync(conf, config(tmp.dir));
  const child = spawn(process.env.INFLUXD ?? "influxd", ["-config", conf], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let port: number;
  try {
    port = await listeningPort(child);
  } catch (e) {
    child.kill("SIGKILL");
    tmp.cleanup();
    throw e;
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async write(db, body) {
      const r = await fetch(`${base}/write?db=${encodeURIComponent(db)}&precision=ns`, {
        method: "POST",
        body,
      });
      return { status: r.status, text: await r.text() };
    },
    async query(db, q) {
      const url = `${base}/query?db=${encodeURIComponent(db)}&epoch=ms&q=${encodeURIComponent(q)}`;
      const r = await fetch(url, { method: "POST" });
      const json = (await r.json()) as { results: { series?: InfluxSeries[]; error?: string }[] };
      const first = json.results[0]!;
      if (first.error) throw new Error(`influxd query failed: ${first.error}`);
      return first.series ?? [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => {
          tmp.cleanup();
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
