/**
 * Wireless drivers use the wired driver format of @omdp/mbus (drivers/types.ts) unchanged: a match on
 * the meter's manufacturer, version and device type, record fields, golden telegrams; plus `payload`
 * fields for the proprietary bytes many wireless meters send (the optional extension of MeterDriver).
 */
import type { MeterDriver } from "@omdp/mbus";

export type WirelessDriver = MeterDriver;
