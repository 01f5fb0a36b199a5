// wmbusmeters driver "mkradio4a" (warm water, manufacturer HYD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_mkradio4a: WirelessDriver = {
  name: "mkradio4a",
  meter: "HYD warm water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "HYD", version: [254], medium: [0x06] },
  fields: [rec("target", "m3", "volume", 0x15, { storage: 1 })],
  payload: [],
  golden: [
    {
      hex: "4B44685036494600953772253895662423FE064E0030052F2F4315A10000426CBF2C0F542CF2DD8BEC869511B2DB8301C3ABA390FB4FDB6F1144DA1F3897DD55F2AD0D194F68510FF8FADFB9",
      source: CORPUS_FILE,
      expect: { target_m3: 16.1 },
    },
  ],
};
