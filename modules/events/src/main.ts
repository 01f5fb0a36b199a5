import { clockFromEnv, runModule } from "@omdp/edge-module";
import { setupEvents } from "./module";

// "now" is the platform's simulated clock under `omdp start` (OMDP_SIM_CLOCK), the wall clock otherwise.
void runModule("events", (host, log) => setupEvents(host, log, { now: clockFromEnv() }));
