// wmbusmeters driver "kadenwater" (water, manufacturer KDN): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { KADENWATER_KDN_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_kadenwater_kdn: WirelessDriver = {
  name: "kadenwater",
  meter: "KDN water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "KDN", version: [1], medium: [0x07] },
  fields: [...KADENWATER_KDN_FIELDS],
  payload: [],
  golden: [
    {
      hex: "4E448E2C1782221901077AB5004005339341AB7927F9337CD2175B2F0D121D9A56CBF3FCFCBF0D8CA57D0C6741A03A666D99467924A6DBF4DE305960917AFDE729AC19D62A789DCE1C66A323CC29CD",
      key: "82B0551191F51D66EFCDAB8967452301",
      source: CORPUS_FILE,
      expect: {
        actuality_duration_s: 0,
        duration_b_s: 0,
        max_flow_m3h: 1.715,
        total_m3: 81.0976,
        volume_b_m3: 0.0096,
        volume_flow_m3h: 0,
      },
    },
  ],
};
