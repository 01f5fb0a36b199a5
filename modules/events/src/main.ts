import { runModule } from "@omdp/edge-module";
import { setupEvents } from "./module";

void runModule("events", (host, log) => setupEvents(host, log));
