// wmbusmeters driver "apatoreitn" (heat cost allocation, manufacturer APT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_apatoreitn: WirelessDriver = {
  name: "apatoreitn",
  meter: "APT heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "APT", version: [4], medium: [0x08] },
  fields: [],
  payload: [
    bytes("previous", "hca", 15, 4, "uint"),
    bytes("temp_room_avg", "c", 25, 2, "uint", 0.00390625),
    bytes("temp_room_prev_avg", "c", 23, 2, "uint", 0.00390625),
  ],
  golden: [
    {
      hex: "25441486323737370408B60AFFFFF5450186F41B9D58A0A100007809000000001F2D6416C819",
      source: CORPUS_FILE,
      expect: { previous_hca: 2424, temp_room_avg_c: 25.78125, temp_room_prev_avg_c: 22.390625 },
    },
  ],
};
