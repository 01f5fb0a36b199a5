import { runModule } from "@omdp/edge-module";
import { startSharing } from "./module";

// Wiring only: the runtime connects, delivers twin configuration, inputs and direct methods.
void runModule("sharing", (host, log) =>
  startSharing(host, { dataDir: process.env.OMDP_DATA_DIR || ".data", log }),
);
