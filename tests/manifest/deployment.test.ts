import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { parseManifest, parseRoute, REPO_ROOT } from "../../simulator/src/edgehub/index";

const MODULES = ["mbusReader", "analytics", "events", "sharing"] as const;
const PLATFORMS = ["amd64", "arm64v8", "arm32v7"] as const;
const ROUTES = [
  "readerToAnalytics",
  "readerToSharing",
  "readerToEvents",
  "readerDiagnosticsToEvents",
  "analyticsToSharing",
  "analyticsStatsToSharing",
  "analyticsToEvents",
  "eventsToSharing",
  "sharingToEvents",
  "sharingToUpstream",
  "leafToAnalytics",
  "leafToSharing",
  "leafToEvents",
];

const read = (rel: string) => readFileSync(join(REPO_ROOT, rel), "utf8");

/** Inputs and outputs per module, read from the table in docs/interfaces.md. */
function interfaceTable(): Map<string, { inputs: string[]; outputs: string[] }> {
  const out = new Map<string, { inputs: string[]; outputs: string[] }>();
  const names = (cell: string) => [...cell.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);
  for (const line of read("docs/interfaces.md").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const mod = /^`([A-Za-z]+)`$/.exec(cells[1] ?? "")?.[1];
    if (mod && (MODULES as readonly string[]).includes(mod) && cells.length >= 4)
      out.set(mod, { inputs: names(cells[2]!), outputs: names(cells[3]!) });
  }
  return out;
}

for (const file of ["deployment.template.json", "deployment.debug.template.json"]) {
  describe(file, () => {
    const doc = JSON.parse(read(file));
    const manifest = parseManifest(doc);

    it("deploys exactly the four modules, each with its image placeholder and restart policy", () => {
      expect(manifest.modules.map((m) => m.name).sort()).toEqual([...MODULES].sort());
      for (const m of manifest.modules) {
        expect(m.image).toBe(`\${MODULES.${m.name}}`);
        expect(m.restartPolicy).toBe("always");
      }
    });

    it("has the module folders, module.json and the three Dockerfiles", () => {
      for (const name of MODULES) {
        const dir = join("modules", name);
        const mj = JSON.parse(read(join(dir, "module.json")));
        expect(Object.keys(mj.image.tag.platforms).sort()).toEqual([...PLATFORMS].sort());
        for (const p of PLATFORMS) {
          expect(mj.image.tag.platforms[p]).toBe(`./Dockerfile.${p}`);
          const df = read(join(dir, `Dockerfile.${p}`));
          expect(df.match(/^FROM /gm)?.length, `${name} ${p}: multi-stage`).toBeGreaterThanOrEqual(2);
          expect(df).toMatch(/^USER node$/m);
          expect(df).toContain(`modules/${name}/src/main.ts`);
          expect(df).toContain("--omit=dev");
        }
        expect(existsSync(join(REPO_ROOT, dir, ".dockerignore"))).toBe(true);
      }
    });

    it("maps the serial device into mbusReader, publishes the sharing API, keeps a volume for the store", () => {
      interface HostConfig {
        Devices?: { PathInContainer: string }[];
        PortBindings?: Record<string, { HostPort: string }[]>;
        Binds?: string[];
      }
      const host = (n: string) =>
        (manifest.modules.find((m) => m.name === n)!.createOptions as { HostConfig: HostConfig }).HostConfig;
      expect(host("mbusReader").Devices?.[0]?.PathInContainer).toBe("/dev/mbus");
      expect(host("sharing").PortBindings?.["8080/tcp"]?.[0]?.HostPort).toBe("8080");
      expect(host("sharing").Binds?.some((b) => b.endsWith(":/data"))).toBe(true);
    });

    it("names exactly the routes of docs/interfaces.md, and each names existing outputs and inputs", () => {
      expect(Object.keys(manifest.routes).sort()).toEqual([...ROUTES].sort());
      const table = interfaceTable();
      expect([...table.keys()].sort()).toEqual([...MODULES].sort());
      for (const [name, spec] of Object.entries(manifest.routes)) {
        const r = parseRoute(name, spec);
        const from = /^\/messages\/modules\/([^/]+)\/outputs\/([^/]+)$/.exec(r.source);
        if (from) expect(table.get(from[1]!)?.outputs, `${name}: output`).toContain(from[2]);
        else expect(r.source, `${name}: leaf source`).toBe("/messages/*");
        if (r.sink.kind === "input")
          expect(table.get(r.sink.moduleId)?.inputs, `${name}: input`).toContain(r.sink.input);
      }
      expect(parseRoute("sharingToUpstream", manifest.routes.sharingToUpstream!).sink.kind).toBe("upstream");
    });

    it("keeps upstream messages for 7 days when the cloud is away", () => {
      expect(manifest.timeToLiveSecs).toBe(7 * 24 * 3600);
    });

    it.each(MODULES)("gives %s desired properties its own DesiredConfig schema accepts", async (name) => {
      const mod = (await import(`../../modules/${name}/src/config.ts`)) as { DesiredConfig: ZodType };
      const desired = manifest.modules.find((m) => m.name === name)!.desired;
      const r = mod.DesiredConfig.safeParse(desired);
      expect(r.success, `${name}: ${r.success ? "" : JSON.stringify(r.error.issues)}`).toBe(true);
    });
  });
}

describe("the local profile over the manifest", () => {
  it.each(["analytics", "events", "sharing"])("still validates against %s's DesiredConfig", async (name) => {
    const { localDesired } = await import("../../simulator/src/edgehub/index");
    const { mergePatch } = await import("@omdp/edge-module");
    const manifest = parseManifest(JSON.parse(read("deployment.template.json")));
    const local = localDesired({
      apiPort: 18080,
      cloud: false,
      households: [{ id: "hh-1", timeZone: "Europe/Vienna", meters: [{ id: "m-1" }] }],
    });
    const desired = mergePatch(
      manifest.modules.find((m) => m.name === name)!.desired as Record<string, unknown>,
      local[name] ?? {},
    );
    const mod = (await import(`../../modules/${name}/src/config.ts`)) as { DesiredConfig: ZodType };
    const r = mod.DesiredConfig.safeParse(desired);
    expect(r.success, r.success ? "" : JSON.stringify(r.error.issues)).toBe(true);
  });
});
