import type { View } from "../context";
import { fill, h, statusLine } from "../dom";
import { formatDateTime } from "../lib/format";
import { pageItems } from "../lib/records";
import {
  capacityBanner,
  detailsText,
  type EventRow,
  eventSummary,
  type Fact,
  householdEvents,
  powerRule,
  rulesOf,
} from "./alerts-model";

function factList(facts: readonly Fact[]): HTMLElement {
  return h(
    "dl",
    { class: "facts" },
    facts.flatMap(([label, text]) => [h("dt", {}, label), h("dd", {}, text)]),
  );
}

/**
 * Alerts: the household's events of the last 30 days (acknowledge each), and the events module's rules
 * (a power-threshold form and the JSON of all rules). Data in alerts-model.
 */
export const alertsView: View = (root, ctx) => {
  const tz = ctx.household.timeZone;
  const meters = new Set(ctx.household.meters.map((m) => m.id));
  const status = statusLine();
  const list = h("ul", { class: "events", id: "alerts-list", "aria-label": "Alerts" });
  const banner = h("section", {
    id: "capacity-warning",
    class: "card capacity",
    hidden: true,
    role: "alert",
  });
  const rulesText = h("textarea", { id: "rules-json", rows: "10", spellcheck: "false", class: "mono" });
  const rulesStatus = statusLine();
  let alive = true;
  let rules: unknown[] = [];

  const meterOptions = ctx.household.meters.map((m) => h("option", { value: m.id }, m.name ?? m.id));
  const ruleMeter = h("select", { id: "rule-meter" }, meterOptions);
  const ruleKw = h("input", {
    id: "rule-kw",
    type: "number",
    min: "0",
    step: "0.1",
    value: "3",
    inputmode: "decimal",
  });
  const ruleSecs = h("input", { id: "rule-secs", type: "number", min: "0", step: "1", value: "0" });
  const ruleSeverity = h(
    "select",
    { id: "rule-severity" },
    ["info", "warning", "critical"].map((s) => h("option", { value: s, selected: s === "warning" }, s)),
  );

  const refresh = async () => {
    try {
      const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
      const body = await ctx.edge.get("/api/events", { from });
      if (!alive) return;
      renderEvents(householdEvents(pageItems(body), meters));
      status.set("");
    } catch (err) {
      if (alive) status.set(`Alerts unavailable: ${(err as Error).message}`, "error");
    }
  };

  const acknowledge = async (e: EventRow) => {
    try {
      await ctx.edge.send("POST", `/api/events/${encodeURIComponent(e.id)}/ack`);
      await refresh();
    } catch (err) {
      status.set(`Acknowledge failed: ${(err as Error).message}`, "error");
    }
  };

  const renderBanner = (rows: readonly EventRow[]) => {
    const b = capacityBanner(rows, Date.now());
    banner.hidden = b === null;
    if (!b) return;
    const sum = eventSummary(b.event, tz);
    banner.dataset.active = b.active ? "1" : "0";
    banner.dataset.id = b.event.id;
    fill(
      banner,
      h("h3", {}, b.active ? sum.headline : `Last capacity peak warning (${formatDateTime(b.event.at, tz)})`),
      factList(sum.facts),
    );
  };

  const renderEvents = (rows: readonly EventRow[]) => {
    renderBanner(rows);
    fill(
      list,
      rows.length === 0 ? h("li", { class: "muted" }, "No alerts in the last 30 days.") : null,
      rows.map((e) => {
        const sum = eventSummary(e, tz);
        return h(
          "li",
          { class: `event sev-${e.severity} kind-${sum.kind}`, "data-type": e.type, "data-id": e.id },
          h("span", { class: `badge sev-${e.severity}` }, e.severity),
          h("strong", {}, sum.kind === "other" ? e.type : sum.headline),
          h("span", {}, e.meterId),
          h("time", { datetime: e.at }, formatDateTime(e.at, tz)),
          sum.facts.length
            ? factList(sum.facts)
            : detailsText(e)
              ? h("span", { class: "muted small" }, detailsText(e))
              : null,
          e.acknowledged
            ? h("span", { class: "muted" }, "acknowledged")
            : h(
                "button",
                {
                  type: "button",
                  "aria-label": `Acknowledge ${e.type} at ${formatDateTime(e.at, tz)}`,
                  onclick: () => void acknowledge(e),
                },
                "Acknowledge",
              ),
        );
      }),
    );
  };

  const loadRules = async () => {
    try {
      rules = rulesOf(await ctx.edge.get("/api/rules"));
      rulesText.value = JSON.stringify(rules, null, 2);
    } catch (err) {
      rulesStatus.set(`Rules unavailable: ${(err as Error).message}`, "error");
    }
  };

  const saveRules = async (next: unknown[]) => {
    try {
      const saved = await ctx.edge.send("PUT", "/api/rules", { rules: next });
      rules = rulesOf(saved ?? { rules: next });
      if (rules.length === 0) rules = next;
      rulesText.value = JSON.stringify(rules, null, 2);
      rulesStatus.set(`Saved ${next.length} rule(s).`);
    } catch (err) {
      rulesStatus.set(`Saving failed: ${(err as Error).message}`, "error");
    }
  };

  fill(
    root,
    h("h2", {}, "Alerts"),
    status.el,
    banner,
    list,
    h("h2", {}, "Rules"),
    h(
      "form",
      {
        class: "card form-grid",
        id: "rule-form",
        "aria-label": "Add a power threshold rule",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const rule = powerRule(
            ruleMeter.value,
            Number(ruleKw.value),
            Number(ruleSecs.value),
            ruleSeverity.value,
            Date.now(),
          );
          void saveRules([...rules, rule]);
        },
      },
      h("label", { for: "rule-meter" }, "Meter"),
      ruleMeter,
      h("label", { for: "rule-kw" }, "Power above (kW)"),
      ruleKw,
      h("label", { for: "rule-secs" }, "For at least (s)"),
      ruleSecs,
      h("label", { for: "rule-severity" }, "Severity"),
      ruleSeverity,
      h("button", { type: "submit" }, "Add rule"),
    ),
    h(
      "div",
      { class: "card" },
      h("label", { for: "rules-json" }, "All rules (JSON, as the events module defines them)"),
      rulesText,
      h(
        "button",
        {
          type: "button",
          id: "rules-save",
          onclick: () => {
            try {
              const parsed = JSON.parse(rulesText.value) as unknown;
              void saveRules(rulesOf(parsed));
            } catch (err) {
              rulesStatus.set(`Not valid JSON: ${(err as Error).message}`, "error");
            }
          },
        },
        "Save rules",
      ),
      rulesStatus.el,
    ),
  );

  void refresh();
  void loadRules();
  const timer = setInterval(() => void refresh(), 5_000);
  return () => {
    alive = false;
    clearInterval(timer);
  };
};
