import { clockFromEnv, runModule } from "@omdp/edge-module";
import { startSharing } from "./module";

// Wiring only: the runtime connects, delivers twin configuration, inputs and direct methods.
// "now" is the platform's simulated clock under `omdp start` (OMDP_SIM_CLOCK), the wall clock otherwise.
void runModule("sharing", (host, log) =>
  startSharing(host, {
    dataDir: process.env.OMDP_DATA_DIR || ".data",
    log,
    now: clockFromEnv(),
  }),
);
