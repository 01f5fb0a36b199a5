// wmbusmeters driver "ebzwmbe" (electricity, manufacturer EBZ): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_ebzwmbe: WirelessDriver = {
  name: "ebzwmbe",
  meter: "EBZ electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "EBZ", version: [1], medium: [0x02] },
  fields: [
    rec("current_power_consumption_phase1", "kw", "power", 0x29, { vife: [0x7f, 0x01] }),
    rec("current_power_consumption_phase2", "kw", "power", 0x29, { vife: [0x7f, 0x02] }),
    rec("current_power_consumption_phase3", "kw", "power", 0x29, { vife: [0x7f, 0x03] }),
  ],
  payload: [],
  sums: [
    {
      name: "current_power_consumption",
      unit: "kw",
      of: [
        "current_power_consumption_phase1_kw",
        "current_power_consumption_phase2_kw",
        "current_power_consumption_phase3_kw",
      ],
    },
  ],
  golden: [
    {
      hex: "5B445A149922992202378C20F6900F002C25BC9E0000BF48954821BC508D72992299225A140102F6003007102F2F040330F92A0004A9FF01FF24000004A9FF026A29000004A9FF03460600000DFD11063132333435362F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        total_energy_consumption_kwh: 2816.304,
        current_power_consumption_phase1_kw: 0.09471,
        current_power_consumption_phase2_kw: 0.10602,
        current_power_consumption_phase3_kw: 0.01606,
        current_power_consumption_kw: 0.21679,
      },
    },
  ],
};
