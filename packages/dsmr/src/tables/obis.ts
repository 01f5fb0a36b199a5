/**
 * DSMR P1 objects as data (STYLE.md principle 2): OBIS id -> name and shape. Ids are `A-B:C.D.E`; `0-n:`
 * stands for every M-Bus channel (n = 1..4). Sources: P1 Companion Standard 5.0.2 §7 (NL), Fluvius
 * e-MUCS P1 v1.7.1 (BE: capacity tariff 1.4.0, 1.6.0, 98.1.0), Luxembourg Smarty P1 v1.1.3 (LU: Wh
 * registers 1.8.0, reactive 3.8.0/4.8.0), the Swedish and Austrian P1 profiles (totals, reactive).
 *
 * Shapes: register `(value*unit)` or bare number; timestamped `(TST)(value*unit)`; time `(TST)`;
 * hexText octet string written in hex; text as written; profile a profile-generic buffer
 * `(count)(obis...)(entry...)`; legacyGas the DSMR 2.2/3 gas capture
 * `(TST)(status)(period)(count)(obis)(unit)(value)`.
 */
export type DsmrShape = "register" | "timestamped" | "time" | "hexText" | "text" | "profile" | "legacyGas";

export interface DsmrObjectDef {
  readonly id: string;
  readonly name: string;
  readonly shape: DsmrShape;
}

const d = (id: string, name: string, shape: DsmrShape): DsmrObjectDef => ({ id, name, shape });

export const DSMR_OBJECTS: readonly DsmrObjectDef[] = [
  d("1-3:0.2.8", "P1 version", "text"),
  d("0-0:96.1.4", "Fluvius P1 version", "text"),
  d("0-0:1.0.0", "Telegram time", "time"),
  d("0-0:96.1.1", "Equipment identifier", "hexText"),
  d("0-0:96.1.0", "Equipment identifier (DSMR 2/3, Sweden)", "hexText"),
  d("0-0:42.0.0", "Logical device name", "hexText"),
  d("1-0:1.8.0", "Active energy import", "register"),
  d("1-0:1.8.1", "Active energy import tariff 1", "register"),
  d("1-0:1.8.2", "Active energy import tariff 2", "register"),
  d("1-0:2.8.0", "Active energy export", "register"),
  d("1-0:2.8.1", "Active energy export tariff 1", "register"),
  d("1-0:2.8.2", "Active energy export tariff 2", "register"),
  d("1-0:3.8.0", "Reactive energy import", "register"),
  d("1-0:4.8.0", "Reactive energy export", "register"),
  d("0-0:96.14.0", "Tariff indicator", "register"),
  d("1-0:1.7.0", "Active power import", "register"),
  d("1-0:2.7.0", "Active power export", "register"),
  d("1-0:3.7.0", "Reactive power import", "register"),
  d("1-0:4.7.0", "Reactive power export", "register"),
  d("1-0:21.7.0", "Active power import L1", "register"),
  d("1-0:41.7.0", "Active power import L2", "register"),
  d("1-0:61.7.0", "Active power import L3", "register"),
  d("1-0:22.7.0", "Active power export L1", "register"),
  d("1-0:42.7.0", "Active power export L2", "register"),
  d("1-0:62.7.0", "Active power export L3", "register"),
  d("1-0:23.7.0", "Reactive power import L1", "register"),
  d("1-0:43.7.0", "Reactive power import L2", "register"),
  d("1-0:63.7.0", "Reactive power import L3", "register"),
  d("1-0:24.7.0", "Reactive power export L1", "register"),
  d("1-0:44.7.0", "Reactive power export L2", "register"),
  d("1-0:64.7.0", "Reactive power export L3", "register"),
  d("1-0:32.7.0", "Voltage L1", "register"),
  d("1-0:52.7.0", "Voltage L2", "register"),
  d("1-0:72.7.0", "Voltage L3", "register"),
  d("1-0:31.7.0", "Current L1", "register"),
  d("1-0:51.7.0", "Current L2", "register"),
  d("1-0:71.7.0", "Current L3", "register"),
  d("1-0:13.7.0", "Power factor", "register"),
  d("1-0:14.7.0", "Frequency", "register"),
  d("0-0:96.7.21", "Power failures", "register"),
  d("0-0:96.7.9", "Long power failures", "register"),
  d("1-0:99.97.0", "Long power failure event log", "profile"),
  d("1-0:32.32.0", "Voltage sags L1", "register"),
  d("1-0:52.32.0", "Voltage sags L2", "register"),
  d("1-0:72.32.0", "Voltage sags L3", "register"),
  d("1-0:32.36.0", "Voltage swells L1", "register"),
  d("1-0:52.36.0", "Voltage swells L2", "register"),
  d("1-0:72.36.0", "Voltage swells L3", "register"),
  d("0-0:96.13.0", "Text message", "hexText"),
  d("0-0:96.13.1", "Text message code", "hexText"),
  d("0-0:96.3.10", "Breaker state", "register"),
  d("0-0:17.0.0", "Limiter threshold", "register"),
  d("1-0:31.4.0", "Fuse supervision threshold L1", "register"),
  d("1-0:1.4.0", "Current average demand (15 min)", "register"),
  d("1-0:1.6.0", "Maximum demand this month", "timestamped"),
  d("0-0:98.1.0", "Maximum demand of the last 13 months", "profile"),
  d("0-n:24.1.0", "M-Bus device type", "register"),
  d("0-n:96.1.0", "M-Bus equipment identifier", "hexText"),
  d("0-n:96.1.1", "M-Bus equipment identifier (DIN 43863-5)", "hexText"),
  d("0-n:24.2.1", "M-Bus last capture (gas temperature-corrected, water, heat)", "timestamped"),
  d("0-n:24.2.3", "M-Bus last capture (gas not temperature-corrected)", "timestamped"),
  d("0-n:24.4.0", "M-Bus valve state", "register"),
  d("0-n:24.3.0", "M-Bus gas capture (DSMR 2.2/3)", "legacyGas"),
];

const BY_ID: ReadonlyMap<string, DsmrObjectDef> = new Map(DSMR_OBJECTS.map((o) => [o.id, o]));

/** The definition of an id, trying the M-Bus channel form `0-n:` for channels 1..4. */
export function objectDef(id: string): DsmrObjectDef | undefined {
  const exact = BY_ID.get(id);
  if (exact !== undefined) return exact;
  const channel = id.charCodeAt(2);
  const isChannel = id.startsWith("0-") && channel >= 0x31 && channel <= 0x34 && id.charCodeAt(3) === 0x3a;
  return isChannel ? BY_ID.get(`0-n${id.slice(3)}`) : undefined;
}

/** M-Bus device types (EN 13757-3 table 6) of the channels P1 reports in 0-n:24.1.0. */
export const MBUS_DEVICE_TYPES: ReadonlyMap<number, string> = new Map([
  [3, "gas"],
  [4, "heat"],
  [6, "warm water"],
  [7, "water"],
  [12, "heat"],
]);
