import type { View } from "../context";
import { download, fill, h, statusLine } from "../dom";
import { pageItems } from "../lib/records";
import {
  type ConsentRow,
  grantBody,
  PROPERTIES,
  RESOLUTIONS,
  recentAudit,
  resolutionText,
  toConsent,
} from "./privacy-model";
import { renderAudit, renderConsents } from "./privacy-render";

/**
 * Privacy: the consents (who gets which data at which detail until when), granting and revoking them,
 * the exports and the deletion request, and the audit log. Data in privacy-model, tables in
 * privacy-render.
 */
export const privacyView: View = (root, ctx) => {
  const tz = ctx.household.timeZone;
  const status = statusLine();
  const table = h("tbody", { id: "consents" });
  const audit = h("tbody", { id: "audit" });
  let alive = true;

  const recipient = h("input", {
    id: "consent-recipient",
    value: "cloud",
    list: "recipients",
    required: true,
  });
  const checks = PROPERTIES.map((p) =>
    h("input", {
      type: "checkbox",
      id: `consent-p-${p}`,
      value: p,
      checked: p === "energy" || p === "events",
    }),
  );
  const resolution = h(
    "select",
    { id: "consent-resolution" },
    RESOLUTIONS.map((r) => h("option", { value: r, selected: r === "PT15M" }, resolutionText(r))),
  );
  const until = h("input", { id: "consent-until", type: "date" });

  const refresh = async () => {
    try {
      const [consents, log] = await Promise.all([
        ctx.edge.get("/api/consents"),
        ctx.edge.get("/api/consents/audit").catch(() => []),
      ]);
      if (!alive) return;
      const rows = pageItems(consents)
        .map(toConsent)
        .filter((c): c is ConsentRow => c !== null);
      renderConsents(table, rows, tz, revoke);
      renderAudit(audit, recentAudit(pageItems(log)), tz);
    } catch (err) {
      if (alive) status.set(`Consents unavailable: ${(err as Error).message}`, "error");
    }
  };

  const revoke = async (c: ConsentRow) => {
    try {
      await ctx.edge.send("DELETE", `/api/consents/${encodeURIComponent(c.id)}`);
      status.set(`Consent for ${c.recipient} revoked.`);
      await refresh();
    } catch (err) {
      status.set(`Revoke failed: ${(err as Error).message}`, "error");
    }
  };

  const grant = async (e: Event) => {
    e.preventDefault();
    const g = grantBody(
      {
        recipient: recipient.value,
        properties: checks.filter((c) => c.checked).map((c) => c.value),
        resolution: resolution.value,
        untilDate: until.value,
      },
      tz,
    );
    if ("error" in g) {
      status.set(g.error, "error");
      return;
    }
    try {
      await ctx.edge.send("POST", "/api/consents", g.body);
      status.set(`Consent for ${g.body.recipient} granted.`);
      await refresh();
    } catch (err) {
      status.set(`Grant failed: ${(err as Error).message}`, "error");
    }
  };

  const exportEdge = async () => {
    try {
      const res = await fetch(ctx.edge.url("/api/export"), {
        headers: { authorization: `Bearer ${ctx.edge.token()}` },
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      download(`omdp-export-${ctx.household.id}.jsonl`, await res.text(), "application/x-ndjson");
      status.set("Export of the data stored at home downloaded.");
    } catch (err) {
      status.set(`Export failed: ${(err as Error).message}`, "error");
    }
  };

  const cloudAction = async (kind: "export" | "delete") => {
    if (!ctx.cloud) return;
    if (kind === "delete" && !window.confirm("Request deletion of all your data in the cloud?")) return;
    try {
      const path = `/api/households/${encodeURIComponent(ctx.household.id)}/${kind === "export" ? "export" : "data"}`;
      const body = (await ctx.cloud.send(kind === "export" ? "POST" : "DELETE", path)) as Record<
        string,
        unknown
      >;
      const link = typeof body?.url === "string" ? body.url : typeof body?.link === "string" ? body.link : "";
      status.set(
        kind === "export"
          ? link
            ? `Cloud export ready: ${link}`
            : "Cloud export requested."
          : `Cloud deletion done: ${JSON.stringify(body?.deleted ?? body ?? {})}`,
      );
    } catch (err) {
      status.set(
        `${kind === "export" ? "Export" : "Deletion"} request failed: ${(err as Error).message}`,
        "error",
      );
    }
  };

  fill(
    root,
    h("h2", {}, "Privacy"),
    h("p", {}, "You decide what leaves your home, at which detail, and for how long."),
    status.el,
    h(
      "div",
      { class: "scroll-x" },
      h(
        "table",
        { class: "data" },
        h("caption", {}, "Consents"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Who", "Which data", "Resolution", "Until", "Status", ""].map((t) =>
              h("th", { scope: "col" }, t),
            ),
          ),
        ),
        table,
      ),
    ),
    h(
      "form",
      { class: "card form-grid", "aria-label": "Grant a consent", onsubmit: grant },
      h("label", { for: "consent-recipient" }, "Recipient"),
      recipient,
      h("datalist", { id: "recipients" }, h("option", { value: "cloud" })),
      h(
        "fieldset",
        {},
        h("legend", {}, "Which data"),
        PROPERTIES.map((p, i) => h("label", { class: "check" }, checks[i]!, ` ${p}`)),
      ),
      h("label", { for: "consent-resolution" }, "Resolution"),
      resolution,
      h("label", { for: "consent-until" }, "Until (empty: until revoked)"),
      until,
      h("button", { type: "submit", id: "consent-grant" }, "Grant"),
    ),
    h(
      "div",
      { class: "card" },
      h("h3", {}, "Your data"),
      h("button", { type: "button", onclick: exportEdge }, "Download everything stored at home"),
      ctx.cloud
        ? [
            h("button", { type: "button", onclick: () => cloudAction("export") }, "Request cloud export"),
            h(
              "button",
              { type: "button", class: "danger", onclick: () => cloudAction("delete") },
              "Request deletion in the cloud",
            ),
          ]
        : h("p", { class: "muted" }, "Detached: no data is in the cloud."),
    ),
    h(
      "div",
      { class: "scroll-x" },
      h(
        "table",
        { class: "data" },
        h("caption", {}, "Audit log"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["When", "What", "Who", "Recipient", "Details"].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        audit,
      ),
    ),
  );
  void refresh();
  return () => {
    alive = false;
  };
};
