// wmbusmeters driver "em24" (electricity, manufacturer GAV): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_em24: WirelessDriver = {
  name: "em24",
  meter: "GAV electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "GAV", version: [0], medium: [0x02] },
  fields: [
    rec("power", "kw", "power", 0x2a),
    rec("total_reactive_energy_production", "kvarh", "reactiveEnergy", ["fb", 0x02], { vife: [0x75] }),
  ],
  payload: [],
  golden: [
    {
      hex: "4144361C0202020200028C209A7A9A0030252F2F04050100000004FB82750000000004FB82F53C00000000042A0000000001FD17002F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        power_kw: 0,
        total_energy_consumption_kwh: 0.1,
        total_reactive_energy_consumption_kvarh: 0,
        total_reactive_energy_production_kvarh: 0,
      },
    },
  ],
};
