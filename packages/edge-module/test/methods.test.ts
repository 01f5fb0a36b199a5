import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dispatchMethod, fromSdkMessage, type MethodEntry, toSdkMessage } from "../src/index";

const table = new Map<string, MethodEntry>([
  [
    "setKey",
    {
      schema: z.object({ meterId: z.string().min(1), key: z.string().regex(/^[0-9a-f]{32}$/) }),
      handler: (p) => ({ stored: (p as { meterId: string }).meterId }),
    },
  ],
  ["getStatus", { schema: z.object({}), handler: () => ({ ok: true }) }],
  [
    "boom",
    {
      schema: z.object({}),
      handler: () => {
        throw new Error("disk full");
      },
    },
  ],
]);

describe("dispatchMethod", () => {
  it("answers 200 with the handler's value", async () => {
    const r = await dispatchMethod(table, "setKey", { meterId: "m1", key: "00".repeat(16) });
    expect(r).toEqual({ status: 200, payload: { stored: "m1" } });
  });
  it("answers 400 with the failing field for a bad payload", async () => {
    const r = await dispatchMethod(table, "setKey", { meterId: "m1", key: "xyz" });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.payload)).toContain("key:");
  });
  it("answers 500 with the error message when the handler throws", async () => {
    const r = await dispatchMethod(table, "boom", {});
    expect(r).toEqual({ status: 500, payload: { error: { code: "method.failed", message: "disk full" } } });
  });
  it("answers 404 for an unknown method", async () => {
    expect((await dispatchMethod(table, "nope", {})).status).toBe(404);
  });
  it("offers an absent payload as {}", async () => {
    expect((await dispatchMethod(table, "getStatus", undefined)).status).toBe(200);
    expect((await dispatchMethod(table, "getStatus", null)).status).toBe(200);
  });
});

describe("messages", () => {
  it("round-trips body, properties, content type and encoding", () => {
    const sdk = toSdkMessage({ a: 1 }, { kind: "reading", meterId: "m 1&x" });
    expect(sdk.contentType).toBe("application/json");
    expect(sdk.contentEncoding).toBe("utf-8");
    expect(sdk.messageId).toMatch(/^[0-9a-f-]{36}$/);
    const back = fromSdkMessage("readings", sdk);
    expect(back.body).toEqual({ a: 1 });
    expect(back.properties).toEqual({ kind: "reading", meterId: "m 1&x" });
    expect(back.contentType).toBe("application/json");
  });
  it("throws a typed error with the input for a non-JSON body", () => {
    const sdk = toSdkMessage(null);
    sdk.data = Buffer.from("{not json");
    expect(() => fromSdkMessage("readings", sdk)).toThrow(/input 'readings'/);
  });
});
