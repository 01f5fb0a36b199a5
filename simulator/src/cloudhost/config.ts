import fs from "node:fs";
import { z } from "zod";

/** The part of `omdp.config.json` the cloud host reads: households, their meters, the edge device id. */
const PlatformConfig = z.object({
  households: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().optional(),
        timeZone: z.string().default("Europe/Vienna"),
        meters: z.array(z.object({ id: z.string().min(1) }).passthrough()).default([]),
      }),
    )
    .default([]),
  edge: z.object({ deviceId: z.string().min(1).default("edge-local") }).default({ deviceId: "edge-local" }),
});
export type PlatformConfig = z.infer<typeof PlatformConfig>;

/** Used when there is no `omdp.config.json`: one household, no meters until PUT /api/meters/{id}. */
export const DEFAULT_CONFIG: PlatformConfig = {
  households: [{ id: "hh-1", name: "Home", timeZone: "Europe/Vienna", meters: [] }],
  edge: { deviceId: "edge-local" },
};

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: ${issues.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Reads the platform config; a missing file gives the embedded defaults, an invalid one an error. */
export function loadPlatformConfig(file: string): PlatformConfig {
  if (!fs.existsSync(file)) return DEFAULT_CONFIG;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(file, [`not JSON: ${(err as Error).message}`]);
  }
  const parsed = PlatformConfig.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** Registry entries for every configured meter: household, the edge device, the household's zone. */
export function registryFromConfig(
  cfg: PlatformConfig,
): { id: string; householdId: string; deviceId: string; timeZone: string; role?: "sub" }[] {
  return cfg.households.flatMap((h) =>
    h.meters.map((m) => ({
      id: m.id,
      householdId: h.id,
      deviceId: cfg.edge.deviceId,
      timeZone: h.timeZone,
      // a sub-meter (behind the main meter) is left out of the household's costs, as at the edge
      ...(m.role === "sub" ? { role: "sub" as const } : {}),
    })),
  );
}
