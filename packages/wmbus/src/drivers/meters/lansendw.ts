// wmbusmeters driver "lansendw" (reserved, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { A_COUNTER, B_COUNTER } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_lansendw: WirelessDriver = {
  name: "lansendw",
  meter: "LAS reserved",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LAS", version: [7], medium: [0x1d] },
  fields: [A_COUNTER, B_COUNTER],
  payload: [],
  golden: [
    {
      hex: "2E44333005020100071D7AB54800002F2F02FD1B110002FD971D01000EFD3A2200000000008E40FD3A000000000000",
      source: CORPUS_FILE,
      expect: { a_counter: 22, b_counter: 0 },
    },
  ],
};
