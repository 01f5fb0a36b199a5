import "./styles.css";
import type { CloudSession, SessionProblem } from "./auth";
import { type AppContext, makeApis, type View } from "./context";
import { fill, h } from "./dom";
import { pageItems } from "./lib/records";
import {
  type AppConfig,
  type Household,
  mergeSettings,
  parseConfig,
  type UserSettings,
} from "./lib/settings";
import { isValidTimeZone } from "./lib/tz";
import { createLiveStream } from "./stream";
import { alertsView } from "./views/alerts";
import { historyView } from "./views/history";
import { householdView } from "./views/household";
import { liveView } from "./views/live";
import { privacyView } from "./views/privacy";
import { settingsView } from "./views/settings";

const USER_KEY = "omdp.settings";
const ROUTES: { id: string; label: string; view?: View }[] = [
  { id: "live", label: "Live", view: liveView },
  { id: "household", label: "Household", view: householdView },
  { id: "history", label: "History", view: historyView },
  { id: "alerts", label: "Alerts", view: alertsView },
  { id: "privacy", label: "Privacy", view: privacyView },
  { id: "settings", label: "Settings" },
];

function loadUser(): UserSettings {
  try {
    return JSON.parse(localStorage.getItem(USER_KEY) ?? "{}") as UserSettings;
  } catch {
    return {};
  }
}

async function fetchConfig(fallbackTz: string): Promise<AppConfig> {
  try {
    const res = await fetch("config.json", { cache: "no-store" });
    return parseConfig(res.ok ? await res.json() : null, fallbackTz);
  } catch {
    return parseConfig(null, fallbackTz);
  }
}

/** Households from the config, or one household of every meter the edge knows. */
async function households(
  ctx: Pick<AppContext, "edge">,
  config: AppConfig,
  tz: string,
): Promise<Household[]> {
  if (config.households.length) return [...config.households];
  try {
    const body = await ctx.edge.get<unknown>("/api/meters");
    const list = pageItems(body);
    const meters = list
      .map((m) =>
        typeof m === "string"
          ? m
          : ((m as { id?: string; meterId?: string })?.id ?? (m as { meterId?: string })?.meterId),
      )
      .filter((id): id is string => typeof id === "string")
      .map((id) => ({ id }));
    return [{ id: "home", name: "Home", timeZone: tz, meters }];
  } catch {
    return [{ id: "home", name: "Home", timeZone: tz, meters: [] }];
  }
}

async function start(): Promise<void> {
  const browserTz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const served = await fetchConfig(browserTz);
  let user = loadUser();
  const config = mergeSettings(served, user);
  // Sign-in problems (a failed redirect, an ended session) are shown, never swallowed.
  const problem = h("div", { id: "auth-problem", class: "banner", role: "alert", hidden: true });
  let session: CloudSession | null = null;
  const showProblem = (p: SessionProblem) => {
    problem.hidden = false;
    problem.dataset.kind = p.kind;
    fill(
      problem,
      h("span", {}, p.message),
      session && (p.kind === "signin-required" || !session.account)
        ? h("button", { type: "button", onclick: () => void session?.login().catch(fail) }, "Sign in")
        : null,
    );
  };
  const fail = (err: unknown) => showProblem({ kind: "error", message: (err as Error).message });
  if (config.auth.mode === "msal") {
    let last: SessionProblem | null = null;
    const report = (p: SessionProblem) => {
      last = p;
      showProblem(p);
    };
    try {
      // Loaded only in this mode: the dev-token mode of the local platform does not ship MSAL's code.
      const { startMsalSession } = await import("./auth");
      session = await startMsalSession(config.auth, report, () => {
        if (problem.dataset.kind === "signin-required") problem.hidden = true;
      });
      if (!session.account) {
        // A refused sign-in stays visible (with its Sign in button); otherwise say what to do.
        showProblem(last ?? { kind: "signin-required", message: "Sign in to see your data." });
      }
    } catch (err) {
      showProblem({ kind: "error", message: `Sign-in failed: ${(err as Error).message}` });
    }
  }
  let household: Household | undefined;
  // The token the user entered wins; locally the platform hands over one per household.
  const cloudToken = () =>
    config.auth.mode === "msal"
      ? (session?.token() ?? "")
      : user.cloudToken || household?.cloudToken || config.cloudToken;
  const apis = makeApis(config, cloudToken);
  const homes = await households(apis, config, browserTz);
  household = homes.find((x) => x.id === user.householdId) ?? homes[0]!;
  if (!isValidTimeZone(household.timeZone)) household = { ...household, timeZone: browserTz };
  const stream = createLiveStream(apis.edge);

  const save = (u: UserSettings) => {
    user = { ...user, ...u };
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    location.reload();
  };

  const indicator = h("span", { id: "connection", class: "conn", role: "status", "aria-live": "polite" });
  stream.onState((state, detail) => {
    indicator.dataset.state = state;
    indicator.textContent = state === "connected" ? "Edge connected" : `Edge offline: ${detail}`;
  });
  const homeSelect = h(
    "select",
    { id: "household", "aria-label": "Household" },
    homes.map((x) => h("option", { value: x.id, selected: x.id === household.id }, x.name)),
  );
  homeSelect.addEventListener("change", () => save({ householdId: homeSelect.value }));
  const links = ROUTES.map((r) => h("a", { href: `#/${r.id}`, "data-route": r.id }, r.label));
  const main = h("main", { id: "main", tabindex: "-1" });
  const app = document.getElementById("app")!;
  fill(
    app,
    h("a", { href: "#main", class: "skip" }, "Skip to content"),
    h(
      "header",
      {},
      h("h1", {}, "Meter data"),
      homeSelect,
      h("span", { class: "muted small", title: "Times are shown in this zone" }, household.timeZone),
      indicator,
      h("span", { class: "mode muted small" }, config.detached ? "detached" : "cloud"),
    ),
    problem,
    h("nav", { "aria-label": "Views" }, links),
    main,
  );

  const ctx: AppContext = { config, household, stream, ...apis };
  document.documentElement.dataset.household = household.id;
  let unmount: () => void = () => {};
  const route = () => {
    const id = location.hash.replace(/^#\/?/, "").split("?")[0] || "live";
    const r = ROUTES.find((x) => x.id === id) ?? ROUTES[0]!;
    for (const a of links) {
      if (a.dataset.route === r.id) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    unmount();
    main.replaceChildren();
    main.dataset.view = r.id;
    unmount = r.view ? r.view(main, ctx) : settingsView(main, config, user, save, session);
    document.title = `${r.label} · Meter data`;
  };
  window.addEventListener("hashchange", route);
  route();
}

void start();
