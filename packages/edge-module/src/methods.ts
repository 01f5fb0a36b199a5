import type { ZodType } from "zod";
import type { MethodResult } from "./host";

export interface MethodEntry {
  readonly schema: ZodType<unknown>;
  readonly handler: (payload: unknown) => Promise<unknown> | unknown;
}

/** Direct-method status codes, as IoT Hub passes them back to the caller. */
export const METHOD_STATUS = { ok: 200, badRequest: 400, notFound: 404, failed: 500 } as const;

/**
 * Runs one direct method from the table (pure of the SDK): unknown name 404, payload that fails the
 * schema 400 `{ error: { code, message } }`, a thrown error 500, else 200 with the handler's value.
 * An absent or null payload is offered as `{}`, so schemas with defaults accept an empty call.
 */
export async function dispatchMethod(
  table: ReadonlyMap<string, MethodEntry>,
  name: string,
  payload: unknown,
): Promise<MethodResult> {
  const entry = table.get(name);
  if (!entry)
    return {
      status: METHOD_STATUS.notFound,
      payload: { error: { code: "method.unknown", message: `no method '${name}'` } },
    };
  const parsed = entry.schema.safeParse(payload === undefined || payload === null ? {} : payload);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
      .join("; ");
    return { status: METHOD_STATUS.badRequest, payload: { error: { code: "payload.invalid", message } } };
  }
  try {
    const result = await entry.handler(parsed.data);
    return { status: METHOD_STATUS.ok, payload: result === undefined ? null : result };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: METHOD_STATUS.failed, payload: { error: { code: "method.failed", message } } };
  }
}
