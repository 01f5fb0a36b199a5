// wmbusmeters driver "lansenpu" (electricity, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { A_COUNTER, B_COUNTER } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_lansenpu: WirelessDriver = {
  name: "lansenpu",
  meter: "LAS electricity",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LAS", version: [11, 20], medium: [0x02, 0x00] },
  fields: [B_COUNTER, A_COUNTER],
  payload: [],
  golden: [
    {
      hex: "1A443330503702000B027AD70000202F2F8E40FD3A700800000000",
      source: CORPUS_FILE,
      expect: { b_counter: 870 },
    },
    {
      hex: "234433300602010014007A8E0000002F2F0EFD3A1147000000008E40FD3A341200000000",
      source: CORPUS_FILE,
      expect: { a_counter: 4711, b_counter: 1234 },
    },
  ],
};
