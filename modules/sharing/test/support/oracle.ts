import { propertyDefinition } from "@omdp/model";
import type { Consent } from "../../src";
import type { Inbound } from "../../src/consent";

/**
 * An independent statement of the consent rules, written for the tests (not imported from src):
 * is `out` something the cloud's consents permit at `now`, given that it came from `input`?
 * Returns the reason it is not, or undefined when it is permitted.
 */
const GROUP: Record<string, string> = {
  energy: "energy",
  volume: "energy",
  power: "power",
  flow: "power",
  voltage: "grid",
  current: "grid",
  powerFactor: "grid",
  temperature: "temperature",
};
const MINUTES: Record<string, number> = {
  PT1M: 1,
  PT5M: 5,
  PT15M: 15,
  PT30M: 30,
  PT1H: 60,
  P1D: 1440,
  P1M: 40_000,
};

const live = (c: Consent, now: number) =>
  c.recipient === "cloud" && c.revokedAt === null && (c.until === null || Date.parse(c.until) > now);

function groupOfId(id: string): string | undefined {
  const d = propertyDefinition(id);
  return d ? GROUP[d.kind] : undefined;
}

export function violation(out: Inbound, consents: readonly Consent[], now: number): string | undefined {
  const active = consents.filter((c) => live(c, now));
  if (out.kind === "event")
    return active.some((c) => c.properties.includes("events")) ? undefined : "event without consent";
  if (out.kind === "reading") {
    const raw = active.filter((c) => c.resolution === "raw");
    if (raw.length === 0) return "reading without a raw consent";
    const allowed = new Set<string>(raw.flatMap((c) => c.properties));
    for (const v of out.body.values) {
      const g = groupOfId(v.property);
      if (g === undefined || !allowed.has(g)) return `reading value ${v.property} not consented`;
    }
    return out.body.values.length === 0 ? "empty reading" : undefined;
  }
  const rec = out.body;
  const covering = active.filter(
    (c) => c.resolution !== "raw" && MINUTES[c.resolution]! <= MINUTES[rec.resolution]!,
  );
  const allowed = new Set<string>(covering.flatMap((c) => c.properties));
  if (!allowed.has("energy"))
    return `interval ${rec.resolution} without an energy consent at that resolution or finer`;
  if (!allowed.has("power") && (rec.powerMinW !== null || rec.powerAvgW !== null || rec.powerMaxW !== null))
    return "power without consent";
  for (const k of Object.keys(rec.registers)) {
    const g = groupOfId(k);
    if (g === undefined || !allowed.has(g)) return `register ${k} not consented`;
  }
  return undefined;
}
