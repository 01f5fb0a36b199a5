import type { InboundMessage, MessageProperties, ModuleHost } from "@omdp/edge-module";
import type { ZodType } from "zod";

/** An in-memory ModuleHost: records sends and reports, lets tests deliver inputs, desired and methods. */
export class FakeHost implements ModuleHost {
  readonly deviceId = "edge-test";
  readonly moduleId = "test";
  readonly sent: { output: string; body: unknown; properties: MessageProperties }[] = [];
  readonly reported: Record<string, unknown>[] = [];
  private readonly inputs = new Map<string, (msg: InboundMessage) => Promise<void> | void>();
  private readonly methods = new Map<string, { schema: ZodType; handler: (p: never) => unknown }>();
  private desired?: { schema: ZodType; apply: (c: never) => Promise<void> | void };

  async send(output: string, body: unknown, properties: MessageProperties = {}): Promise<void> {
    this.sent.push({ output, body: JSON.parse(JSON.stringify(body)), properties });
  }
  onInput(input: string, handler: (msg: InboundMessage) => Promise<void> | void): void {
    this.inputs.set(input, handler);
  }
  onDesired<T>(schema: ZodType<T>, apply: (config: T) => Promise<void> | void): void {
    this.desired = { schema, apply: apply as (c: never) => void };
  }
  async report(patch: Record<string, unknown>): Promise<void> {
    this.reported.push(patch);
  }
  onMethod<T>(name: string, schema: ZodType<T>, handler: (payload: T) => unknown): void {
    this.methods.set(name, { schema, handler: handler as (p: never) => unknown });
  }
  async close(): Promise<void> {}

  async deliver(input: string, body: unknown, properties: MessageProperties = {}): Promise<void> {
    const h = this.inputs.get(input);
    if (!h) throw new Error(`no handler for input ${input}`);
    await h({ body, properties });
  }
  async setDesired(desired: unknown): Promise<void> {
    if (!this.desired) throw new Error("no desired handler");
    await this.desired.apply(this.desired.schema.parse(desired) as never);
  }
  async invoke(name: string, payload: unknown): Promise<{ status: number; payload: unknown }> {
    const m = this.methods.get(name);
    if (!m) return { status: 404, payload: null };
    const parsed = m.schema.safeParse(payload);
    if (!parsed.success) return { status: 400, payload: parsed.error.message };
    return { status: 200, payload: await m.handler(parsed.data as never) };
  }
  outputs(name: string): unknown[] {
    return this.sent.filter((s) => s.output === name).map((s) => s.body);
  }
}
