import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { collectHousehold, toCsv, toJsonLines } from "../export/collect";
import { checkRange, householdFor } from "../http/access";
import { ProblemError } from "../http/problem";
import { type RouteDef, registerHttp } from "../http/route";
import { ExportBody, ExportResult, HouseholdIdParams } from "../http/schemas";

/**
 * POST /api/households/{id}/export: writes the household's data (JSON Lines, or CSV of the time
 * series) to Blob Storage and returns a read-only SAS link that expires after EXPORT_SAS_MINUTES.
 */
export const householdExport: RouteDef<
  z.infer<typeof HouseholdIdParams>,
  unknown,
  z.infer<typeof ExportBody>
> = {
  name: "householdExport",
  method: "POST",
  route: "households/{id}/export",
  summary: "Export a household's data to Blob Storage (short-lived SAS link)",
  roles: ["household", "admin"],
  params: HouseholdIdParams,
  body: ExportBody,
  response: ExportResult,
  successStatus: 201,
  handle: async ({ services, principal, params, body }) => {
    const householdId = householdFor(principal, params.id);
    if (!services.exporter) {
      throw new ProblemError(503, "Service Unavailable", "exports are not configured (EXPORT_STORAGE_URL)");
    }
    const from = body.from ? Date.parse(body.from) : 0;
    const to = body.to ? Date.parse(body.to) : Date.now() + 86_400_000;
    checkRange({ from, to }, 100 * 366);
    const data = await collectHousehold(services.store, householdId, from, to);
    const content = body.format === "csv" ? toCsv(data) : toJsonLines(data);
    const stamp = new Date().toISOString().replace(/[:.]/g, "");
    const blobName = `${householdId}/${stamp}-${randomBytes(4).toString("hex")}.${body.format}`;
    const type = body.format === "csv" ? "text/csv" : "application/x-ndjson";
    const link = await services.exporter.upload(blobName, content, type, services.settings.export.sasMinutes);
    const records = data.meters.length + data.series.length + data.readings.length + data.events.length;
    return {
      body: { householdId, format: body.format, blobName, url: link.url, expiresAt: link.expiresAt, records },
    };
  },
};

registerHttp(householdExport);
