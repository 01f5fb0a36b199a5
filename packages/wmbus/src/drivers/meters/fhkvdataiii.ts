// wmbusmeters driver "fhkvdataiii" (heat cost allocator, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_fhkvdataiii: WirelessDriver = {
  name: "fhkvdataiii",
  meter: "TCH heat cost allocator",
  source: CORPUS_SOURCE,
  match: { manufacturer: "TCH", version: [105], medium: [0x80] },
  fields: [],
  payload: [
    bytes("current", "hca", 7, 2, "uint"),
    bytes("previous", "hca", 3, 2, "uint"),
    bytes("temp_radiator", "c", 11, 2, "uint", 0.01),
    bytes("temp_room", "c", 9, 2, "uint", 0.01),
  ],
  golden: [
    {
      hex: "32446850059605416980A0019F334805400CFE029808B1080000000000060F4F3467AEA9A88D7B8D503E000000000000000000",
      source: CORPUS_FILE,
      expect: { current_hca: 766, previous_hca: 1352, temp_radiator_c: 22.25, temp_room_c: 22 },
    },
    {
      hex: "34446850226677116980A0119F27020480048300C408F709143C003D341A2B0B2A0707000000000000062D114457563D71A1850000",
      source: CORPUS_FILE,
      expect: { current_hca: 131, previous_hca: 1026, temp_room_c: 22.44, temp_radiator_c: 25.51 },
    },
  ],
};
