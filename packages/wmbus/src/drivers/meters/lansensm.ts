// wmbusmeters driver "lansensm" (smoke detector, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_lansensm: WirelessDriver = {
  name: "lansensm",
  meter: "LAS smoke detector",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LAS", version: [3], medium: [0x1a] },
  fields: [
    rec("async_msg_id", "counter", "accessNumber", ["fd", 0x08]),
    rec("minutes_since_last_manual_test", "counter", "dimensionless", ["fd", 0x3a]),
  ],
  payload: [],
  golden: [
    {
      hex: "2E44333004020100031A7AC40020052F2F02FD971D000004FD084C02000004FD3A467500002F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { async_msg_id_counter: 588, minutes_since_last_manual_test_counter: 30022 },
    },
  ],
};
