// wmbusmeters driver "picoflux" (water, manufacturer ECM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { ACTUALITY_DURATION_S, TOTAL_BACKWARD_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_picoflux: WirelessDriver = {
  name: "picoflux",
  meter: "ECM water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ECM", version: [5], medium: [0x07] },
  fields: [ACTUALITY_DURATION_S, TOTAL_BACKWARD_M3, TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "6E446D141005535705077AA900600544F4D6E4EDB113CDB888981DB36355614215A48C813A08DEA801B46BD5612FA0BEA01763CEED5FA0E0F44B8B7F983F08F6CC6694D63C56A6EDC6498978373F1C71430167BC360144F26CFA8D06FE41F05CBC1D2B463DFA696F7A36A85E964F4F",
      key: "9F5213BC13841410BB1410141515E4D5",
      source: CORPUS_FILE,
      expect: { actuality_duration_s: 0, total_backward_m3: 0, total_m3: 10.617 },
    },
    {
      hex: "6E446D141949545605077ADF6360055AD21C5CAFEC3A71C0720754F2CA777E238D0318D35A2DE0F8FE592E9A0D0CACBD61DFD2815C21A7FA743D93B5E543847E3E67B5D80816A253DB655D4354B1A06C1FB7BAE99E0FA322BFF37A05FD651C5E3C09968AE4DF0D8D911FEE33EF31B9",
      key: "9F5213BC13841410BB1410141515E4D5",
      source: CORPUS_FILE,
      expect: { actuality_duration_s: 0, total_backward_m3: 0, total_m3: 4.492 },
    },
  ],
};
