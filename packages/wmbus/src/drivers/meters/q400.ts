// wmbusmeters driver "q400" (water, manufacturer AXI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { CONSUMPTION_AT_SET_DATE_M3, TOTAL_BACKWARD_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_q400: WirelessDriver = {
  name: "q400",
  meter: "AXI water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "AXI", version: [16, 1], medium: [0x07] },
  fields: [
    TOTAL_M3_VIF_13,
    CONSUMPTION_AT_SET_DATE_M3,
    rec("total_forward", "m3", "volume", 0x13),
    TOTAL_BACKWARD_M3,
    rec("forward_at_set_date", "m3", "volume", 0x13, { storage: 1 }),
    rec("backward_at_set_date", "m3", "volume", 0x13, { storage: 1, vife: [0x3c] }),
    rec("error_code", "counter", "errorFlags", ["fd", 0x17], { function: "error" }),
    rec("error_free_time", "h", "operatingTime", 0x24),
  ],
  payload: [bytes("battery", "pct", 0, 1, "uint", undefined, sel("batteryRemaining", ["fd", 0x74]))],
  golden: [
    {
      hex: "2E4409077272727210077AD71020052F2F046D040D742C041377000000446D0000612C4413000000002F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 0.119, consumption_at_set_date_m3: 0 },
    },
    {
      hex: "5E4409077372727210077A710050052F2F046D0110A92704130000000004933B0000000004933C00000000023B000002592A0A446D0000A12744130000000044933B0000000044933C0000000001FD74622F2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: {
        total_m3: 0,
        total_forward_m3: 0,
        total_backward_m3: 0,
        flow_temperature_c: 26.02,
        volume_flow_m3h: 0,
        consumption_at_set_date_m3: 0,
        forward_at_set_date_m3: 0,
        backward_at_set_date_m3: 0,
        battery_pct: 98,
      },
    },
    {
      hex: "614409074897280601077AD1000000046D2C173B370420580193040413FB94000004933BFB94000004933C01000000023B02000259E306446D000021374413C08A000044933BC08A000044933C0100000034FD17000000000424BA01930401FD745B",
      source: CORPUS_FILE,
      expect: {
        backward_at_set_date_m3: 0.001,
        battery_pct: 91,
        consumption_at_set_date_m3: 35.52,
        error_code_counter: 0,
        error_free_time_h: 21317.527222,
        flow_temperature_c: 17.63,
        forward_at_set_date_m3: 35.52,
        on_time_h: 21317.5,
        total_backward_m3: 0.001,
        total_forward_m3: 38.139,
        total_m3: 38.139,
        volume_flow_m3h: 0.002,
      },
    },
  ],
};
