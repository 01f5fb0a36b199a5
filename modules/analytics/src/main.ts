import { clockFromEnv, runModule } from "@omdp/edge-module";
import { setupAnalytics } from "./module";

// "now" is the platform's simulated clock under `omdp start` (OMDP_SIM_CLOCK), the wall clock otherwise.
void runModule("analytics", (host, log) => setupAnalytics(host, log, { now: clockFromEnv() }));
