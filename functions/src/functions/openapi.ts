import { z } from "zod";
import { buildOpenApi } from "../http/openapi";
import { ROUTE_TABLE, type RouteDef, registerHttp } from "../http/route";

/** GET /api/openapi.json: OpenAPI 3.1, generated from the schemas the handlers validate with. */
export const openapi: RouteDef = {
  name: "openapi",
  method: "GET",
  route: "openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  roles: "public",
  response: z.record(z.string(), z.unknown()),
  handle: async () => ({ body: buildOpenApi(ROUTE_TABLE) }),
};

registerHttp(openapi);
