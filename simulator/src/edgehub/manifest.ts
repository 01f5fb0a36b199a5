import { readFileSync } from "node:fs";
import type { RouteSpec } from "./routes";

/** Restart policies of `$edgeAgent` modules (IoT Edge deployment schema). */
export type RestartPolicy = "never" | "on-failure" | "on-unhealthy" | "always";

export interface ManifestModule {
  readonly name: string;
  readonly image: string;
  readonly restartPolicy: RestartPolicy;
  readonly status: "running" | "stopped";
  readonly env: Readonly<Record<string, string>>;
  readonly createOptions: unknown;
  /** The module twin's desired properties (`modulesContent.<name>["properties.desired"]`). */
  readonly desired: Readonly<Record<string, unknown>>;
}

export interface Manifest {
  readonly modules: readonly ManifestModule[];
  readonly routes: Readonly<Record<string, RouteSpec>>;
  readonly timeToLiveSecs: number;
  readonly schemaVersion: string;
}

export class ManifestError extends Error {
  override readonly name = "ManifestError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function at(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const p of path) cur = isObj(cur) ? cur[p] : undefined;
  return cur;
}

function need(root: unknown, path: string[]): Obj {
  const v = at(root, path);
  if (!isObj(v)) throw new ManifestError("missing or not an object", path.join("."));
  return v;
}

/** Replaces `${NAME}` / `${NAME.SUB}` placeholders from `vars` (unknown ones stay as they are). */
export function substitute(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$\{([A-Za-z_][\w.]*)\}/g, (m, name: string) => vars[name] ?? m);
}

/** Parses a deployment manifest (`deployment.template.json` shape). */
export function parseManifest(doc: unknown): Manifest {
  const agent = need(doc, ["modulesContent", "$edgeAgent", "properties.desired"]);
  const hub = need(doc, ["modulesContent", "$edgeHub", "properties.desired"]);
  const modules = need(agent, ["modules"]);
  const out: ManifestModule[] = [];
  for (const [name, m] of Object.entries(modules)) {
    if (!isObj(m)) throw new ManifestError("not an object", `modules.${name}`);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(isObj(m.env) ? m.env : {}))
      if (isObj(v) && v.value !== undefined) env[k] = String(v.value);
    const createOptions = at(m, ["settings", "createOptions"]);
    out.push({
      name,
      image: String(at(m, ["settings", "image"]) ?? ""),
      restartPolicy: (m.restartPolicy as RestartPolicy) ?? "always",
      status: (m.status as "running" | "stopped") ?? "running",
      env,
      createOptions: typeof createOptions === "string" ? JSON.parse(createOptions) : createOptions,
      desired: (at(doc, ["modulesContent", name, "properties.desired"]) as Obj | undefined) ?? {},
    });
  }
  const routes = need(hub, ["routes"]) as Record<string, RouteSpec>;
  const ttl = Number(at(hub, ["storeAndForwardConfiguration", "timeToLiveSecs"]) ?? 7200);
  return {
    modules: out,
    routes,
    timeToLiveSecs: ttl,
    schemaVersion: String(hub.schemaVersion ?? ""),
  };
}

/** Reads and parses a manifest file, substituting `${...}` placeholders from `vars` (default: env). */
export function loadManifest(
  file: string,
  vars: Readonly<Record<string, string | undefined>> = process.env,
): Manifest {
  return parseManifest(JSON.parse(substitute(readFileSync(file, "utf8"), vars)));
}
