import { EDGE_ONLY_OPERATIONS, type Operation } from "@omdp/series";
import { z } from "zod";
import type { AnyRoute } from "./route";
import { Problem } from "./schemas";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Json;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const s = jsonSchema(field, "input");
    const description = typeof s.description === "string" ? s.description : undefined;
    return {
      name,
      in: where,
      required: where === "path" || !field.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: s,
    };
  });
}

const problemRef = { $ref: "#/components/schemas/Problem" };
const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemRef } },
});

function edgeOperation(op: Operation): Json {
  return {
    operationId: op.name,
    summary: op.summary,
    "x-omdp-only": "edge",
    parameters: [
      ...(op.path.includes("{id}")
        ? [{ name: "id", in: "path", required: true, schema: { type: "string" } }]
        : []),
      ...parameters(op.query, "query"),
    ],
    responses: {
      "200": {
        description: "OK",
        content: { [op.contentType ?? "application/json"]: { schema: jsonSchema(op.response, "output") } },
      },
      "400": problemResponse("a parameter is invalid (the problem names it)"),
      "401": problemResponse("no or invalid bearer token"),
    },
  };
}

/**
 * The one OpenAPI 3.1 document of the edge local API and the cloud API, from the zod schemas both
 * validate with: the cloud's routes, and the operations only the edge has (`x-omdp-only: edge`).
 */
export function buildOpenApi(
  routes: readonly AnyRoute[],
  edgeOnly: readonly Operation[] = EDGE_ONLY_OPERATIONS,
): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = `/api/${r.route}`;
    const responses: Json = {
      [String(r.successStatus ?? 200)]: {
        description: "OK",
        content: { "application/json": { schema: jsonSchema(r.response, "output") } },
      },
      "400": problemResponse("a parameter is invalid (the problem names it)"),
      "500": problemResponse("server error"),
    };
    if (r.roles !== "public") {
      responses["401"] = problemResponse("no or invalid bearer token");
      responses["403"] = problemResponse("the token's roles do not allow this endpoint");
      responses["404"] = problemResponse("not found, or not visible to the caller");
    }
    paths[path] ??= {};
    paths[path]![r.method.toLowerCase()] = {
      operationId: r.name,
      summary: r.summary,
      ...(r.deprecated ? { deprecated: true } : {}),
      ...(r.only ? { "x-omdp-only": r.only } : {}),
      ...(r.roles === "public" ? { security: [] } : { "x-roles": r.roles }),
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(r.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  for (const op of edgeOnly) {
    const described = edgeOperation(op);
    const shared = paths[op.path]?.get as Json | undefined;
    // A path the cloud also answers with another meaning (the deprecated /readings alias): the edge's
    // operation is described in `x-omdp-edge` of the cloud's, until the alias is removed.
    if (shared) shared["x-omdp-edge"] = described;
    else paths[op.path] = { get: described };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Open Meter Data Platform API (edge local API and cloud API)",
      version: "1.0.0",
      description:
        "One resource model at the edge and in the cloud: meter intervals, history, alerts, k-anonymous aggregates and privacy operations. Errors are RFC 9457 problem+json. `x-omdp-only` marks what exists at one side only.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Problem: jsonSchema(Problem, "output") },
    },
  };
}
