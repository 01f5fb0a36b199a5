/**
 * Sign-in with @azure/msal-browser in Chromium against a local OpenID provider that this test starts
 * (panva's oidc-provider, https on 127.0.0.1 with a throw-away self-signed certificate): the redirect
 * flow with PKCE, a cancelled sign-in shown to the user, the app calling the cloud API with the bearer token, the 6-second access token
 * expiring and being renewed silently with the refresh token (no second visit to the sign-in page),
 * and logout. The "cloud" is a loopback stub that accepts a bearer token only when the provider knows it
 * and it has not expired. Nothing leaves 127.0.0.1: every other request of the browser is aborted.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttp, type Server } from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Provider from "oidc-provider";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppServer,
  ensureAppBuilt,
  REPO_ROOT,
  startAppServer,
} from "../../simulator/src/platform/index";
import { CHROMIUM, CHROMIUM_ARGS, waitFor } from "./support";

const CLIENT_ID = "omdp-app";
const ACCESS_TOKEN_TTL_S = 6;
const METER = "M1";

interface ApiCall {
  readonly path: string;
  readonly token: string;
  readonly valid: boolean;
}

let dir: string;
let idp: Server;
let provider: Provider;
let issuer: string;
let cloud: Server;
let edge: Server;
let app: AppServer;
let context: BrowserContext;
let page: Page;
const calls: ApiCall[] = [];
const grants: string[] = [];
let authorizeVisits = 0;

const listen = (s: Server): Promise<number> =>
  new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)));
const close = (s: Server | undefined): Promise<void> =>
  new Promise((resolve) => (s ? s.close(() => resolve()) : resolve()));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "omdp-signin-"));
  // A certificate for 127.0.0.1 only, valid for a day: MSAL accepts https authorities only.
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      ...["-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
    ],
    { stdio: "ignore" },
  );

  // The cloud stub: 200 for a bearer token the provider issued and that is still valid, else 401.
  cloud = createHttp(async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const at = token ? await provider.AccessToken.find(token) : undefined;
    const valid = !!at && !at.isExpired;
    calls.push({ path: (req.url ?? "").split("?")[0]!, token, valid });
    res.writeHead(valid ? 200 : 401, { "content-type": "application/json" });
    res.end(
      JSON.stringify(valid ? { items: [] } : { error: { code: "unauthorized", message: "bad token" } }),
    );
  });
  // The edge stub: no meters' data, no stream (the history view needs none).
  edge = createHttp((req, res) => {
    res.writeHead(req.url?.includes("stream") ? 503 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify({ items: [] }));
  });
  const [cloudPort, edgePort] = [await listen(cloud), await listen(edge)];

  await ensureAppBuilt(join(REPO_ROOT, "app"), () => {});
  app = await startAppServer({
    distDir: join(REPO_ROOT, "app", "dist"),
    port: 0,
    proxies: { "/cloud": `http://127.0.0.1:${cloudPort}`, "/edge": `http://127.0.0.1:${edgePort}` },
    config: () => ({
      cloudUrl: "cloud",
      edgeUrl: "edge",
      detached: false,
      households: [{ id: "home", name: "Home", timeZone: "UTC", meters: [{ id: METER }] }],
      auth: { mode: "msal", clientId: CLIENT_ID, authority: `${issuer}/`, scopes: ["api"] },
    }),
  });

  let handler: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void =
    () => {};
  idp = createHttps(
    { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
    (req, res) => {
      // The authorization endpoint proper (not its /auth/:uid resume after the login page).
      if (/^\/auth(\?|$)/.test(req.url ?? "")) authorizeVisits++;
      handler(req, res);
    },
  ) as unknown as Server;
  issuer = `https://127.0.0.1:${await listen(idp)}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        application_type: "web",
        token_endpoint_auth_method: "none",
        redirect_uris: [`${app.url}/`],
        post_logout_redirect_uris: [`${app.url}/`],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
      },
    ],
    scopes: ["openid", "offline_access", "profile", "api"],
    claims: { openid: ["sub"], profile: ["name", "preferred_username"] },
    // The profile claims in the ID token too, as Entra ID sends them (MSAL's account name comes from there).
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, name: sub, preferred_username: sub }),
    }),
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_S,
      IdToken: 3600,
      RefreshToken: 3600,
      Grant: 3600,
      Session: 3600,
      Interaction: 600,
    },
    cookies: { keys: ["signin-test-only"] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  provider.on("grant.success", (ctx) => grants.push(String(ctx.oidc.params?.grant_type)));
  handler = provider.callback();

  const profile = join(dir, "profile");
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ignoreHTTPSErrors: true,
    timeout: 30_000,
  });
  // Loopback only (the provider's sign-in page links a web font).
  await context.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
  );
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await app?.close();
  await Promise.all([close(idp), close(cloud), close(edge)]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

const validCall = (pred: (c: ApiCall) => boolean) => () =>
  Promise.resolve(calls.find((c) => c.valid && c.path.startsWith(`/api/meters/${METER}/`) && pred(c)));

describe("sign-in with MSAL against a local OpenID provider", () => {
  it("signs in by redirect, calls the API with the token, renews it silently, signs out", async () => {
    await page.goto(`${app.url}/#/history`);
    // Signed out: the app says so (and calls the cloud with no token, which it refuses).
    const banner = page.locator("#auth-problem");
    await banner.getByText("Sign in to see your data.").waitFor({ timeout: 10_000 });
    await banner.getByRole("button", { name: "Sign in" }).click();

    // Cancelled at the provider: the app shows what the provider answered, and offers to sign in again.
    await page.getByRole("link", { name: /Cancel/ }).click();
    await banner.getByText(/Sign-in failed: .*(access_denied|aborted)/).waitFor({ timeout: 10_000 });
    expect(grants).toEqual([]);
    await banner.getByRole("button", { name: "Sign in" }).click();

    // The provider's own login and consent pages.
    await page.locator('input[name="login"]').fill("alice");
    await page.locator('input[name="password"]').fill("any");
    await page.locator('button[type="submit"]').click();
    await page.getByRole("button", { name: "Continue" }).click();

    // Back in the app, signed in: the history view's requests carry a token the provider accepts.
    const first = await waitFor(
      "an API call with a valid token",
      10_000,
      validCall(() => true),
      100,
    );
    expect(grants).toContain("authorization_code");
    expect(authorizeVisits).toBe(2);
    await expect(banner.isHidden()).resolves.toBe(true);

    // The first token expires; the app has renewed it with the refresh token, without a redirect.
    await waitFor(
      "the first token to expire",
      3_000 + ACCESS_TOKEN_TTL_S * 1000,
      async () => {
        const at = await provider.AccessToken.find(first.token);
        return !at || at.isExpired ? true : undefined;
      },
      200,
    );
    expect(grants).toContain("refresh_token");
    const before = calls.length;
    await page.getByRole("button", { name: "Previous period" }).click();
    const renewed = await waitFor(
      "an API call with the renewed token",
      5_000,
      async () => calls.slice(before).find((c) => c.path.startsWith(`/api/meters/${METER}/`)),
      100,
    );
    expect(renewed.valid).toBe(true);
    expect(renewed.token).not.toBe(first.token);
    expect(authorizeVisits).toBe(2);

    // Sign out: the provider ends its session, and the app is signed out again.
    await page.goto(`${app.url}/#/settings`);
    await expect(page.locator("#signed-in-as").textContent()).resolves.toContain("alice");
    await page.locator("#sign-out").click();
    await page.getByRole("button", { name: /sign me out/i }).click();
    await page.waitForURL((u) => u.origin === app.url, { timeout: 10_000 });
    await banner.getByText("Sign in to see your data.").waitFor({ timeout: 10_000 });
  }, 40_000);
});
