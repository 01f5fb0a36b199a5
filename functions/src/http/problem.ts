import type { HttpResponseInit } from "@azure/functions";

/** An invalid request parameter (RFC 9457 extension member `invalidParams`). */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

/** An error with its HTTP status, rendered as RFC 9457 `application/problem+json`. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams: readonly InvalidParam[] = [],
  ) {
    super(detail);
    this.name = "ProblemError";
  }
}

export const badParameter = (name: string, reason: string): ProblemError =>
  new ProblemError(400, "Bad Request", `parameter '${name}': ${reason}`, [{ name, reason }]);

export const notFound = (what: string): ProblemError =>
  new ProblemError(404, "Not Found", `${what} not found`);

export const forbidden = (detail: string): ProblemError => new ProblemError(403, "Forbidden", detail);

/** RFC 9457 section 3: type, title, status, detail, instance (+ extension members). */
export function problemResponse(err: ProblemError, instance?: string): HttpResponseInit {
  const body: Record<string, unknown> = {
    type: "about:blank",
    title: err.title,
    status: err.status,
    detail: err.detail,
  };
  if (instance) body.instance = instance;
  if (err.invalidParams.length > 0) {
    body.parameter = err.invalidParams[0]!.name;
    body.invalidParams = err.invalidParams;
  }
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (err.status === 401) headers["www-authenticate"] = 'Bearer realm="omdp"';
  return { status: err.status, headers, body: JSON.stringify(body) };
}
