// wmbusmeters driver "kadenwater" (water, manufacturer VIP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { KADENWATER_KDN_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_kadenwater_vip: WirelessDriver = {
  name: "kadenwater",
  meter: "VIP water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "VIP", version: [1], medium: [0x07] },
  fields: [...KADENWATER_KDN_FIELDS],
  payload: [],
  golden: [
    {
      hex: "4E4430590010221901077A71004005F8C0D59E1536F306FFCD58075FDA84B6F21FC0F33DF92C8CF5FCAB599BD1FE73B0DB2E5D9E6D8A2E3363D67DB2CDAF16C26D57886B70EE0F77FC116753809BB5",
      key: "82B0551191F51D66EFCDAB8967452301",
      source: CORPUS_FILE,
      expect: {
        actuality_duration_s: 0,
        duration_b_s: 0,
        max_flow_m3h: 0.859,
        total_m3: 94.6123,
        volume_b_m3: 0.0088,
        volume_flow_m3h: 0,
      },
    },
  ],
};
