/**
 * `@azure/functions` is a CommonJS bundle whose named exports Node's ESM loader cannot see, so the
 * values are taken from its default export here, once. Types are imported with `import type` elsewhere.
 */
import azf from "@azure/functions";

export const app = azf.app;
export const HttpRequest = azf.HttpRequest;
export const InvocationContext = azf.InvocationContext;

/**
 * True inside the Azure Functions host (Core Tools or Azure), where `app.http`/`app.eventHub`
 * registrations mean something. Outside it `app.*` only switches the library into "test mode" and
 * registers nothing, so the local host keeps its own table (functions/src/functions/index.ts).
 */
export function insideFunctionsHost(): boolean {
  return Boolean(process.env.FUNCTIONS_WORKER_RUNTIME);
}
