// wmbusmeters driver "microclima" (heat, manufacturer MAD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_microclima: WirelessDriver = {
  name: "microclima",
  meter: "MAD heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "MAD", version: [0], medium: [0x04] },
  fields: [
    rec("consumption_at_set_date_11", "kwh", "energy", 0x06, { storage: 9 }),
    rec("consumption_at_set_date_13", "kwh", "energy", 0x06, { storage: 9 }),
    rec("consumption_at_set_date_15", "kwh", "energy", 0x06, { storage: 9 }),
    rec("consumption_at_set_date_17", "kwh", "energy", 0x06, { storage: 17 }),
    rec("consumption_at_set_date_19", "kwh", "energy", 0x06, { storage: 19 }),
    rec("consumption_at_set_date_1", "kwh", "energy", 0x06, { storage: 1 }),
    rec("consumption_at_set_date_21", "kwh", "energy", 0x06, { storage: 21 }),
    rec("consumption_at_set_date_23", "kwh", "energy", 0x06, { storage: 23 }),
    rec("consumption_at_set_date_25", "kwh", "energy", 0x06, { storage: 1 }),
    rec("consumption_at_set_date_27", "kwh", "energy", 0x06, { storage: 27 }),
    rec("consumption_at_set_date_29", "kwh", "energy", 0x06, { storage: 29 }),
    rec("consumption_at_set_date_31", "kwh", "energy", 0x06, { storage: 31 }),
    rec("consumption_at_set_date_3", "kwh", "energy", 0x06, { storage: 3 }),
    rec("consumption_at_set_date_5", "kwh", "energy", 0x06, { storage: 5 }),
    rec("consumption_at_set_date_7", "kwh", "energy", 0x06, { storage: 7 }),
    rec("consumption_at_set_date_9", "kwh", "energy", 0x06, { storage: 9 }),
  ],
  payload: [],
  golden: [
    {
      hex: "A44424348630579300047ADD0000202F2F046D0721B62C04064708000004135DB0030001FD1700426C9F2C4406C6040000C40106C0070000C4020637070000C4030611070000C404060B070000C405060B070000C406060B070000C407060B070000C40806A5060000C40906F7050000C40A067A050000C40B060F050000C40C06C6040000C40D063F040000C40E06BB030000C40F06A502000003FD0C05000002FD0B1111",
      source: CORPUS_FILE,
      expect: {
        consumption_at_set_date_11_kwh: 1803,
        consumption_at_set_date_13_kwh: 1803,
        consumption_at_set_date_15_kwh: 1803,
        consumption_at_set_date_17_kwh: 1701,
        consumption_at_set_date_19_kwh: 1527,
        consumption_at_set_date_1_kwh: 1222,
        consumption_at_set_date_21_kwh: 1402,
        consumption_at_set_date_23_kwh: 1295,
        consumption_at_set_date_25_kwh: 1222,
        consumption_at_set_date_27_kwh: 1087,
        consumption_at_set_date_29_kwh: 955,
        consumption_at_set_date_31_kwh: 677,
        consumption_at_set_date_3_kwh: 1984,
        consumption_at_set_date_5_kwh: 1847,
        consumption_at_set_date_7_kwh: 1809,
        consumption_at_set_date_9_kwh: 1803,
        total_energy_consumption_kwh: 2119,
        total_volume_m3: 241.757,
      },
    },
  ],
};
