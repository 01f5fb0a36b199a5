import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  matches,
  parseCondition,
  parseManifest,
  parseRoute,
  REPO_ROOT,
  Router,
} from "../../src/edgehub/index";

const ctx = (
  properties: Record<string, string>,
  system: Record<string, string | undefined> = {},
  body?: unknown,
) => ({
  properties,
  system,
  body,
});

describe("route conditions", () => {
  it("compares application properties and system properties", () => {
    expect(matches(parseCondition("kind = 'reading'"), ctx({ kind: "reading" }))).toBe(true);
    expect(matches(parseCondition("kind <> 'reading'"), ctx({ kind: "reading" }))).toBe(false);
    expect(
      matches(parseCondition("$connectionModuleId = 'sharing'"), ctx({}, { connectionModuleId: "sharing" })),
    ).toBe(true);
  });
  it("treats an undefined property as not matching, whatever the operator", () => {
    expect(matches(parseCondition("kind = 'reading'"), ctx({}))).toBe(false);
    expect(matches(parseCondition("NOT (kind = 'reading')"), ctx({}))).toBe(false);
    expect(matches(parseCondition("kind != 'reading'"), ctx({}))).toBe(false);
  });
  it("supports IS_DEFINED, NOT, AND, OR, parentheses and numbers", () => {
    const e = parseCondition("NOT IS_DEFINED($connectionModuleId) AND (kind = 'reading' OR priority > 2)");
    expect(matches(e, ctx({ kind: "reading" }))).toBe(true);
    expect(matches(e, ctx({ kind: "x", priority: "3" }))).toBe(true);
    expect(matches(e, ctx({ kind: "x", priority: "1" }))).toBe(false);
    expect(matches(e, ctx({ kind: "reading" }, { connectionModuleId: "mbusReader" }))).toBe(false);
  });
  it("reads $body paths of JSON bodies", () => {
    expect(matches(parseCondition("$body.meter.id = 'm1'"), ctx({}, {}, { meter: { id: "m1" } }))).toBe(true);
  });
  it("reports the offset of a syntax error", () => {
    expect(() => parseCondition("kind = ")).toThrow(/offset 7/);
    expect(() => parseCondition("kind = 'a' ]")).toThrow(/offset 11/);
  });
});

describe("routes", () => {
  it("parses FROM/WHERE/INTO and rejects unknown sinks", () => {
    const r = parseRoute(
      "x",
      "FROM /messages/modules/a/outputs/o WHERE kind = 'k' INTO BrokeredEndpoint(\"/modules/b/inputs/i\")",
    );
    expect(r.sink).toEqual({ kind: "input", moduleId: "b", input: "i" });
    expect(() => parseRoute("y", "FROM /messages/* INTO somewhere")).toThrow(/unsupported sink/);
  });

  it("routes the repository manifest as docs/interfaces.md describes", () => {
    const m = parseManifest(JSON.parse(readFileSync(join(REPO_ROOT, "deployment.template.json"), "utf8")));
    const router = Router.fromManifest(m.routes);
    const sinks = (from: { moduleId?: string; output?: string }, properties: Record<string, string>) =>
      router
        .sinksFor({
          from: { deviceId: "edge-local", ...from },
          properties,
          contentType: "application/json",
          body: Buffer.from("{}"),
        })
        .map((s) => (s.sink.kind === "upstream" ? "$upstream" : `${s.sink.moduleId}/${s.sink.input}`))
        .sort();
    expect(sinks({ moduleId: "mbusReader", output: "readings" }, { kind: "reading" })).toEqual([
      "analytics/readings",
      "events/readings",
      "sharing/readings",
    ]);
    expect(sinks({ moduleId: "sharing", output: "upstream" }, { kind: "interval" })).toEqual(["$upstream"]);
    expect(sinks({ moduleId: "sharing", output: "control" }, { kind: "control" })).toEqual([
      "events/control",
    ]);
    // A reader running as a leaf device (no module id).
    expect(sinks({}, { kind: "reading" })).toEqual([
      "analytics/readings",
      "events/readings",
      "sharing/readings",
    ]);
    expect(sinks({ moduleId: "analytics", output: "nothing" }, { kind: "reading" })).toEqual([]);
  });
});
