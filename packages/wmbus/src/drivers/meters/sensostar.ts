// wmbusmeters driver "sensostar" (heat, manufacturer EFE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { POWER_KW, TARGET_KWH_VIF_6, TOTAL_KWH_VIF_6 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_sensostar: WirelessDriver = {
  name: "sensostar",
  meter: "EFE heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "EFE", version: [0], medium: [0x04] },
  fields: [
    rec("difference", "c", "temperatureDifference", 0x61),
    rec("flow_water", "m3h", "volumeFlow", 0x3b),
    rec("forward", "c", "flowTemperature", 0x5b),
    POWER_KW,
    rec("return", "c", "returnTemperature", 0x5f),
    TOTAL_KWH_VIF_6,
    rec("total_water", "m3", "volume", 0x13),
    rec("target_10", "kwh", "energy", 0x06, { storage: 10 }),
    rec("target_12", "kwh", "energy", 0x06, { storage: 12 }),
    rec("target_14", "kwh", "energy", 0x06, { storage: 14 }),
    rec("target_16", "kwh", "energy", 0x06, { storage: 16 }),
    rec("target_18", "kwh", "energy", 0x06, { storage: 18 }),
    rec("target_20", "kwh", "energy", 0x06, { storage: 1 }),
    rec("target_22", "kwh", "energy", 0x06, { storage: 22 }),
    rec("target_24", "kwh", "energy", 0x06, { storage: 24 }),
    rec("target_26", "kwh", "energy", 0x06, { storage: 26 }),
    rec("target_28", "kwh", "energy", 0x06, { storage: 28 }),
    rec("target_2", "kwh", "energy", 0x06, { storage: 2 }),
    rec("target_30", "kwh", "energy", 0x06, { storage: 30 }),
    rec("target_4", "kwh", "energy", 0x06, { storage: 4 }),
    rec("target_6", "kwh", "energy", 0x06, { storage: 6 }),
    rec("target_8", "kwh", "energy", 0x06, { storage: 8 }),
    TARGET_KWH_VIF_6,
  ],
  payload: [],
  golden: [
    {
      hex: "4944C5144404752100047AC10000202F2F046D142D073404068847000001FD170004138E8A4000043BF7FFFFFF042B00000000025B3E00025F360002612F0303FD0C05010002FD0B2011",
      source: CORPUS_FILE,
      expect: {
        difference_c: 8.15,
        flow_water_m3h: -0.009,
        forward_c: 62,
        power_kw: 0,
        return_c: 54,
        total_kwh: 18312,
        total_water_m3: 4229.774,
      },
    },
    {
      hex: "A444C5146025750200047AC20000202F2F046D2E26C62A040643160000041310F0050001FD1700426CBF2C4406570E00008401061F160000840206F6150000840306F5150000840406F3150000840506EA150000840606BF1500008407065214000084080692120000840906C5100000840A06570E0000840B06CA0B0000840C06DA090000840D06CA080000840E06C8080000840F06C608000003FD0C05010002FD0B2111",
      source: CORPUS_FILE,
      expect: {
        target_10_kwh: 5610,
        target_12_kwh: 5567,
        target_14_kwh: 5202,
        target_16_kwh: 4754,
        target_18_kwh: 4293,
        target_20_kwh: 3671,
        target_22_kwh: 3018,
        target_24_kwh: 2522,
        target_26_kwh: 2250,
        target_28_kwh: 2248,
        target_2_kwh: 5663,
        target_30_kwh: 2246,
        target_4_kwh: 5622,
        target_6_kwh: 5621,
        target_8_kwh: 5619,
        target_kwh: 3671,
        total_kwh: 5699,
        total_water_m3: 389.136,
      },
    },
  ],
};
