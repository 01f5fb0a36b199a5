import type { View } from "../context";
import { download, fill, h, statusLine } from "../dom";
import { formatDateTime } from "../lib/format";
import { pageItems } from "../lib/records";

/** What a consent can cover and at which resolution (the sharing module's consent contract). */
const PROPERTIES = ["energy", "power", "grid", "temperature", "events"] as const;
const RESOLUTIONS = ["raw", "PT15M", "PT1H", "P1D"] as const;
const RESOLUTION_TEXT: Record<string, string> = {
  raw: "every reading",
  PT15M: "15 minutes",
  PT1H: "hourly",
  P1D: "daily",
};

interface ConsentRow {
  id: string;
  recipient: string;
  properties: string[];
  resolution: string;
  until: string | null;
  grantedAt: string;
  revokedAt: string | null;
}

function toConsent(raw: unknown): ConsentRow | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || typeof o.recipient !== "string") return null;
  return {
    id: o.id,
    recipient: o.recipient,
    properties: Array.isArray(o.properties) ? o.properties.map(String) : [],
    resolution: typeof o.resolution === "string" ? o.resolution : "",
    until: typeof o.until === "string" ? o.until : null,
    grantedAt: typeof o.grantedAt === "string" ? o.grantedAt : "",
    revokedAt: typeof o.revokedAt === "string" ? o.revokedAt : null,
  };
}

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
    RESOLUTIONS.map((r) => h("option", { value: r, selected: r === "PT15M" }, RESOLUTION_TEXT[r] ?? r)),
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
      fill(
        table,
        rows.length === 0
          ? h("tr", {}, h("td", { colspan: "6" }, "No consents: nothing leaves your home."))
          : null,
        rows.map((c) =>
          h(
            "tr",
            { "data-id": c.id, "data-recipient": c.recipient, class: c.revokedAt ? "revoked" : "" },
            h("th", { scope: "row" }, c.recipient),
            h("td", {}, c.properties.join(", ")),
            h("td", {}, RESOLUTION_TEXT[c.resolution] ?? c.resolution),
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
                      onclick: async () => {
                        try {
                          await ctx.edge.send("DELETE", `/api/consents/${encodeURIComponent(c.id)}`);
                          status.set(`Consent for ${c.recipient} revoked.`);
                          await refresh();
                        } catch (err) {
                          status.set(`Revoke failed: ${(err as Error).message}`, "error");
                        }
                      },
                    },
                    "Revoke",
                  ),
            ),
          ),
        ),
      );
      fill(
        audit,
        pageItems(log)
          .slice(-200)
          .reverse()
          .map((raw) => {
            const e = (raw ?? {}) as Record<string, unknown>;
            const at = String(e.at ?? e.time ?? "");
            return h(
              "tr",
              {},
              h("td", {}, at ? formatDateTime(at, tz) : ""),
              h("td", {}, String(e.action ?? "")),
              h("td", {}, String(e.actor ?? e.by ?? "")),
              h("td", {}, String(e.recipient ?? "")),
              h(
                "td",
                { class: "small" },
                [
                  Array.isArray(e.properties) ? e.properties.join(", ") : String(e.properties ?? ""),
                  e.resolution ? `at ${RESOLUTION_TEXT[String(e.resolution)] ?? String(e.resolution)}` : "",
                  e.until ? `until ${formatDateTime(String(e.until), tz)}` : "",
                ]
                  .filter(Boolean)
                  .join(" "),
              ),
            );
          }),
      );
    } catch (err) {
      if (alive) status.set(`Consents unavailable: ${(err as Error).message}`, "error");
    }
  };

  const grant = async (e: Event) => {
    e.preventDefault();
    const properties = checks.filter((c) => c.checked).map((c) => c.value);
    if (properties.length === 0) {
      status.set("Choose at least one kind of data.", "error");
      return;
    }
    try {
      await ctx.edge.send("POST", "/api/consents", {
        recipient: recipient.value.trim(),
        properties,
        resolution: resolution.value,
        until: until.value ? new Date(`${until.value}T23:59:59`).toISOString() : null,
      });
      status.set(`Consent for ${recipient.value} granted.`);
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
