/**
 * Telegram to the project's PropertyValue list (@omdp/model): one value per register, with the OBIS id
 * as the property (`1-0:1.8.1`), in Wh / W / var / varh / V / A / m3. Capture times of timestamped
 * objects (M-Bus channels 0-n:24.2.1, the Fluvius monthly peak 1-0:1.6.0) follow as `<id>@time` with the
 * RFC 3339 text. Text objects are string values. Profile buffers stay in the telegram only.
 * Totals: where a meter sends only tariff registers (1-0:1.8.1, 1-0:1.8.2, ...), 1-0:1.8.0 and 1-0:2.8.0
 * are derived as their sum and listed by derivedProperties.
 */
import type { PropertyValue } from "@omdp/model";
import type { DsmrTelegram } from "./telegram";

const TOTALS: readonly [total: string, tariffPrefix: string][] = [
  ["1-0:1.8.0", "1-0:1.8."],
  ["1-0:2.8.0", "1-0:2.8."],
];

export function toReadingValues(t: DsmrTelegram): PropertyValue[] {
  const out: PropertyValue[] = [];
  for (const o of t.objects) {
    if (o.shape === "profile" || o.obis === "0-0:1.0.0") continue;
    if (o.value !== undefined) out.push({ property: o.obis, value: o.value.value, unit: o.value.unit });
    else if (o.text !== undefined) out.push({ property: o.obis, value: o.text, unit: "" });
    if (o.time !== undefined && o.value !== undefined) {
      out.push({ property: `${o.obis}@time`, value: o.time.iso ?? o.time.local, unit: "" });
    }
  }
  for (const d of derivedTotals(t)) out.push(d);
  return out;
}

/** The ids toReadingValues derived rather than read. */
export function derivedProperties(t: DsmrTelegram): string[] {
  return derivedTotals(t).map((d) => d.property);
}

/** 1-0:1.8.0 / 1-0:2.8.0 as the sum of their tariff registers (Wh) where the telegram sends no total. */
export function derivedTotals(t: DsmrTelegram): PropertyValue[] {
  const out: PropertyValue[] = [];
  for (const [total, prefix] of TOTALS) {
    // one pass: is the total there, else the sum of the Wh tariff registers in telegram order
    let present = false;
    let tariffs = 0;
    let sum = 0;
    for (const o of t.objects) {
      if (o.obis === total) {
        present = true;
        break;
      }
      if (o.value?.unit === "Wh" && o.obis.startsWith(prefix)) {
        tariffs++;
        sum += o.value.value;
      }
    }
    if (!present && tariffs > 0) out.push({ property: total, value: sum, unit: "Wh" });
  }
  return out;
}
