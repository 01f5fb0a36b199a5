import { parseArgs } from "node:util";

const HELP = `Usage: omdp cloud [options]

Runs the local Functions host: the cloud API (/api/...) and the ingest endpoint
(POST /runtime/ingest) with the same handlers as Azure Functions.

Options:
  --port N          listen port (default $OMDP_CLOUD_PORT or 7071; 0 = any free port)
  --store KIND      sqlite (default) or cosmos (needs COSMOS_ENDPOINT / COSMOS_KEY)
  --data-dir DIR    runtime state: cloud.db, jwt/ (default $OMDP_DATA_DIR or .data)
  --config FILE     households and meters to register (default ./omdp.config.json)
  -h, --help        this help

Settings are read from the environment (see functions/local.settings.example.json).
Get a token with: omdp token --sub NAME --household ID
`;

/** `omdp cloud`: serves the local cloud until SIGINT/SIGTERM. */
export async function run(argv: string[]): Promise<number> {
  let values: { port?: string; store?: string; "data-dir"?: string; config?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        store: { type: "string" },
        "data-dir": { type: "string" },
        config: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`omdp cloud: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    process.stderr.write(`omdp cloud: --port must be 0..65535, got ${values.port}\n`);
    return 2;
  }
  const env = { ...process.env };
  if (values.store) env.OMDP_STORE = values.store;
  if (values["data-dir"]) env.OMDP_DATA_DIR = values["data-dir"];
  const { startCloudHost } = await import("@omdp/simulator");
  let host: Awaited<ReturnType<typeof startCloudHost>>;
  try {
    host = await startCloudHost({
      env,
      ...(port !== undefined ? { port } : {}),
      ...(values.config ? { configPath: values.config } : {}),
    });
  } catch (err) {
    process.stderr.write(`omdp cloud: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    `cloud API on ${host.url}/api (store: ${host.store.kind}); ingest: ${host.url}/runtime/ingest\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await host.stop();
  return 0;
}
