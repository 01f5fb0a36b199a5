import {
  type AccountInfo,
  type AuthenticationResult,
  InteractionRequiredAuthError,
  PublicClientApplication,
} from "@azure/msal-browser";
import { msalSettings } from "./lib/msal-config";
import type { AuthConfig } from "./lib/settings";

/**
 * Sign-in for the cloud API with @azure/msal-browser: the redirect flow (authorization code + PKCE),
 * silent renewal with the refresh token before the access token expires (acquireTokenSilent), and
 * logout. Entra ID in Azure; any standards-following OpenID provider in OIDC protocol mode (the sign-in
 * test's). Locally the dev token is used instead and none of this loads.
 */
export interface CloudSession {
  /** The current access token, "" when signed out (the API client reads it per request). */
  token(): string;
  readonly account: AccountInfo | null;
  login(): Promise<void>;
  logout(): Promise<void>;
  /** Renews the access token now (silently); resolves to the new token. */
  renew(): Promise<string>;
  stop(): void;
}

/** Why the session cannot give a token: shown to the user, never swallowed. */
export type SessionProblem = { readonly kind: "signin-required" | "error"; readonly message: string };

export async function startMsalSession(
  cfg: AuthConfig,
  onProblem: (p: SessionProblem) => void,
  onToken: (token: string) => void = () => {},
): Promise<CloudSession> {
  const s = msalSettings(cfg, location.href);
  const pca = new PublicClientApplication({
    auth: {
      clientId: s.clientId,
      authority: s.authority,
      knownAuthorities: [...s.knownAuthorities],
      redirectUri: s.redirectUri,
      postLogoutRedirectUri: s.redirectUri,
    },
    cache: { cacheLocation: "sessionStorage" },
    // msal-browser 5 takes the protocol mode under `system` (OIDC for non-Microsoft authorities).
    system: { protocolMode: s.protocolMode },
  });
  await pca.initialize();
  // Completes a sign-in when this page is the redirect target; what the provider refused is shown.
  let redirected: AuthenticationResult | null = null;
  try {
    redirected = await pca.handleRedirectPromise();
  } catch (err) {
    onProblem({ kind: "error", message: `Sign-in failed: ${(err as Error).message}` });
  }
  let account: AccountInfo | null = redirected?.account ?? pca.getAllAccounts()[0] ?? null;
  if (account) pca.setActiveAccount(account);
  let current = "";
  let expiresAt = 0;
  let renewing: Promise<string> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const use = (r: AuthenticationResult) => {
    current = r.accessToken;
    account = r.account ?? account;
    onToken(current);
    if (timer) clearTimeout(timer);
    const exp = r.expiresOn?.getTime();
    expiresAt = exp ?? 0;
    if (stopped || !exp) return;
    const life = Math.max(0, exp - Date.now());
    timer = setTimeout(() => void renew().catch(() => {}), Math.max(1000, life - s.renewLeadMs(life)));
  };

  const renew = (): Promise<string> => {
    renewing ??= renewNow().finally(() => {
      renewing = null;
    });
    return renewing;
  };
  const renewNow = async (): Promise<string> => {
    if (!account) throw new Error("not signed in");
    try {
      // forceRefresh: redeem the refresh token now rather than hand back the cached access token.
      use(await pca.acquireTokenSilent({ scopes: [...s.scopes], account, forceRefresh: true }));
      return current;
    } catch (err) {
      current = "";
      if (err instanceof InteractionRequiredAuthError)
        onProblem({ kind: "signin-required", message: "Your sign-in has ended: sign in again." });
      else onProblem({ kind: "error", message: `Token renewal failed: ${(err as Error).message}` });
      throw err;
    }
  };

  if (redirected?.accessToken) use(redirected);
  else if (account) {
    try {
      use(await pca.acquireTokenSilent({ scopes: [...s.scopes], account }));
    } catch (err) {
      if (err instanceof InteractionRequiredAuthError)
        onProblem({ kind: "signin-required", message: "Your sign-in has ended: sign in again." });
      else onProblem({ kind: "error", message: `Sign-in failed: ${(err as Error).message}` });
    }
  }

  return {
    // A timer may fire late (a sleeping laptop, a background tab): a request after the expiry starts the
    // renewal itself; it goes out with the old token, the next ones with the new.
    token: () => {
      if (current && expiresAt && Date.now() >= expiresAt && !renewing) void renew().catch(() => {});
      return current;
    },
    get account() {
      return account;
    },
    login: () => pca.loginRedirect({ scopes: [...s.scopes], prompt: s.loginPrompt }),
    logout: async () => {
      current = "";
      if (timer) clearTimeout(timer);
      // id_token_hint: OpenID providers honour post_logout_redirect_uri only with it (RP-Initiated
      // Logout 1.0, section 2) or a client_id.
      await pca.logoutRedirect({ account: account ?? undefined, idTokenHint: account?.idToken });
    },
    renew,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
