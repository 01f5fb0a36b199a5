import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bicepparamAssignments, moduleParamNames, parseBicep, readBicep } from "./bicep-model";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const infra = join(root, "infra-bicep");
const main = readBicep(join(infra, "main.bicep"));
const moduleFiles = readdirSync(join(infra, "modules")).filter((f) => f.endsWith(".bicep"));
const modules = new Map(moduleFiles.map((f) => [`modules/${f}`, readBicep(join(infra, "modules", f))]));
const allResources = [...modules.values()].flatMap((m) => m.resources);

describe("Bicep model reader", () => {
  it("reads params, resources, modules and outputs, ignoring comments and strings", () => {
    const f = parseBicep(
      [
        "// resource fake 'A/B@2020-01-01' = {",
        "param a string",
        "param b int = 3",
        "resource r 'Microsoft.X/y@2023-01-01' = {",
        "  name: 'n' // '{'",
        "  properties: { v: '}' }",
        "}",
        "module m 'modules/x.bicep' = {",
        "  params: {",
        "    a: a",
        "    c: { d: 1 }",
        "    e: r.id",
        "  }",
        "}",
        "output o string = r.id",
      ].join("\n"),
    );
    expect(f.params).toEqual([
      { name: "a", type: "string", hasDefault: false },
      { name: "b", type: "int", hasDefault: true },
    ]);
    expect(f.resources.map((r) => `${r.type}@${r.apiVersion}`)).toEqual(["Microsoft.X/y@2023-01-01"]);
    expect(f.resources[0]!.body.trim().endsWith("}")).toBe(true);
    expect(moduleParamNames(f.modules[0]!)).toEqual(["a", "c", "e"]);
    expect(f.outputs).toEqual([{ name: "o", type: "string", expression: "r.id" }]);
  });
});

describe("infra-bicep/main.bicep", () => {
  it("deploys every resource the platform needs", () => {
    const types = new Set(allResources.filter((r) => !r.existing).map((r) => r.type));
    for (const t of [
      "Microsoft.Devices/IotHubs",
      "Microsoft.Devices/IotHubs/eventHubEndpoints/ConsumerGroups",
      "Microsoft.Devices/provisioningServices",
      "Microsoft.DocumentDB/databaseAccounts",
      "Microsoft.DocumentDB/databaseAccounts/sqlDatabases",
      "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers",
      "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments",
      "Microsoft.Storage/storageAccounts",
      "Microsoft.Storage/storageAccounts/blobServices/containers",
      "Microsoft.Web/serverfarms",
      "Microsoft.Web/sites",
      "Microsoft.KeyVault/vaults",
      "Microsoft.OperationalInsights/workspaces",
      "Microsoft.Insights/components",
      "Microsoft.Web/staticSites",
      "Microsoft.Authorization/roleAssignments",
    ]) {
      expect(types, t).toContain(t);
    }
  });

  it("pins every API version to a dated, non-preview release", () => {
    expect(allResources.length).toBeGreaterThan(15);
    for (const r of allResources) expect(r.apiVersion, `${r.type}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("composes modules that exist, with known and all required parameters", () => {
    expect(main.resources).toEqual([]);
    for (const mod of main.modules) {
      const target = modules.get(mod.path);
      expect(target, mod.path).toBeDefined();
      const given = moduleParamNames(mod);
      const declared = target!.params.map((p) => p.name);
      for (const name of given) expect(declared, `${mod.path} has no param ${name}`).toContain(name);
      for (const p of target!.params.filter((q) => !q.hasDefault))
        expect(given, `${mod.path} needs ${p.name}`).toContain(p.name);
    }
    expect(new Set(main.modules.map((m) => m.path))).toEqual(new Set(modules.keys()));
  });

  it("names role assignments guid(scope, principal, role)", () => {
    const assignments = allResources.filter((r) => /roleAssignments$/i.test(r.type) && !r.existing);
    expect(assignments.length).toBeGreaterThanOrEqual(4);
    for (const a of assignments) expect(a.body).toMatch(/name:\s*guid\([^,]+,[^,]+,[^)]+\)/);
  });

  it("puts no secret in any output", () => {
    for (const [path, file] of [["main.bicep", main] as const, ...modules]) {
      for (const o of file.outputs) {
        expect(o.expression, `${path} output ${o.name}`).not.toMatch(
          /\blist\w*\(|primaryKey|secondaryKey|SharedAccessKey/i,
        );
        if (path === "main.bicep")
          expect(o.name).not.toMatch(/(key|secret|password|token|connectionString)$/i);
      }
    }
  });

  it("uses identity instead of keys where the service allows it", () => {
    const text = (p: string) => modules.get(p)!.text;
    expect(text("modules/cosmos.bicep")).toMatch(/disableLocalAuth:\s*true/);
    expect(text("modules/storage.bicep")).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(text("modules/monitoring.bicep")).toMatch(/DisableLocalAuth:\s*true/);
    expect(text("modules/functionapp.bicep")).toMatch(/type:\s*'SystemAssigned'/);
    expect(text("modules/functionapp.bicep")).not.toMatch(/AccountKey=|listKeys/);
  });

  it("main.bicepparam sets every required parameter and only declared ones", () => {
    const assigned = bicepparamAssignments(readFileSync(join(infra, "main.bicepparam"), "utf8"));
    const declared = main.params.map((p) => p.name);
    for (const a of assigned) expect(declared).toContain(a);
    for (const p of main.params.filter((q) => !q.hasDefault)) expect(assigned).toContain(p.name);
  });
});

describe("infra matches the code", () => {
  it("provides every app setting the functions read", () => {
    const example = JSON.parse(readFileSync(join(root, "functions/local.settings.example.json"), "utf8")) as {
      Values: Record<string, string>;
    };
    const provided = new Set([
      ...[...main.text.matchAll(/^\s{6}(\w+):/gm)].map((m) => m[1]!),
      ...[...modules.get("modules/functionapp.bicep")!.text.matchAll(/^\s{2}(\w+):\s*(?!\{)/gm)].map(
        (m) => m[1]!,
      ),
    ]);
    const localOnly = new Set(
      JSON.parse(readFileSync(join(infra, "local-only-settings.json"), "utf8")) as string[],
    );
    const read = Object.keys(example.Values).filter((k) => !localOnly.has(k));
    expect(read.length).toBeGreaterThan(3);
    for (const name of read) expect(provided, `app setting ${name}`).toContain(name);
  });

  it("creates exactly the Cosmos containers, partition keys, indexing and TTLs the code uses", async () => {
    const json = JSON.parse(readFileSync(join(infra, "cosmos-containers.json"), "utf8")) as Array<{
      name: string;
    }>;
    const { cosmosContainersForBicep } = await import("../../scripts/gen-cosmos-containers");
    // If this fails: npx tsx scripts/gen-cosmos-containers.ts
    expect(json).toEqual(cosmosContainersForBicep());
    expect(modules.get("modules/cosmos.bicep")!.text).toContain(
      "loadJsonContent('../cosmos-containers.json')",
    );
    const design = readFileSync(join(root, "docs/cosmos-design.md"), "utf8");
    for (const c of json) expect(design, `docs/cosmos-design.md names ${c.name}`).toContain(c.name);
  });
});
