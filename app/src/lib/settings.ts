/**
 * What the app needs to run: where the cloud and the edge are, their tokens, the households. Defaults come
 * from `/config.json` (served by the local platform: localhost only), and what the user entered (login,
 * pairing) overrides them. Pure merging; storage is the caller's.
 */
export interface MeterInfo {
  readonly id: string;
  readonly kind?: string;
  readonly pv?: boolean;
  /** `sub`: behind the main meter; shown, but not added to the household's totals. */
  readonly role?: "main" | "sub";
  readonly name?: string;
}

export interface Household {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly meters: readonly MeterInfo[];
  /** Local platform only: a dev token of the cloud scoped to this household. */
  readonly cloudToken?: string;
}

export interface AuthConfig {
  /** `dev`: a pasted or handed-over token; `msal`: Entra ID sign-in (authorization code + PKCE). */
  readonly mode: "dev" | "msal";
  readonly clientId?: string;
  /** e.g. https://login.microsoftonline.com/<tenant-id> */
  readonly authority?: string;
  readonly scopes?: readonly string[];
  readonly redirectUri?: string;
}

export interface AppConfig {
  /** Cloud API base (without `/api`); empty: detached, history from the edge. */
  readonly cloudUrl: string;
  readonly edgeUrl: string;
  readonly cloudToken: string;
  readonly edgeToken: string;
  readonly detached: boolean;
  readonly households: readonly Household[];
  readonly auth: AuthConfig;
}

export type UserSettings = Partial<
  Pick<AppConfig, "cloudUrl" | "edgeUrl" | "cloudToken" | "edgeToken" | "detached">
> & {
  householdId?: string;
};

export const DEFAULT_CONFIG: AppConfig = {
  cloudUrl: "",
  edgeUrl: "",
  cloudToken: "",
  edgeToken: "",
  detached: true,
  households: [],
  auth: { mode: "dev" },
};

const str = (v: unknown, d: string): string => (typeof v === "string" ? v : d);

function parseHousehold(raw: unknown, fallbackTz: string): Household | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || !o.id) return null;
  const meters = Array.isArray(o.meters)
    ? o.meters
        .filter((m): m is Record<string, unknown> => !!m && typeof m === "object" && typeof m.id === "string")
        .map((m) => ({
          id: m.id as string,
          kind: typeof m.kind === "string" ? m.kind : undefined,
          pv: m.pv === true,
          role: m.role === "sub" ? ("sub" as const) : ("main" as const),
          name: typeof m.name === "string" ? m.name : undefined,
        }))
    : [];
  return {
    id: o.id,
    name: str(o.name, o.id),
    timeZone: str(o.timeZone, fallbackTz) || fallbackTz,
    meters,
    ...(typeof o.cloudToken === "string" && o.cloudToken ? { cloudToken: o.cloudToken } : {}),
  };
}

/** `/config.json` as served, validated field by field (unknown fields ignored, bad ones defaulted). */
export function parseConfig(raw: unknown, fallbackTz: string): AppConfig {
  if (!raw || typeof raw !== "object") return DEFAULT_CONFIG;
  const o = raw as Record<string, unknown>;
  const households = Array.isArray(o.households)
    ? o.households.map((h) => parseHousehold(h, fallbackTz)).filter((h): h is Household => h !== null)
    : [];
  const a = (o.auth && typeof o.auth === "object" ? o.auth : {}) as Record<string, unknown>;
  const cloudUrl = str(o.cloudUrl, "");
  return {
    cloudUrl,
    edgeUrl: str(o.edgeUrl, ""),
    cloudToken: str(o.cloudToken, ""),
    edgeToken: str(o.edgeToken, ""),
    detached: typeof o.detached === "boolean" ? o.detached : cloudUrl === "",
    households,
    auth: {
      mode: a.mode === "msal" ? "msal" : "dev",
      clientId: typeof a.clientId === "string" ? a.clientId : undefined,
      authority: typeof a.authority === "string" ? a.authority : undefined,
      scopes: Array.isArray(a.scopes)
        ? a.scopes.filter((s): s is string => typeof s === "string")
        : undefined,
      redirectUri: typeof a.redirectUri === "string" ? a.redirectUri : undefined,
    },
  };
}

/** The served config with the user's own entries on top (an empty entry does not override). */
export function mergeSettings(config: AppConfig, user: UserSettings): AppConfig {
  const pick = (u: string | undefined, c: string): string => (u !== undefined && u !== "" ? u : c);
  const cloudUrl = pick(user.cloudUrl, config.cloudUrl);
  return {
    ...config,
    cloudUrl,
    edgeUrl: pick(user.edgeUrl, config.edgeUrl),
    cloudToken: pick(user.cloudToken, config.cloudToken),
    edgeToken: pick(user.edgeToken, config.edgeToken),
    detached: user.detached ?? (cloudUrl === "" ? true : config.detached),
  };
}

/** Joins a base URL and a path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  if (!base) return path;
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
