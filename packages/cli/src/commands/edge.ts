/**
 * `omdp edge`: the local edge hub (IoT Hub's MQTT scheme on TLS, routes from deployment.template.json,
 * twins, direct methods, store-and-forward upstream) with the four modules as child processes; and the
 * client verbs that talk to a running hub through its admin endpoint on 127.0.0.1.
 */
import { parseArgs } from "node:util";
import { startEdgeHub } from "../../../../simulator/src/edgehub/index";

const HELP = `Usage:
  omdp edge [options]                          run the local edge hub and its modules (Ctrl-C stops)
  omdp edge invoke <module> <method> [json]    call a direct method, print the answer
  omdp edge twin <module>                      print a module twin (desired and reported)
  omdp edge desired <module> <json>            patch a module's desired properties
  omdp edge token create --name <name>         create a local API token (sharing.createToken)
  omdp edge token revoke --id <id>             revoke a token (sharing.revokeToken)
  omdp edge upstream                           store-and-forward queue figures
  omdp edge leaf <deviceId>                    credentials for a reader running as a leaf device
                                               (prints OMDP_LEAF_CONNECTION_STRING and OMDP_LEAF_CA_FILE)

Options of 'omdp edge':
  --manifest FILE      deployment manifest (default deployment.template.json)
  --data-dir DIR       runtime state root; the hub keeps CA, keys, queue in DIR/edge (default .data)
  --device-id ID       edge device id (default edge-local)
  --mqtt-port N        MQTT over TLS (default OMDP_EDGE_MQTT_PORT or 8883)
  --admin-port N       admin HTTP on 127.0.0.1 (default OMDP_EDGE_ADMIN_PORT or 8884)
  --api-port N         the sharing module's local API (default OMDP_EDGE_API_PORT or 8080)
  --upstream URL|none  where $upstream goes (default http://127.0.0.1:OMDP_CLOUD_PORT/runtime/ingest)
  --modules a,b        run only these modules (default: all of the manifest)
  --no-modules         run the hub only

Options of the client verbs:
  --admin-port N       the running hub's admin port (default OMDP_EDGE_ADMIN_PORT or 8884)
  --timeout MS         direct method timeout (default 30000)
  -h, --help           this help
`;

function envPort(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isInteger(n) && n >= 0 ? n : fallback;
}

function port(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${what}: not a port: ${value}`);
  return n;
}

class UsageError extends Error {}

async function admin(
  adminPort: number,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${adminPort}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new UsageError(`no edge hub on 127.0.0.1:${adminPort} (start it with 'omdp edge')`);
  }
  return { status: res.status, json: await res.json() };
}

function parseJsonArg(text: string | undefined, what: string): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not JSON: ${text}`);
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function invoke(adminPort: number, target: string, method: string, payload: unknown, timeout?: string) {
  const q = timeout ? `?timeoutMs=${encodeURIComponent(timeout)}` : "";
  const r = await admin(
    adminPort,
    "POST",
    `/modules/${encodeURIComponent(target)}/methods/${encodeURIComponent(method)}${q}`,
    payload,
  );
  if (r.status !== 200) {
    print(r.json);
    return 1;
  }
  const outcome = r.json as { status: number; payload: unknown };
  print(outcome.payload);
  if (outcome.status >= 300) process.stderr.write(`omdp edge: method answered ${outcome.status}\n`);
  return outcome.status >= 200 && outcome.status < 300 ? 0 : 1;
}

async function runHub(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      manifest: { type: "string" },
      "data-dir": { type: "string" },
      "device-id": { type: "string" },
      "mqtt-port": { type: "string" },
      "admin-port": { type: "string" },
      "api-port": { type: "string" },
      upstream: { type: "string" },
      modules: { type: "string" },
      "no-modules": { type: "boolean" },
    },
  });
  const upstream = values.upstream;
  const hub = await startEdgeHub({
    ...(values.manifest ? { manifestFile: values.manifest } : {}),
    ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
    ...(values["device-id"] ? { deviceId: values["device-id"] } : {}),
    mqttPort: port(values["mqtt-port"], envPort("OMDP_EDGE_MQTT_PORT", 8883), "--mqtt-port"),
    adminPort: port(values["admin-port"], envPort("OMDP_EDGE_ADMIN_PORT", 8884), "--admin-port"),
    apiPort: port(values["api-port"], envPort("OMDP_EDGE_API_PORT", 8080), "--api-port"),
    ...(upstream === "none"
      ? { upstreamUrl: undefined }
      : upstream
        ? { upstreamUrl: upstream }
        : {
            upstreamUrl: `http://127.0.0.1:${envPort("OMDP_CLOUD_PORT", 7071)}/runtime/ingest`,
          }),
    runModules: values["no-modules"]
      ? false
      : values.modules
        ? values.modules.split(",").map((s) => s.trim())
        : true,
  });
  process.stdout.write(
    `edge hub: device ${hub.deviceId}, MQTT/TLS 127.0.0.1:${hub.mqttPort}, admin http://127.0.0.1:${hub.adminPort}, CA ${hub.caFile}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  await hub.stop();
  return 0;
}

/** The help of each client verb: `omdp edge <verb> --help` prints its own, not the general one. */
const VERB_HELP: Readonly<Record<string, string>> = {
  invoke: `Usage: omdp edge invoke <module> <method> [json] [--admin-port N] [--timeout MS]
  Calls a direct method on a module of the running hub and prints the answer's payload.
  Exit status 0 when the method answers 2xx, else 1.
  Example: omdp edge invoke mbusReader getStatus
`,
  twin: `Usage: omdp edge twin <module> [--admin-port N]
  Prints the module twin (desired and reported properties) of a module of the running hub.
`,
  desired: `Usage: omdp edge desired <module> <json> [--admin-port N]
  Patches a module's desired properties (JSON merge patch) and prints the twin.
  Example: omdp edge desired mbusReader '{"pollInterval":30}'
`,
  token: `Usage: omdp edge token create --name <name> [--admin-port N]
       omdp edge token revoke --id <id> [--admin-port N]
  Creates (prints the token once) or revokes a local API token of the sharing module.
`,
  upstream: `Usage: omdp edge upstream [--admin-port N]
  Prints the store-and-forward queue figures of $upstream (depth, oldest message, last error).
`,
  leaf: `Usage: omdp edge leaf <deviceId> [--admin-port N]
  Prints OMDP_LEAF_CONNECTION_STRING and OMDP_LEAF_CA_FILE for a reader running as a leaf device.
`,
};

export async function run(argv: string[]): Promise<number> {
  const verb = argv[0];
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write((verb && VERB_HELP[verb]) || HELP);
    return 0;
  }
  try {
    if (verb === undefined || verb.startsWith("--")) return await runHub(argv);
    const { values, positionals } = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: {
        "admin-port": { type: "string" },
        timeout: { type: "string" },
        name: { type: "string" },
        id: { type: "string" },
      },
    });
    const adminPort = port(values["admin-port"], envPort("OMDP_EDGE_ADMIN_PORT", 8884), "--admin-port");
    switch (verb) {
      case "invoke": {
        const [target, method, json] = positionals;
        if (!target || !method) throw new UsageError("usage: omdp edge invoke <module> <method> [json]");
        return await invoke(adminPort, target, method, parseJsonArg(json, "payload"), values.timeout);
      }
      case "twin": {
        const [target] = positionals;
        if (!target) throw new UsageError("usage: omdp edge twin <module>");
        const r = await admin(adminPort, "GET", `/modules/${encodeURIComponent(target)}/twin`);
        print(r.json);
        return r.status === 200 ? 0 : 1;
      }
      case "desired": {
        const [target, json] = positionals;
        if (!target || json === undefined) throw new UsageError("usage: omdp edge desired <module> <json>");
        const r = await admin(
          adminPort,
          "PATCH",
          `/modules/${encodeURIComponent(target)}/twin/desired`,
          parseJsonArg(json, "patch"),
        );
        print(r.json);
        return r.status === 200 ? 0 : 1;
      }
      case "token": {
        const [action] = positionals;
        if (action === "create") {
          if (!values.name) throw new UsageError("usage: omdp edge token create --name <name>");
          return await invoke(adminPort, "sharing", "createToken", { name: values.name }, values.timeout);
        }
        if (action === "revoke") {
          if (!values.id) throw new UsageError("usage: omdp edge token revoke --id <id>");
          return await invoke(adminPort, "sharing", "revokeToken", { id: values.id }, values.timeout);
        }
        throw new UsageError("usage: omdp edge token create --name <name> | revoke --id <id>");
      }
      case "leaf": {
        const [deviceId] = positionals;
        if (!deviceId) throw new UsageError("usage: omdp edge leaf <deviceId>");
        const r = await admin(adminPort, "GET", `/devices/${encodeURIComponent(deviceId)}/credentials`);
        if (r.status !== 200) {
          print(r.json);
          return 1;
        }
        const c = r.json as { connectionString: string; caFile: string };
        process.stdout.write(
          `OMDP_LEAF_CONNECTION_STRING='${c.connectionString}'\nOMDP_LEAF_CA_FILE='${c.caFile}'\n`,
        );
        return 0;
      }
      case "upstream": {
        const r = await admin(adminPort, "GET", "/upstream");
        print(r.json);
        return r.status === 200 ? 0 : 1;
      }
      default:
        throw new UsageError(`unknown verb '${verb}'\n\n${HELP}`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`omdp edge: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}
