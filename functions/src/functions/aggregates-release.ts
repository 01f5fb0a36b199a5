/**
 * The hourly aggregate release as a timer (Azure: every hour at minute 5): releases each closed hour
 * of the last `RELEASE_LOOKBACK_HOURS` not yet released, from the hour contributions the Cosmos store
 * keeps for 7 days (docs/cosmos-design.md, "Aggregates"). GET /api/aggregates still releases closed
 * hours it finds unreleased (first release kept either way), so the local host, which has no timers,
 * answers as before; in Azure the timer makes every hour released while its contributions exist.
 */
import { app, insideFunctionsHost } from "../azf";
import { closedBefore } from "../http/aggregate";
import { getServices, type Services } from "../services";
import { releasedHours } from "./aggregates";

const HOUR = 3_600_000;
/** Two days back: a timer that missed runs (deployment, outage) catches up well within the 7 days. */
export const RELEASE_LOOKBACK_HOURS = 48;

/** Releases the closed hours of the look-back window; returns how many releases there are in it. */
export async function releaseClosedHours(services: Services, now: number): Promise<number> {
  const closed = closedBefore(now, services.settings.aggregateReleaseDelayHours);
  const from = closed - RELEASE_LOOKBACK_HOURS * HOUR;
  return (await releasedHours(services, from, closed, closed)).length;
}

if (insideFunctionsHost()) {
  app.timer("aggregatesRelease", {
    schedule: "0 5 * * * *",
    handler: async () => {
      const s = await getServices();
      const released = await releaseClosedHours(s, Date.now());
      s.log.info("aggregate hours released", { released });
    },
  });
}
