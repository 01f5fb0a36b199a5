/**
 * What our wireless drivers do not give of wmbusmeters' printed values in the corpus
 * (fixtures/wmbusmeters_wmbus.json), by wmbusmeters driver: the printed names that are missing or differ
 * in some telegram of that driver, and why. corpus.test.ts holds every telegram to this list (a name
 * not listed that does not match fails) and the list to the telegrams (a listed name that matches in
 * every telegram of its driver fails: the list is then out of date).
 */

export interface CorpusGap {
  fields: readonly string[];
  reason: string;
}

const HYDRODIGIT_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
  .concat(["October", "November", "December"])
  .map((m) => `${m}_total_m3`);
const PREV = Array.from({ length: 18 }, (_, i) => `prev_${String(i + 1).padStart(2, "0")}_hca`);

export const CORPUS_GAPS: Readonly<Record<string, CorpusGap>> = {
  apator08: {
    fields: ["total_m3"],
    reason:
      "one telegram, manufacturer CI 0xA0: 0x14F242 / 3000 gives the value (a third of a litre per count?); one telegram cannot confirm such a scale",
  },
  apator172: {
    fields: ["total_m3"],
    reason:
      "one telegram, manufacturer CI 0xA0: 7179 is at no position of the payload as an integer or BCD with a decimal or 1/256 scale",
  },
  apatoreitn: {
    fields: ["current_hca"],
    reason: "0 in the only telegram: a payload position is not taken from a single zero (it is everywhere)",
  },
  apatorna1: {
    fields: ["historic_m3", "historic_age_h", "total_m3"],
    reason: "Apator NA-1 encrypts its proprietary payload with its own scheme (no OMS security mode)",
  },
  aquastream: {
    fields: ["battery_y"],
    reason:
      "wmbusmeters prints the remaining battery days (record 0xFD74: 5595) / 365 for this meter, / 365.2425 for the others (hydrus, topaseskr); unit y is the latter",
  },
  bfw240radio: {
    fields: ["current_hca", "prev_hca", ...PREV],
    reason:
      "BFW 240 sends its own layout after the 0x2F2F filler (no EN 13757-3 records; our decoder reads it as records): big-endian and bit-packed month values",
  },
  em24: {
    fields: ["total_apparent_energy_consumption_kvah"],
    reason:
      "no record of the telegram holds apparent energy (0.1 is the active-energy record's value, which is not read as another quantity)",
  },
  gwfwater: {
    fields: ["battery_y"],
    reason:
      "from the manufacturer status bits (0x01 0x20 0x01 after DIF 0x0F): bit fields the format has not",
  },
  hydrodigit: {
    fields: ["backflow_m3", "voltage_v", ...HYDRODIGIT_MONTHS],
    reason: "Bmeters packs the monthly volumes, backflow and voltage in its manufacturer data in bit fields",
  },
  hydrus: {
    fields: [
      "total_m3",
      "total_at_date_m3",
      "total_tariff1_m3",
      "total_tariff2_m3",
      "flow_m3h",
      "flow_temperature_c",
      "external_temperature_c",
      "total_tariff1_at_date_m3",
      "total_tariff2_at_date_m3",
      "actuality_duration_s",
      "operating_time_h",
    ],
    reason:
      "HydrusIzarRS: its configuration field 0x7D10 names security mode 29, which EN 13757-7 does not define (refused, typed error); HydrusAES: mode 5 and the corpus has no key for it",
  },
  izar: {
    fields: ["remaining_battery_life_y", "transmit_period_s"],
    reason: "bit fields of the Diehl PRIOS header (battery years, transmit period) that the format has not",
  },
  izarv2: {
    fields: ["battery_y", "transmit_period_s", "target_m3"],
    reason: "bit fields of the PRIOS header; target_m3 is 0 in one telegram (not taken from a single zero)",
  },
  mkradio3: {
    fields: ["total_m3"],
    reason: "total is the previous period's volume plus the current one, which wmbusmeters adds up",
  },
  mkradio3a: {
    fields: [
      "target_m3",
      "last_jan_m3",
      "last_feb_m3",
      "last_mar_m3",
      "last_apr_m3",
      "last_may_m3",
      "last_jun_m3",
      "last_jul_m3",
      "last_sep_m3",
      "last_oct_m3",
      "last_nov_m3",
      "last_dec_m3",
    ],
    reason: "monthly volumes packed in the Techem payload; one telegram does not pin down their coding",
  },
  multical21: {
    fields: ["flow_temperature_c", "max_flow_m3h", "min_flow_temperature_c", "total_m3"],
    reason:
      "a compact frame (format signature 0xC412) whose full frame the corpus lacks; a CRC search over plausible record headers gives hundreds of layouts, so it is not guessed",
  },
  qheatv2: {
    fields: [
      "energy_delta_2_kwh",
      "energy_delta_3_kwh",
      "energy_delta_4_kwh",
      "energy_delta_5_kwh",
      "energy_delta_6_kwh",
      "energy_delta_7_kwh",
      "energy_delta_9_kwh",
      "energy_delta_10_kwh",
      "energy_delta_11_kwh",
      "energy_delta_12_kwh",
      "target_kwh",
      "target_year_kwh",
      "total_kwh",
    ],
    reason:
      "month deltas wmbusmeters computes from the Qundis manufacturer record, whose layout differs by version",
  },
  qwater: {
    fields: ["total_m3", "due_date_m3", "due_17_date_m3", "volume_flow_m3h"],
    reason:
      "two telegrams whose L (55, 71) is 4 bytes short of their 60 and 76 bytes (EN 13757-4 clause 12.6: L counts the bytes after it): refused, not guessed",
  },
  qwaterv2: {
    fields: ["volume_delta_2_m3", "volume_delta_4_m3"],
    reason:
      "differences between monthly registers that wmbusmeters computes (-32.768 from a 0x8000 'no value'; 0 in one telegram only)",
  },
  supercom587: {
    fields: ["total_m3"],
    reason:
      "MyWarmWater: record 0C 13 48 56 00 00 is BCD 5648 litres = 5.648 m3 (EN 13757-3); the corpus says 6.548, which the bytes contradict",
  },
  vario451: {
    fields: ["total_kwh", "current_kwh", "previous_kwh"],
    reason: "values wmbusmeters computes from the Techem payload (GJ registers to kWh and their sum)",
  },
};
