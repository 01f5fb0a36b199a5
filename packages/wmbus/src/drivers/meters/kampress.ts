// wmbusmeters driver "kampress" (pressure, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_kampress: WirelessDriver = {
  name: "kampress",
  meter: "KAM pressure",
  source: CORPUS_SOURCE,
  match: { manufacturer: "KAM", version: [1], medium: [0x18] },
  fields: [
    rec("min_pressure", "bar", "pressure", 0x69, { function: "minimum" }),
    rec("alfa", "counter", "manufacturerSpecific", ["manufacturer", 0x09]),
    rec("beta", "counter", "manufacturerSpecific", ["manufacturer", 0x0a]),
  ],
  payload: [],
  golden: [
    {
      hex: "32442D2C1703007701188D280080E39322DB8F7822696600126967000269660005FF091954A33A05FF0A99BD823A02FD170800",
      source: CORPUS_FILE,
      expect: {
        pressure_bar: 1.02,
        max_pressure_bar: 1.03,
        min_pressure_bar: 1.02,
        alfa_counter: 0.001246,
        beta_counter: 0.000997,
      },
    },
  ],
};
