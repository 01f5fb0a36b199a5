// wmbusmeters driver "waterstarm" (water, manufacturer EFE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { WATERSTARM_DWZ_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_waterstarm_efe: WirelessDriver = {
  name: "waterstarm",
  meter: "EFE water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "EFE", version: [112], medium: [0x07] },
  fields: [
    rec("consumption_at_history_10", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_11", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_12", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_13", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_14", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_15", "m3", "volume", 0x13, { storage: 9 }),
    rec("consumption_at_history_2", "m3", "volume", 0x13, { storage: 2 }),
    rec("consumption_at_history_3", "m3", "volume", 0x13, { storage: 2 }),
    rec("consumption_at_history_5", "m3", "volume", 0x13, { storage: 5 }),
    rec("consumption_at_history_6", "m3", "volume", 0x13, { storage: 1 }),
    rec("consumption_at_history_7", "m3", "volume", 0x13, { storage: 1 }),
    rec("consumption_at_history_9", "m3", "volume", 0x13, { storage: 9 }),
    rec("total_backwards_at_set_date", "m3", "volume", 0x13, { storage: 1 }),
    ...WATERSTARM_DWZ_FIELDS,
  ],
  payload: [],
  golden: [
    {
      hex: "A144C5142966495070078C20D07A0D0090257DB8BB9938A1FF7C4B9A4492F4EA5F278B725057EEE6837C17397E9605F3A448A338BD8407A2A5846632C334DFF577F427F054F55E68A00FA5C85CCBC808CCDD2BB537A83234A50392968F00C1D7473455F9FC4C88FB195CA1712325DA8C6AA7FDB7C4B77B9B84A4A0CCAC4F586775FA66007DBDC2C615B69247401E9B9A863AC5A5873484B1B7D0178198E88F701E53",
      key: "FFEEDDCCBBAA00998877665544332211",
      source: CORPUS_FILE,
      expect: {
        consumption_at_history_10_m3: -0.001,
        consumption_at_history_11_m3: -0.001,
        consumption_at_history_12_m3: -0.001,
        consumption_at_history_13_m3: -0.001,
        consumption_at_history_14_m3: -0.001,
        consumption_at_history_15_m3: -0.001,
        consumption_at_history_1_m3: 0.003,
        consumption_at_history_2_m3: 0.003,
        consumption_at_history_3_m3: 0.003,
        consumption_at_history_4_m3: 0.002,
        consumption_at_history_5_m3: 0.002,
        consumption_at_history_6_m3: 0,
        consumption_at_history_7_m3: 0,
        consumption_at_history_8_m3: -0.001,
        consumption_at_history_9_m3: -0.001,
        consumption_at_set_date_m3: 0,
        total_backwards_at_set_date_m3: 0,
        total_m3: 0.003,
      },
    },
  ],
};
