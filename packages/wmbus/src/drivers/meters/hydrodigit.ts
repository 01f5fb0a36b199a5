// wmbusmeters driver "hydrodigit" (water, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_hydrodigit: WirelessDriver = {
  name: "hydrodigit",
  meter: "BMT water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BMT", version: [21, 19], medium: [0x07, 0x06] },
  fields: [TOTAL_M3_VIF_13],
  payload: [
    bytes("backflow", "m3", 13, 2, "bcd", 0.001),
    bytes("September_total", "m3", 30, 3, "uint", 0.01),
  ],
  golden: [
    {
      hex: "2144B4099163742315077A400000000C1399999999046D092A30340F050B01000000",
      source: CORPUS_FILE,
      expect: { total_m3: 99999.999 },
    },
    {
      hex: "3044B4090123456713067A190020052F2F0C1315000000046D0136A7270F050B000000002F2F2F2F2F2F2F2F2F2F2F69E5",
      source: CORPUS_FILE,
      expect: { total_m3: 0.015 },
    },
    {
      hex: "4944B4092243658713077A7F0000000C1363020400046D242C12360F950A24042507000000A405006E0700850900CA0B004A0E00FFFFFFFFFFFF020000020000250000B3010095030000",
      source: CORPUS_FILE,
      expect: { September_total_m3: 0.02, backflow_m3: 0.007, total_m3: 40.263 },
    },
    {
      hex: "4E44B4098686868613077AF00040052F2F0C1366380000046D27287E2A0F150E00000000C10000D10000E60000FD00000C01002F0100410100540100680100890000A00000B30000002F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { September_total_m3: 3.6, backflow_m3: 0, total_m3: 3.866 },
    },
  ],
};
