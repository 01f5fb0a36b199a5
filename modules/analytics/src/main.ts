import { catchingUp, clockFromEnv, epochFromEnv, runModule } from "@omdp/edge-module";
import { setupAnalytics } from "./module";

// "now" is the platform's simulated clock under `omdp start` (OMDP_SIM_CLOCK), the wall clock otherwise;
// during a backfill's catch-up the silent-meter timer waits (module.ts).
const epoch = epochFromEnv();
void runModule("analytics", (host, log) =>
  setupAnalytics(host, log, {
    now: clockFromEnv(),
    ...(epoch?.().catchUp ? { catchingUp: () => catchingUp(epoch()) } : {}),
  }),
);
