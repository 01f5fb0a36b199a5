// wmbusmeters driver "qcaloric" (heat cost allocation, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { CONSUMPTION_AT_SET_DATE_1_HCA, CONSUMPTION_AT_SET_DATE_HCA } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

/** The record whose data several payload fields read. */
const RECORD_1 = sel("manufacturerSpecific", ["manufacturer", 0x5f]);

export const wm_qcaloric: WirelessDriver = {
  name: "qcaloric",
  meter: "QDS heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "QDS", version: [53, 54, 52], medium: [0x08] },
  fields: [
    CONSUMPTION_AT_SET_DATE_HCA,
    CONSUMPTION_AT_SET_DATE_1_HCA,
    rec("consumption_at_set_date_17", "hca", "hcaUnits", 0x6e, { storage: 17 }),
  ],
  payload: [
    bytes("current_consumption", "hca", 12, 4, "bcd", undefined, RECORD_1),
    bytes("consumption_at_set_date", "hca", 18, 4, "bcd", undefined, RECORD_1),
    bytes("consumption_at_set_date_1", "hca", 18, 4, "bcd", undefined, RECORD_1),
    bytes("consumption_at_set_date_17", "hca", 12, 4, "bcd", undefined, RECORD_1),
  ],
  golden: [
    {
      hex: "314493441234567835087A740000200B6E2701004B6E450100426C5F2CCB086E790000C2086C7F21326CFFFF046D200B7422",
      source: CORPUS_FILE,
      expect: {
        current_consumption_hca: 127,
        consumption_at_set_date_hca: 145,
        consumption_at_set_date_1_hca: 145,
        consumption_at_set_date_17_hca: 79,
      },
    },
    {
      hex: "314493441434568835087A740000200B6E2701004B6E450100426C5F2CCB086E790000C2086C7F21326CFFFF046D200B7422",
      source: CORPUS_FILE,
      expect: {
        current_consumption_hca: 127,
        consumption_at_set_date_hca: 145,
        consumption_at_set_date_1_hca: 145,
        consumption_at_set_date_17_hca: 79,
      },
    },
    {
      hex: "49449344939291903408780DFF5F350082180000800007B06EFFFF970000009F2C70020000BE26970000000000010018002E001F002E0023FF210008000500020000002F046D220FA228",
      source: CORPUS_FILE,
      expect: {
        current_consumption_hca: 97,
        consumption_at_set_date_hca: 270,
        consumption_at_set_date_1_hca: 270,
        consumption_at_set_date_17_hca: 97,
      },
    },
  ],
};
