import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DesiredState, mergePatch, stripTwinMetadata } from "../src/index";

const Schema = z.object({
  intervalSec: z.number().int().positive().default(15),
  rules: z.object({ maxPowerW: z.number().default(5000), enabled: z.boolean().default(true) }).default({
    maxPowerW: 5000,
    enabled: true,
  }),
});

describe("mergePatch (RFC 7396, twin PATCH)", () => {
  it("merges objects, replaces scalars and arrays, deletes on null", () => {
    const out = mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] }, { a: 5, b: { c: null, x: 1 }, e: [9] });
    expect(out).toEqual({ a: 5, b: { d: 3, x: 1 }, e: [9] });
  });
  it("does not modify its inputs", () => {
    const target = { b: { c: 2 } };
    mergePatch(target, { b: { c: 3 } });
    expect(target).toEqual({ b: { c: 2 } });
  });
  it("strips $version and $metadata at every level", () => {
    expect(stripTwinMetadata({ $version: 3, a: { $metadata: {}, b: 1 } })).toEqual({ a: { b: 1 } });
  });
});

describe("DesiredState", () => {
  it("applies defaults to an empty document", () => {
    const s = new DesiredState(Schema);
    const o = s.offer({ $version: 1 });
    expect(o).toMatchObject({
      ok: true,
      changed: true,
      config: { intervalSec: 15, rules: { maxPowerW: 5000 } },
    });
  });
  it("merges a valid patch onto the accepted document", () => {
    const s = new DesiredState(Schema);
    s.offer({ intervalSec: 30 });
    const o = s.offer({ rules: { maxPowerW: 100 } });
    expect(o.ok && o.config).toEqual({ intervalSec: 30, rules: { maxPowerW: 100, enabled: true } });
  });
  it("rejects an invalid patch with the path and keeps the previous configuration", () => {
    const s = new DesiredState(Schema);
    s.offer({ intervalSec: 30 });
    const bad = s.offer({ intervalSec: -1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^intervalSec: /);
    const next = s.offer({ rules: { enabled: false } });
    expect(next.ok && next.config.intervalSec).toBe(30);
    expect(s.config?.rules.enabled).toBe(false);
  });
  it("reports an identical document as unchanged", () => {
    const s = new DesiredState(Schema);
    s.offer({ intervalSec: 20, $version: 1 });
    const again = s.offer({ intervalSec: 20, $version: 2 });
    expect(again).toMatchObject({ ok: true, changed: false });
  });
  it("null removes a key so its default returns", () => {
    const s = new DesiredState(Schema);
    s.offer({ intervalSec: 20 });
    const o = s.offer({ intervalSec: null });
    expect(o.ok && o.config.intervalSec).toBe(15);
  });
});
