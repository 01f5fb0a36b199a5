/** The Privacy view's tables, drawn from the model's rows (no API calls here). */
import { fill, h } from "../dom";
import { formatDateTime } from "../lib/format";
import { type AuditRow, type ConsentRow, resolutionText } from "./privacy-model";

export function renderConsents(
  tbody: HTMLElement,
  rows: readonly ConsentRow[],
  tz: string,
  revoke: (c: ConsentRow) => void,
): void {
  fill(
    tbody,
    rows.length === 0
      ? h("tr", {}, h("td", { colspan: "6" }, "No consents: nothing leaves your home."))
      : null,
    rows.map((c) =>
      h(
        "tr",
        { "data-id": c.id, "data-recipient": c.recipient, class: c.revokedAt ? "revoked" : "" },
        h("th", { scope: "row" }, c.recipient),
        h("td", {}, c.properties.join(", ")),
        h("td", {}, resolutionText(c.resolution)),
        h("td", {}, c.until ? formatDateTime(c.until, tz) : "until revoked"),
        h("td", {}, c.revokedAt ? `revoked ${formatDateTime(c.revokedAt, tz)}` : "active"),
        h(
          "td",
          {},
          c.revokedAt
            ? null
            : h(
                "button",
                {
                  type: "button",
                  class: "danger",
                  "aria-label": `Revoke consent for ${c.recipient}`,
                  onclick: () => revoke(c),
                },
                "Revoke",
              ),
        ),
      ),
    ),
  );
}

export function renderAudit(tbody: HTMLElement, rows: readonly AuditRow[], tz: string): void {
  fill(
    tbody,
    rows.map((e) =>
      h(
        "tr",
        {},
        h("td", {}, e.at ? formatDateTime(e.at, tz) : ""),
        h("td", {}, e.action),
        h("td", {}, e.actor),
        h("td", {}, e.recipient),
        h(
          "td",
          { class: "small" },
          [
            e.properties,
            e.resolution ? `at ${resolutionText(e.resolution)}` : "",
            e.until ? `until ${formatDateTime(e.until, tz)}` : "",
          ]
            .filter(Boolean)
            .join(" "),
        ),
      ),
    ),
  );
}
