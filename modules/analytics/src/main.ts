import { catchingUp, clockFromEnv, epochFromEnv, runModule } from "@omdp/edge-module";
import { setupAnalytics } from "./module";

// "now" is the platform's simulated clock under `omdp start` (OMDP_SIM_CLOCK), the wall clock otherwise;
// during a backfill's catch-up the silent-meter timer waits (module.ts).
const epoch = epochFromEnv();
/** Wall ms after a catch-up during which the silent-meter timer still waits (the pipeline drains). */
const CATCH_UP_DRAIN_MS = 60_000;
void runModule("analytics", (host, log) =>
  setupAnalytics(host, log, {
    now: clockFromEnv(),
    // and for a while after it: the pipeline may still carry readings of the past then
    ...(epoch?.().catchUp ? { catchingUp: () => catchingUp(epoch(), Date.now() - CATCH_UP_DRAIN_MS) } : {}),
  }),
);
