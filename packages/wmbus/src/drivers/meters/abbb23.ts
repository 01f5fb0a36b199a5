// wmbusmeters driver "abbb23" (electricity, manufacturer ABB): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_abbb23: WirelessDriver = {
  name: "abbb23",
  meter: "ABB electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ABB", version: [32], medium: [0x02] },
  fields: [
    rec("ct_denominator", "factor", "manufacturerSpecific", ["manufacturer", 0x20], { vife: [0x15] }),
    rec("ct_numerator", "factor", "manufacturerSpecific", ["manufacturer", 0x20], { vife: [0x15] }),
    rec("vt_denominator", "factor", "manufacturerSpecific", ["manufacturer", 0x20], { vife: [0x15] }),
    rec("vt_numerator", "factor", "manufacturerSpecific", ["manufacturer", 0x20], { vife: [0x15] }),
  ],
  payload: [],
  golden: [
    {
      hex: "844442040011223320027A3E0000200E840017495200000004FFA0150000000004FFA1150000000004FFA2150000000004FFA3150000000007FFA600000000000000000007FFA700000000000000000007FFA800000000000000000007FFA90000000000000000000DFD8E0007302E38322E31420DFFAA000B3030312D313131203332421F",
      source: CORPUS_FILE,
      expect: {
        ct_denominator_factor: 0,
        ct_numerator_factor: 0,
        total_energy_consumption_kwh: 5249.17,
        vt_denominator_factor: 0,
        vt_numerator_factor: 0,
      },
    },
  ],
};
