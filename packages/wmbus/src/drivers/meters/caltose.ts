// wmbusmeters driver "caltose" (heat cost allocation, manufacturer ZRI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { CONSUMPTION_HCA, TARGET_HCA } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

/** The record whose data several payload fields read. */
const RECORD_1 = sel("hcaUnits", 0x6e, { storage: 8, vife: [0x13] });

export const wm_caltose: WirelessDriver = {
  name: "caltose",
  meter: "ZRI heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ZRI", version: [252], medium: [0x08] },
  fields: [
    rec("base", "hca", "hcaUnits", 0x6e, { storage: 8 }),
    CONSUMPTION_HCA,
    rec("consumption_1", "hca", "hcaUnits", 0x6e, { storage: 1 }),
    TARGET_HCA,
  ],
  payload: [
    bytes("consumption_2", "hca", 3, 4, "bcd", 0.0001, RECORD_1),
    bytes("consumption_3", "hca", 6, 4, "bcd", 0.0001, RECORD_1),
    bytes("consumption_4", "hca", 3, 2, "uint", undefined, RECORD_1),
  ],
  golden: [
    {
      hex: "5E44496A09180880FC087A84405005760039129D1CE51CE54EF7B4AA5383F1FD525F87046D4F869A3189E5B0C400ECF9C41AE6ED6CF94810F09F4F113C04CC731E379E62EA0331EC7F8B09511357A7F7A484851C3DE2EC414DCFDEBD4AF67D",
      key: "EB7CA876CAA641DAC39239326F6DD7EA",
      source: CORPUS_FILE,
      expect: {
        base_hca: 0,
        consumption_hca: 0,
        consumption_1_hca: 0,
        consumption_2_hca: 0,
        consumption_3_hca: 0,
        consumption_4_hca: 0,
        target_hca: 0,
      },
    },
    {
      hex: "5E44496A91190880FC087A744050052F05BF0C6BAF613A078098E048AE47FFB93083B455065E03DE9B7878C8B3BB063637EA5693160E831CC3D4E0470FABBCD4FEDB09D289A0025CA7960D5C7B8064B1093037E7A0A57908EDB554D17AD587",
      key: "6B6B5EB80884328A7B1E45043D39FAAD",
      source: CORPUS_FILE,
      expect: {
        base_hca: 203,
        consumption_hca: 225,
        consumption_1_hca: 99,
        consumption_2_hca: 52,
        consumption_3_hca: 10,
        consumption_4_hca: 0,
        target_hca: 99,
      },
    },
  ],
};
