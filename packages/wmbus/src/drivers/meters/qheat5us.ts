// wmbusmeters driver "qheat5us" (heat, manufacturer LSE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_KWH, TOTAL_KWH } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_qheat5us: WirelessDriver = {
  name: "qheat5us",
  meter: "LSE heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LSE", version: [35], medium: [0x04] },
  fields: [TARGET_KWH, TOTAL_KWH],
  payload: [],
  golden: [
    {
      hex: "2E4465B24509256723047AA20000000C05035612004C0520131100426C3F3C326CFFFF046D12014A330C7834980437",
      source: CORPUS_FILE,
      expect: { target_kwh: 11132, total_kwh: 12560.3 },
    },
  ],
};
