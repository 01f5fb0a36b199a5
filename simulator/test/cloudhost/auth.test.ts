import { loadOrCreateLocalKey } from "@omdp/functions";
import { exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, startTestHost, type TestHost } from "./helpers";

let host: TestHost;
let alice: string; // household hh-1
let analyst: string;

async function signed(claims: Record<string, unknown>, opts: { exp?: number; aud?: string; iss?: string }) {
  const key = await loadOrCreateLocalKey(host.dir);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", kid: key.kid })
    .setSubject("alice")
    .setIssuer(opts.iss ?? "omdp-local")
    .setAudience(opts.aud ?? "omdp-api")
    .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(await importJWK(key.privateJwk, "ES256"));
}

beforeAll(async () => {
  host = await startTestHost();
  alice = await host.issueToken({ sub: "alice", role: "household", households: ["hh-1"] });
  analyst = await host.issueToken({ sub: "ana", role: "analyst" });
});
afterAll(async () => host.close());

describe("authentication", () => {
  it("answers 401 problem+json without a token", async () => {
    const res = await fetch(`${host.url}/api/meters`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(await res.json()).toMatchObject({ status: 401, title: "Unauthorized", instance: "/api/meters" });
  });

  it("answers 401 to an expired token", async () => {
    const token = await signed(
      { roles: ["household"], households: ["hh-1"] },
      { exp: Math.floor(Date.now() / 1000) - 3600 },
    );
    const r = await get(host, "/api/meters", token);
    expect(r.status).toBe(401);
    expect(r.body.detail).toContain("expired");
  });

  it("answers 401 to a token for another audience or issuer", async () => {
    const aud = await signed({ roles: ["admin"] }, { aud: "someone-else" });
    expect((await get(host, "/api/meters", aud)).status).toBe(401);
    const iss = await signed({ roles: ["admin"] }, { iss: "https://evil.example" });
    expect((await get(host, "/api/meters", iss)).status).toBe(401);
  });

  it("answers 401 to a token signed by another key", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = await exportJWK(privateKey);
    const key = await loadOrCreateLocalKey(host.dir);
    const forged = await new SignJWT({ roles: ["admin"] })
      .setProtectedHeader({ alg: "ES256", kid: key.kid })
      .setSubject("mallory")
      .setIssuer("omdp-local")
      .setAudience("omdp-api")
      .setExpirationTime("1h")
      .sign(await importJWK(jwk, "ES256"));
    expect((await get(host, "/api/meters", forged)).status).toBe(401);
    expect((await get(host, "/api/meters", "not.a.jwt")).status).toBe(401);
  });
});

describe("authorisation", () => {
  it("hides another household's meter and household behind 404", async () => {
    const meter = await get(host, "/api/meters/m-3", alice);
    expect(meter.status).toBe(404);
    expect(meter.type).toContain("application/problem+json");
    const missing = await get(host, "/api/meters/does-not-exist", alice);
    expect(missing.status).toBe(404);
    expect(missing.body.detail.replace("does-not-exist", "m-3")).toBe(meter.body.detail);
    expect((await get(host, "/api/meters/m-3/latest", alice)).status).toBe(404);
    expect((await get(host, "/api/meters/m-3/readings", alice)).status).toBe(404);
    expect((await get(host, "/api/alerts?meterId=m-3", alice)).status).toBe(404);
    const summary = await get(
      host,
      "/api/households/hh-2/summary?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
      alice,
    );
    expect(summary.status).toBe(404);
    expect((await get(host, "/api/meters/m-1", alice)).status).toBe(200);
  });

  it("keeps analysts to the aggregate endpoint", async () => {
    const r = await get(host, "/api/meters/m-1/readings", analyst);
    expect(r.status).toBe(403);
    expect(r.type).toContain("application/problem+json");
    expect((await get(host, "/api/meters", analyst)).status).toBe(403);
    const agg = await get(
      host,
      "/api/aggregates?property=1-0:1.8.0&resolution=P1D&from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z",
      analyst,
    );
    expect(agg.status).toBe(200);
    expect(agg.body.k).toBe(10);
  });

  it("keeps households away from aggregates and admin operations", async () => {
    const agg = await get(
      host,
      "/api/aggregates?property=1-0:1.8.0&resolution=P1D&from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z",
      alice,
    );
    expect(agg.status).toBe(403);
    const put = await fetch(`${host.url}/api/meters/m-9`, {
      method: "PUT",
      headers: { authorization: `Bearer ${alice}`, "content-type": "application/json" },
      body: JSON.stringify({ householdId: "hh-1", deviceId: "edge-local" }),
    });
    expect(put.status).toBe(403);
    const del = await fetch(`${host.url}/api/households/hh-1/data`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${alice}` },
    });
    expect(del.status).toBe(403);
  });

  it("accepts the `household` claim as well as `households`", async () => {
    const token = await signed({ roles: ["household"], household: "hh-2" }, {});
    const r = await get(host, "/api/meters", token);
    expect(r.body.items.map((m: { id: string }) => m.id)).toEqual(["m-3"]);
  });
});
