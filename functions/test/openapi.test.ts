import { describe, expect, it } from "vitest";
import "../src/functions/index";
import { buildOpenApi } from "../src/http/openapi";
import { ROUTE_TABLE } from "../src/http/route";

// biome-ignore lint/suspicious/noExplicitAny: the document is inspected field by field
const doc = buildOpenApi(ROUTE_TABLE) as any;

describe("the one OpenAPI document of the edge and the cloud", () => {
  it("has the intervals resource of both sides with the shared query and page", () => {
    const op = doc.paths["/api/meters/{id}/intervals"].get;
    expect(op["x-omdp-only"]).toBeUndefined();
    const names = op.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(["id", "from", "to", "resolution", "limit", "continuationToken"]);
    const page = op.responses["200"].content["application/json"].schema;
    expect(Object.keys(page.properties)).toEqual(["meterId", "resolution", "items", "continuationToken"]);
    expect(page.properties.items.items.required).toContain("derived");
    // water, heat, gas and HCA: optional medium and consumption (absent on electricity intervals)
    const item = page.properties.items.items;
    expect(item.required).not.toContain("medium");
    expect(item.required).not.toContain("consumption");
    expect(item.properties.medium.enum).toEqual(["electricity", "water", "heat", "gas", "hca"]);
    expect(item.properties.consumption.description).toContain("8-0:1.0.0 m3");
    expect(op.responses["400"].content["application/problem+json"]).toBeDefined();
  });

  it("marks the cloud's old /readings deprecated and describes the edge's raw readings there", () => {
    const op = doc.paths["/api/meters/{id}/readings"].get;
    expect([op.deprecated, op["x-omdp-only"]]).toEqual([true, "cloud"]);
    expect(op["x-omdp-edge"].operationId).toBe("edgeReadings");
    expect(op["x-omdp-edge"]["x-omdp-only"]).toBe("edge");
  });

  it("adds the operations only the edge has", () => {
    const stats = doc.paths["/api/stats"].get;
    expect(stats["x-omdp-only"]).toBe("edge");
    const body = stats.responses["200"].content["application/json"].schema;
    expect(body.properties.stats.items.required).toEqual(expect.arrayContaining(["day", "month", "final"]));
  });

  it("lists the edge's export routes with their parameters and media types", () => {
    // routes and query parameters as modules/sharing/src/api/routes.ts, export-query.ts and export-ha.ts read them
    const expected: [string, string, string[]][] = [
      ["/api/export", "application/x-ndjson", ["from", "to"]],
      ["/api/export/influx", "text/plain", ["meter", "from", "to", "resolution"]],
      ["/api/export/ha", "text/csv", ["meter", "from", "to", "kind"]],
    ];
    for (const [path, mediaType, params] of expected) {
      const op = doc.paths[path].get;
      expect(op["x-omdp-only"]).toBe("edge");
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(params);
      expect(Object.keys(op.responses["200"].content)).toEqual([mediaType]);
    }
    const kind = doc.paths["/api/export/ha"].get.parameters.find((p: { name: string }) => p.name === "kind");
    expect(kind.schema.enum).toEqual(["counter", "measurement"]);
  });
});
