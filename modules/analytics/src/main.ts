import { runModule } from "@omdp/edge-module";
import { setupAnalytics } from "./module";

void runModule("analytics", (host, log) => setupAnalytics(host, log));
