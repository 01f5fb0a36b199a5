import type { SqlQuerySpec } from "@azure/cosmos";
import type { SeriesResolution } from "../series/types";

/**
 * Cosmos SQL, built in one place and unit-tested as text: some of it (GROUP BY) cannot run on the
 * in-process emulator used in tests (@vercel/cosmosdb-server), so its shape is asserted instead.
 */
/** What a series query returns: the row without the rollup slots and system properties (fewer bytes, fewer RU). */
const SERIES_FIELDS = [
  "recordId",
  "meterId",
  "householdId",
  "resolution",
  "start",
  "end",
  "importWh",
  "exportWh",
  "powerMinW",
  "powerAvgW",
  "powerMaxW",
  "registers",
  "sampleCount",
  "quality",
  "flags",
  "derived",
  "medium",
  "consumption",
]
  // `end` is a reserved word in Cosmos SQL: bracket notation, in a VALUE object literal.
  .map((f) => `"${f}": c["${f}"]`)
  .join(", ");

export function seriesQuery(
  meterId: string,
  resolution: SeriesResolution,
  from: number,
  to: number,
): SqlQuerySpec {
  return {
    query: `SELECT VALUE { ${SERIES_FIELDS} } FROM c WHERE c.meterId = @meterId AND c.resolution = @resolution AND c.start >= @from AND c.start < @to ORDER BY c.start`,
    parameters: [
      { name: "@meterId", value: meterId },
      { name: "@resolution", value: resolution },
      { name: "@from", value: from },
      { name: "@to", value: to },
    ],
  };
}

export function readingsQuery(meterId: string, from: number, to: number): SqlQuerySpec {
  return {
    query:
      "SELECT * FROM c WHERE c.meterId = @meterId AND c.readingTimeMs >= @from AND c.readingTimeMs < @to ORDER BY c.readingTimeMs",
    parameters: [
      { name: "@meterId", value: meterId },
      { name: "@from", value: from },
      { name: "@to", value: to },
    ],
  };
}

export function eventsQuery(q: {
  householdIds?: readonly string[];
  meterId?: string;
  from: number;
  to: number;
}): SqlQuerySpec {
  const where = ["c.atMs >= @from", "c.atMs < @to"];
  const parameters: { name: string; value: string | number | string[] }[] = [
    { name: "@from", value: q.from },
    { name: "@to", value: q.to },
  ];
  if (q.householdIds) {
    where.push("ARRAY_CONTAINS(@households, c.householdId)");
    parameters.push({ name: "@households", value: [...q.householdIds] });
  }
  if (q.meterId) {
    where.push("c.meterId = @meterId");
    parameters.push({ name: "@meterId", value: q.meterId });
  }
  return { query: `SELECT * FROM c WHERE ${where.join(" AND ")} ORDER BY c.atMs`, parameters };
}

export function metersQuery(householdIds?: readonly string[]): SqlQuerySpec {
  if (!householdIds) return { query: "SELECT * FROM c" };
  return {
    query: "SELECT * FROM c WHERE ARRAY_CONTAINS(@households, c.householdId)",
    parameters: [{ name: "@households", value: [...householdIds] }],
  };
}

/**
 * Per-household totals of one rollup level over a range. With GROUP BY (real Cosmos DB) the service
 * sums; without it (emulators) the projection is fetched and summed by the caller.
 */
export function householdBucketsQuery(
  resolution: SeriesResolution,
  from: number,
  to: number,
  groupBy: boolean,
): SqlQuerySpec {
  // electricity only: the rows of water, heat, gas and HCA meters carry a medium
  const where =
    "WHERE c.resolution = @resolution AND c.start >= @from AND c.start < @to AND NOT IS_DEFINED(c.medium)";
  const parameters = [
    { name: "@resolution", value: resolution },
    { name: "@from", value: from },
    { name: "@to", value: to },
  ];
  if (!groupBy) {
    return {
      query: `SELECT c.householdId, c.start, c.importWh, c.exportWh, c.powerAvgW FROM c ${where}`,
      parameters,
    };
  }
  return {
    query:
      "SELECT c.householdId, c.start, COUNT(1) AS meters, SUM(c.importWh) AS importWh, SUM(c.exportWh) AS exportWh, " +
      `SUM(c.powerAvgW) AS powerAvgW FROM c ${where} GROUP BY c.householdId, c.start`,
    parameters,
  };
}

/**
 * Per-household totals of the hours in [from, to) from the precomputed contributions (`hourly`, one
 * document per meter and hour): the input of the hourly aggregate release. GROUP BY as above.
 */
export function hourlyBucketsQuery(from: number, to: number, groupBy: boolean): SqlQuerySpec {
  const where = "WHERE c.start >= @from AND c.start < @to";
  const parameters = [
    { name: "@from", value: from },
    { name: "@to", value: to },
  ];
  if (!groupBy) {
    return {
      query: `SELECT c.householdId, c.start, c.importWh, c.exportWh, c.powerAvgW FROM c ${where}`,
      parameters,
    };
  }
  return {
    query:
      "SELECT c.householdId, c.start, COUNT(1) AS meters, SUM(c.importWh) AS importWh, SUM(c.exportWh) AS exportWh, " +
      `SUM(c.powerAvgW) AS powerAvgW FROM c ${where} GROUP BY c.householdId, c.start`,
    parameters,
  };
}

/** Ids (and `derived`) of one partition's documents; the key is repeated as a filter for emulators. */
export function partitionIdsQuery(pkField: string, pk: string): SqlQuerySpec {
  return {
    query: `SELECT c.id, c.derived FROM c WHERE c.${pkField} = @pk`,
    parameters: [{ name: "@pk", value: pk }],
  };
}
