/** The household page's DOM: a section per medium, a card per meter (no arithmetic here). */
import { h } from "../dom";
import { formatDateTime } from "../lib/format";
import type { MediumSection, MeterPanel, ShownValue } from "./household-model";

function valueRows(values: readonly ShownValue[]): HTMLElement[] {
  return values.flatMap((v) => [
    h("dt", {}, v.label),
    h("dd", { "data-property": v.property, "data-value": v.value }, v.text),
  ]);
}

function consumptionRows(label: string, field: string, values: readonly ShownValue[] | null): HTMLElement[] {
  const text = values === null ? "–" : values.length ? values.map((v) => v.text).join(", ") : "none";
  return [h("dt", {}, label), h("dd", { "data-field": field }, text)];
}

export function renderMeterPanel(p: MeterPanel, timeZone: string): HTMLElement {
  return h(
    "section",
    { class: "card meter", "data-meter": p.meterId, "data-at": p.at ?? "", "aria-label": `Meter ${p.name}` },
    h("h4", {}, p.name),
    p.at === null
      ? h("p", { class: "muted" }, "No reading yet.")
      : h(
          "dl",
          { class: "kv" },
          valueRows(p.values),
          p.status === null
            ? null
            : [
                h("dt", {}, "Status"),
                h("dd", { "data-field": "status", class: p.status === "OK" ? "" : "bad" }, p.status),
              ],
        ),
    h(
      "dl",
      { class: "kv consumption" },
      consumptionRows("Today", "today", p.today),
      consumptionRows("This month", "month", p.month),
    ),
    p.at === null ? null : h("p", { class: "muted small" }, `Read ${formatDateTime(p.at, timeZone)}`),
  );
}

export function renderMediumSection(s: MediumSection, timeZone: string): HTMLElement {
  return h(
    "section",
    { class: "medium", "data-medium": s.medium, "aria-label": s.title },
    h("h3", {}, s.title),
    h(
      "div",
      { class: "meters" },
      s.meters.map((m) => renderMeterPanel(m, timeZone)),
    ),
  );
}
