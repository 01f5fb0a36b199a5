/**
 * `omdp start` (= `npm start`): the whole platform on this machine under one supervisor: simulated
 * meters, the local edge hub with its four modules, the local cloud (unless --detached) and the app on
 * 127.0.0.1:7070. Ctrl-C stops everything.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type BackfillSpan,
  backfillLine,
  backfillQuarter,
  ConfigError,
  loadConfigFile,
  type PlatformHandle,
  PortInUseError,
  REPO_ROOT,
  resolveConfig,
  startPlatform,
} from "../../../../simulator/src/platform/index";

const HELP = `Usage: omdp start [options]

Runs the platform locally: 3 simulated meters (2 households, one with PV), the edge hub with
mbusReader, analytics, events and sharing, the local cloud, and the app on http://127.0.0.1:7070.

Options:
  --detached          run without the cloud (the app reads history from the edge)
  --config FILE       settings file (default: omdp.config.json in the repository, if present)
  --data-dir DIR      runtime state (default .data)
  --speed X           simulated meter time runs X times faster (default 1)
  --seed N            simulator seed (default 42)
  --backfill D        first start on a new data dir: the last D of meter history through the whole
                      pipeline, fast, then live (ISO 8601 duration, default P30D; 0 turns it off)
  --no-build          do not build the app even if app/dist is missing or stale
  --json-logs         print the components' JSON log lines as they are
  -h, --help          this help

Environment (each overrides omdp.config.json): OMDP_APP_PORT (7070), OMDP_CLOUD_PORT (7071),
OMDP_EDGE_API_PORT (8080), OMDP_EDGE_MQTT_PORT (8883), OMDP_EDGE_ADMIN_PORT (8884),
OMDP_SIM_TCP_PORT (9000), OMDP_DATA_DIR (.data), OMDP_DETACHED, OMDP_SIM_SPEED, OMDP_SIM_SEED,
OMDP_SIM_START, OMDP_SIM_BACKFILL, OMDP_SIM_TELEGRAM_LOG, OMDP_LOG_FORMAT (pretty|json), OMDP_LOG_LEVEL, OMDP_CONFIG,
COSMOS_ENDPOINT (use Cosmos DB instead of SQLite). See docs/app-and-start.md.
`;

function banner(p: PlatformHandle, showTokens: boolean): string {
  const c = p.config;
  const s = p.status;
  const lines = ["", "OMDP is running", `  Dashboard   ${p.appUrl}`];
  const state = (name: keyof typeof s) =>
    s[name].state === "running" ? "" : `  [${s[name].state}${s[name].detail ? `: ${s[name].detail}` : ""}]`;
  if (c.detached) lines.push("  Cloud       none (detached)");
  else
    lines.push(
      `  Cloud API   http://127.0.0.1:${c.ports.cloud}/api  (${c.cosmosEndpoint ? "Cosmos DB" : `SQLite in ${c.dataDir}`})${state("cloud")}`,
    );
  lines.push(
    `  Edge API    http://127.0.0.1:${c.ports.edgeApi}/api  (MQTT ${c.ports.edgeMqtt})${state("edge")}`,
  );
  const meters = c.households.flatMap((h) =>
    h.meters.map((m) => `${m.id} (${m.kind}${m.pv ? ", PV" : ""}, ${h.id})`),
  );
  lines.push(
    `  Meters      M-Bus/TCP 127.0.0.1:${c.ports.simTcp}, speed ${c.simulator.speed}x: ${meters.join(", ")}${state("meters")}`,
  );
  // Tokens only on a terminal: stdout redirected to a log file must not hold them (README: never logged).
  if (showTokens) {
    for (const [hh, t] of Object.entries(p.cloudTokens())) lines.push(`  Dev token   ${hh}: ${t}`);
    if (p.edgeToken()) lines.push(`  Edge token  ${p.edgeToken()}`);
  }
  lines.push(`  Tokens      ${p.tokensFile} (0600; the dev tokens, kept current)`);
  const modules = (s.edge.info?.modules as string[] | undefined) ?? [];
  const idle = modules.filter((m) => m.endsWith("(not running)"));
  if (idle.length)
    lines.push(`  Edge modules not running yet: ${idle.map((m) => m.split(" ")[0]).join(", ")}`);
  const missing = Object.entries(s).filter(([, v]) => v.state === "missing" || v.state === "failed");
  if (missing.length) {
    lines.push("  Not running:");
    for (const [name, v] of missing) lines.push(`    ${name}: ${v.state}${v.detail ? ` (${v.detail})` : ""}`);
  }
  lines.push("Press Ctrl-C to stop.", "");
  return lines.join("\n");
}

/**
 * The backfill's progress: on a terminal one line redrawn every 250 ms, otherwise a line per quarter;
 * a last line when the clock has reached now (the pipeline may still be carrying the last minutes).
 */
function showBackfill(span: BackfillSpan, out: NodeJS.WriteStream): { stop(): void } {
  const tty = out.isTTY === true;
  let quarter = -1;
  const draw = () => {
    const now = Date.now();
    if (tty) out.write(`\r${backfillLine(span, now)}\x1b[K`);
    else if (backfillQuarter(span, now) !== quarter) {
      quarter = backfillQuarter(span, now);
      out.write(`${backfillLine(span, now)}\n`);
    }
    if (now >= span.endWallMs) {
      stop();
      const s = ((span.endWallMs - span.startWallMs) / 1000).toFixed(0);
      out.write(
        `${tty ? "\n" : ""}backfill done: meter time reached now after ${s} s; the live run continues\n`,
      );
    }
  };
  const timer = setInterval(draw, tty ? 250 : 1_000);
  const stop = () => clearInterval(timer);
  draw();
  return { stop };
}

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        detached: { type: "boolean" },
        config: { type: "string" },
        "data-dir": { type: "string" },
        speed: { type: "string" },
        seed: { type: "string" },
        backfill: { type: "string" },
        "no-build": { type: "boolean" },
        "json-logs": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`omdp start: ${(err as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let platform: PlatformHandle;
  try {
    const file = (values.config as string | undefined) ?? process.env.OMDP_CONFIG;
    const cfg = resolveConfig(
      loadConfigFile(file ?? join(REPO_ROOT, "omdp.config.json"), file !== undefined),
      process.env,
      {
        ...(values.detached ? { detached: true } : {}),
        ...(values["data-dir"] ? { dataDir: String(values["data-dir"]) } : {}),
        ...(values.speed ? { speed: Number(values.speed) } : {}),
        ...(values.seed ? { seed: Number(values.seed) } : {}),
        ...(values.backfill !== undefined ? { backfill: String(values.backfill) } : {}),
        ...(values["no-build"] ? { build: false } : {}),
        ...(values["json-logs"] ? { logFormat: "json" as const } : {}),
      },
      REPO_ROOT,
    );
    platform = await startPlatform(cfg);
  } catch (err) {
    if (err instanceof PortInUseError || err instanceof ConfigError) {
      process.stderr.write(`omdp start: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`omdp start: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(banner(platform, process.stdout.isTTY === true));
  const progress = platform.backfill ? showBackfill(platform.backfill, process.stdout) : undefined;
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  progress?.stop();
  process.stderr.write(`\nomdp start: ${signal}: stopping ...\n`);
  const groups = platform.pids();
  await platform.stop();
  const { groupAlive } = await import("../../../../simulator/src/platform/index");
  const left = groups.filter(groupAlive);
  if (left.length) {
    process.stderr.write(`omdp start: processes left in groups ${left.join(", ")}\n`);
    return 1;
  }
  process.stderr.write("omdp start: stopped, no process left\n");
  return 0;
}
