/**
 * The function table: importing this module registers every Function (with the Functions host when
 * running inside it) and fills ROUTE_TABLE, which the local host serves.
 */
import "./health";
import "./openapi";
import "./meters-list";
import "./meter-get";
import "./meter-put";
import "./meter-latest";
import "./meter-intervals";
import "./costs";
import "./prices";
import "./costs-household";
import "./household-summary";
import "./alerts";
import "./aggregates";
import "./aggregates-release";
import "./household-delete";
import "./household-export";
import "./ingest";

export { ingest } from "./ingest";
