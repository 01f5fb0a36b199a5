/**
 * ByteSink (src/io/byte-sink.ts) writes JSON bytes without making strings; each method must write
 * exactly what JSON.stringify writes (ECMA-262), which is the reference here: numbers of the shapes
 * meters produce (integers scaled by powers of ten, then by unit factors, then tidied) and arbitrary
 * doubles, seeded; and a sink over a stream writes every chunk in order while it reuses its buffers.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ByteSink } from "../../src/io/byte-sink";

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const FACTORS = [1, 1e-3, 1e-6, 3.6e-6, 1 / 3600, 60, 0.1, 0.01];

describe("ByteSink.num", () => {
  it("writes JSON.stringify(n) for 200,000 seeded numbers", () => {
    const o = new ByteSink(1 << 16);
    const next = rng(0x5eed);
    let mismatches = 0;
    const check = (x: number): void => {
      o.num(x);
      if (o.takeText() !== JSON.stringify(x)) mismatches++;
    };
    for (let i = 0; i < 50_000; i++) {
      const raw = Math.floor(next() * 10 ** Math.floor(next() * 17)) * (next() < 0.2 ? -1 : 1);
      const e = Math.floor(next() * 14) - 9;
      const v = e < 0 ? raw / 10 ** -e : raw * 10 ** e;
      const f = FACTORS[i % FACTORS.length]!;
      check(v);
      check(v * f);
      check(Number.parseFloat((v * f).toPrecision(12)));
      check((next() - 0.5) * 10 ** (Math.floor(next() * 40) - 20));
    }
    expect(mismatches).toBe(0);
  });

  it("writes the edges as JSON.stringify does", () => {
    const o = new ByteSink(64);
    const xs = [0, -0, 1e-6, 1e-7, 9.99e-7, 1e15, 1e15 - 1, 999999999999999.9, 1e21, 0.1, 0.3];
    xs.push(0.1 + 0.2, -1, -1e9, 1e9, 2 ** 53, 5e-324, Number.NaN, Number.POSITIVE_INFINITY);
    for (const x of xs) {
      o.num(x);
      expect(o.takeText(), String(x)).toBe(JSON.stringify(x));
    }
    // hand-written: 54321 / 10^3 and -191 / 10^4
    o.num(54321 / 1000);
    o.ascii(",");
    o.num(-191 / 10_000);
    expect(o.takeText()).toBe("54.321,-0.0191");
  });
});

describe("ByteSink over a stream", () => {
  it("writes every chunk in order, reusing buffers", async () => {
    const out = new PassThrough();
    const got: Buffer[] = [];
    out.on("data", (c: Buffer) => got.push(Buffer.from(c)));
    const o = new ByteSink(256, out);
    let want = "";
    for (let i = 0; i < 2_000; i++) {
      const line = `{"n":${i},"x":"${"y".repeat(i % 50)}"}\n`;
      want += line;
      o.ascii(line);
      if (o.full) await o.flush();
    }
    await o.flush();
    out.end();
    await new Promise((resolve) => out.on("end", resolve));
    expect(Buffer.concat(got).toString("utf8")).toBe(want);
  });
});
