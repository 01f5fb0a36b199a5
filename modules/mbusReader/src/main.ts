/** The mbusReader IoT Edge module (or leaf device, with OMDP_LEAF_CONNECTION_STRING): wiring only. */
import { runModule } from "@omdp/edge-module";
import { setupMbusReader } from "./module";

void runModule("mbusReader", (host, log) => setupMbusReader(host, log));
