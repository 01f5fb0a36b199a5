import type { Api } from "../api";
import type { View } from "../context";
import { fill, h, statusLine } from "../dom";
import { formatAmps, formatKw, formatKwh, formatTime, formatVolts } from "../lib/format";
import { energySince, householdPower, type LiveSnapshot, snapshotFromReading } from "../lib/live";
import { periodContaining } from "../lib/period";
import { pageItems } from "../lib/records";
import { createTrend } from "./trend";

/** Register values at the start of today (local midnight): the first reading the edge kept since then. */
async function baseline(edge: Api, meterId: string, since: number): Promise<LiveSnapshot | null> {
  const body = await edge.get(`/api/meters/${encodeURIComponent(meterId)}/readings`, {
    from: new Date(since).toISOString(),
    to: new Date().toISOString(),
    limit: 1,
  });
  const first = pageItems(body)[0];
  return first ? snapshotFromReading(first) : null;
}

function stat(label: string, id: string): { el: HTMLElement; value: HTMLElement } {
  const value = h("output", { id, class: "stat-value", "aria-live": "off" }, "–");
  const el = h("div", { class: "stat" }, h("span", { class: "stat-label" }, label), value);
  value.setAttribute("aria-label", label);
  return { el, value };
}

export const liveView: View = (root, ctx) => {
  const tz = ctx.household.timeZone;
  const meters = ctx.household.meters;
  const snaps = new Map<string, LiveSnapshot>();
  const base = new Map<string, LiveSnapshot>();
  const status = statusLine();
  let painted = false;

  const imp = stat("Import now", "live-import");
  const exp = stat("Export now", "live-export");
  const todayImp = stat("Imported today", "live-today-import");
  const todayExp = stat("Exported today", "live-today-export");
  const cards = new Map<string, HTMLElement>();
  const trend = createTrend(tz);

  fill(
    root,
    h("h2", {}, "Live"),
    h(
      "section",
      { class: "stats", "aria-label": `Household ${ctx.household.name}` },
      imp.el,
      exp.el,
      todayImp.el,
      todayExp.el,
    ),
    trend.el,
    status.el,
    h(
      "div",
      { class: "meters" },
      meters.map((m) => {
        const card = h("section", { class: "card meter", "data-meter": m.id, "aria-label": `Meter ${m.id}` });
        cards.set(m.id, card);
        return card;
      }),
    ),
  );
  if (meters.length === 0) status.set("No meters configured for this household.", "error");

  const renderMeter = (id: string) => {
    const card = cards.get(id);
    const s = snaps.get(id);
    if (!card) return;
    const info = meters.find((m) => m.id === id);
    const title = h(
      "h3",
      {},
      info?.name ?? id,
      info?.pv ? h("span", { class: "badge" }, "PV") : null,
      info?.role === "sub" ? h("span", { class: "badge" }, "sub-meter") : null,
    );
    if (!s) {
      fill(card, title, h("p", { class: "muted" }, "Waiting for the first reading…"));
      return;
    }
    const b = base.get(id);
    // Meters that send no per-phase power get no empty column for it.
    const phasePower = s.phases.some((p) => p.powerW !== null);
    fill(
      card,
      title,
      h(
        "dl",
        { class: "kv" },
        h("dt", {}, "Import"),
        h("dd", { "data-field": "importW", "data-w": s.importW ?? "" }, formatKw(s.importW)),
        h("dt", {}, "Export"),
        h("dd", { "data-field": "exportW", "data-w": s.exportW ?? "" }, formatKw(s.exportW)),
        h("dt", {}, "Import register"),
        h("dd", {}, formatKwh(s.importRegisterWh)),
        h("dt", {}, "Export register"),
        h("dd", {}, formatKwh(s.exportRegisterWh)),
        h("dt", {}, "Today"),
        h(
          "dd",
          {},
          `${formatKwh(energySince(b?.importRegisterWh ?? null, s.importRegisterWh))} in, ${formatKwh(
            energySince(b?.exportRegisterWh ?? null, s.exportRegisterWh),
          )} out`,
        ),
      ),
      s.phases.length
        ? h(
            "table",
            { class: "phases" },
            h("caption", {}, "Per phase"),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, "Phase"),
                h("th", { scope: "col" }, "Voltage"),
                h("th", { scope: "col" }, "Current"),
                phasePower ? h("th", { scope: "col" }, "Power") : null,
              ),
            ),
            h(
              "tbody",
              {},
              s.phases.map((p) =>
                h(
                  "tr",
                  {},
                  h("th", { scope: "row" }, `L${p.phase}`),
                  h("td", {}, formatVolts(p.voltageV)),
                  h("td", {}, formatAmps(p.currentA)),
                  phasePower ? h("td", {}, formatKw(p.powerW)) : null,
                ),
              ),
            ),
          )
        : null,
      h("p", { class: "muted small" }, `Updated ${formatTime(s.at, tz)}`),
    );
  };

  const renderTotals = () => {
    // The household's totals come from its main meters; sub-meters measure part of the same energy.
    const sub = new Set(meters.filter((m) => m.role === "sub").map((m) => m.id));
    const list = [...snaps.values()].filter((x) => !sub.has(x.meterId));
    const p = householdPower(list);
    imp.value.textContent = list.length ? formatKw(p.importW) : "–";
    imp.value.dataset.w = String(p.importW);
    exp.value.textContent = list.length ? formatKw(p.exportW) : "–";
    exp.value.dataset.w = String(p.exportW);
    let ti = 0;
    let te = 0;
    let known = false;
    for (const s of list) {
      const b = base.get(s.meterId);
      const i = energySince(b?.importRegisterWh ?? null, s.importRegisterWh);
      const e = energySince(b?.exportRegisterWh ?? null, s.exportRegisterWh);
      if (i !== null) {
        ti += i;
        known = true;
      }
      if (e !== null) te += e;
    }
    const newest = list.reduce((m, x) => Math.max(m, x.at), 0);
    if (list.length) trend.push(newest, p.importW, p.exportW);
    todayImp.value.textContent = known ? formatKwh(ti) : "–";
    todayExp.value.textContent = known ? formatKwh(te) : "–";
    if (list.length && !painted) {
      painted = true;
      root.dataset.painted = "1";
      performance.mark("omdp:live-painted");
    }
  };

  const accept = (raw: unknown) => {
    const s = snapshotFromReading(raw);
    if (!s || !cards.has(s.meterId)) return;
    const prev = snaps.get(s.meterId);
    if (prev && prev.at > s.at) return;
    snaps.set(s.meterId, s);
    // The first reading of the day is today's baseline when the edge has none older (just started).
    if (!base.has(s.meterId)) base.set(s.meterId, s);
    renderMeter(s.meterId);
    renderTotals();
  };

  for (const m of meters) renderMeter(m.id);
  const unsubscribe = ctx.stream.subscribe(accept);
  let alive = true;
  const midnight = periodContaining("day", Date.now(), tz).start;
  // Latest values first (fast first paint), then today's baselines.
  void Promise.all(
    meters.map(async (m) => {
      try {
        const latest = await ctx.edge.get(`/api/meters/${encodeURIComponent(m.id)}/latest`);
        if (alive) accept((latest as { reading?: unknown })?.reading ?? latest);
      } catch (err) {
        if (alive) status.set(`Latest values unavailable: ${(err as Error).message}`, "error");
      }
      try {
        const b = await baseline(ctx.edge, m.id, midnight);
        if (alive && b) {
          base.set(m.id, b);
          renderMeter(m.id);
          renderTotals();
        }
      } catch {
        // keep the first live reading as the baseline
      }
    }),
  );

  return () => {
    alive = false;
    unsubscribe();
    trend.destroy();
  };
};
