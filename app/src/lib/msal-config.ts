/**
 * The @azure/msal-browser configuration for the app's `auth` settings, pure so it can be tested: Entra ID
 * authorities (login.microsoftonline.com, *.ciamlogin.com, *.b2clogin.com) use MSAL's default AAD protocol
 * mode; any other authority is a standard OpenID provider, which MSAL accepts only when it is listed in
 * `knownAuthorities` and `protocolMode` is `OIDC` (msal-browser BrowserAuthOptions). MSAL requires https
 * authorities.
 */
import type { AuthConfig } from "./settings";

export interface MsalSettings {
  readonly clientId: string;
  readonly authority: string;
  readonly knownAuthorities: readonly string[];
  readonly protocolMode: "AAD" | "OIDC";
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /**
   * `consent` for OpenID providers: OpenID Connect Core 1.0 section 11 lets a provider ignore
   * `offline_access` (no refresh token, so no silent renewal) unless the request's prompt includes
   * `consent`. Entra ID issues refresh tokens to SPAs without it.
   */
  readonly loginPrompt: "consent" | undefined;
  /** Renew this long before the access token expires: a third of its life, at most a minute. */
  readonly renewLeadMs: (lifetimeMs: number) => number;
}

export class AuthConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "AuthConfigError";
  }
}

const ENTRA = [/^login\.microsoftonline\.(com|us)$/, /\.ciamlogin\.com$/, /\.b2clogin\.com$/];

export function msalSettings(cfg: AuthConfig, pageUrl: string): MsalSettings {
  if (!cfg.clientId) throw new AuthConfigError("auth.clientId", "auth.clientId is not configured");
  const authority = cfg.authority ?? "https://login.microsoftonline.com/common";
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    throw new AuthConfigError("auth.authority", `auth.authority is not a URL: ${authority}`);
  }
  if (url.protocol !== "https:")
    throw new AuthConfigError("auth.authority", `auth.authority must be https (got ${url.protocol})`);
  const entra = ENTRA.some((re) => re.test(url.hostname));
  const page = new URL(pageUrl);
  return {
    clientId: cfg.clientId,
    authority,
    knownAuthorities: entra ? [] : [url.host],
    protocolMode: entra ? "AAD" : "OIDC",
    redirectUri: cfg.redirectUri ?? `${page.origin}${page.pathname}`,
    scopes: [...(cfg.scopes ?? [])],
    loginPrompt: entra ? undefined : "consent",
    renewLeadMs: (life) => Math.max(0, Math.min(60_000, life / 3)),
  };
}
