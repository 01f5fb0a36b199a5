import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run as token } from "../../../packages/cli/src/commands/token";
import { get, startTestHost, type TestHost } from "./helpers";

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => host.close());

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await token(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("omdp token", () => {
  it("prints a JWT the local host accepts, scoped to the household", async () => {
    const r = await capture([
      "--sub",
      "alice",
      "--household",
      "hh-2",
      "--ttl",
      "10m",
      "--data-dir",
      host.dir,
    ]);
    expect(r.code).toBe(0);
    const jwt = r.out.trim();
    expect(jwt.split(".")).toHaveLength(3);
    const meters = await get(host, "/api/meters", jwt);
    expect(meters.status).toBe(200);
    expect(meters.body.items.map((m: { id: string }) => m.id)).toEqual(["m-3"]);
  });

  it("prints admin and analyst tokens", async () => {
    const admin = await capture(["--sub", "root", "--role", "admin", "--data-dir", host.dir]);
    expect((await get(host, "/api/meters", admin.out.trim())).body.items).toHaveLength(3);
    const analyst = await capture(["--sub", "ana", "--role", "analyst", "--data-dir", host.dir]);
    expect((await get(host, "/api/meters", analyst.out.trim())).status).toBe(403);
  });

  it("refuses incomplete or malformed options", async () => {
    expect((await capture(["--sub", "x", "--data-dir", host.dir])).err).toContain("--household is required");
    expect((await capture(["--sub", "x", "--role", "root", "--data-dir", host.dir])).code).toBe(2);
    expect(
      (await capture(["--sub", "x", "--household", "h", "--ttl", "forever", "--data-dir", host.dir])).code,
    ).toBe(2);
    expect((await capture(["--help"])).out).toContain("Usage: omdp token");
  });
});
