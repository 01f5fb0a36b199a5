import type { AuthConfig } from "./lib/settings";

/**
 * Entra ID sign-in for the cloud API in Azure: the OAuth 2.0 authorization-code flow with PKCE that MSAL
 * uses for single-page apps (v2.0 endpoints), without pulling MSAL's 100+ kB into the bundle. Configure
 * `auth` in `/config.json` (see docs/app-and-start.md); the app registration needs a SPA redirect URI.
 * Locally the dev token is used instead.
 */
const VERIFIER = "omdp.pkce.verifier";
const STATE = "omdp.pkce.state";
const TOKEN = "omdp.msal.token";

function b64url(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(n = 32): string {
  return b64url(crypto.getRandomValues(new Uint8Array(n)));
}

function endpoints(cfg: AuthConfig): { authorize: string; token: string } {
  const base = (cfg.authority ?? "https://login.microsoftonline.com/common").replace(/\/+$/, "");
  return { authorize: `${base}/oauth2/v2.0/authorize`, token: `${base}/oauth2/v2.0/token` };
}

const redirectUri = (cfg: AuthConfig) => cfg.redirectUri ?? `${location.origin}${location.pathname}`;

/** Starts the sign-in: redirects the page to Entra ID. */
export async function msalLogin(cfg: AuthConfig): Promise<void> {
  if (!cfg.clientId) throw new Error("auth.clientId is not configured");
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = b64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  const q = new URLSearchParams({
    client_id: cfg.clientId,
    response_type: "code",
    redirect_uri: redirectUri(cfg),
    scope: [...(cfg.scopes ?? []), "openid", "offline_access"].join(" "),
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
  });
  location.assign(`${endpoints(cfg).authorize}?${q}`);
}

/** Completes a sign-in when the page is the redirect target; returns the access token if there is one. */
export async function msalHandleRedirect(cfg: AuthConfig): Promise<string | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  if (!code || !cfg.clientId) return msalToken();
  if (params.get("state") !== sessionStorage.getItem(STATE)) throw new Error("sign-in state mismatch");
  const body = new URLSearchParams({
    client_id: cfg.clientId,
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri(cfg),
    code_verifier: sessionStorage.getItem(VERIFIER) ?? "",
  });
  const res = await fetch(endpoints(cfg).token, { method: "POST", body });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status}`);
  const tok = (await res.json()) as { access_token?: string; expires_in?: number };
  history.replaceState(null, "", location.pathname + location.hash);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (!tok.access_token) return null;
  sessionStorage.setItem(
    TOKEN,
    JSON.stringify({ token: tok.access_token, exp: Date.now() + (tok.expires_in ?? 3600) * 1000 }),
  );
  return tok.access_token;
}

/** The stored access token while it is valid. */
export function msalToken(): string | null {
  try {
    const t = JSON.parse(sessionStorage.getItem(TOKEN) ?? "null") as { token: string; exp: number } | null;
    return t && t.exp > Date.now() + 30_000 ? t.token : null;
  } catch {
    return null;
  }
}

export function msalLogout(): void {
  sessionStorage.removeItem(TOKEN);
}
