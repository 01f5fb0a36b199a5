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

/** The OpenAPI 3.1 document of the routes, from the zod schemas they validate with. */
export function buildOpenApi(routes: readonly AnyRoute[]): Json {
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
  return {
    openapi: "3.1.0",
    info: {
      title: "Open Meter Data Platform cloud API",
      version: "1.0.0",
      description:
        "Meter history, alerts, k-anonymous aggregates and privacy operations. Errors are RFC 9457.",
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
