/** One invalid request field (RFC 9457 extension member `invalidParams`): its path and why. */
export interface InvalidParam {
  readonly name: string;
  readonly reason: string;
}

/**
 * An API failure with its HTTP status; rendered as RFC 9457 `application/problem+json` that also keeps
 * the earlier `{ error: { code, message, parameter? } }` member for existing clients.
 */
export class ApiError extends Error {
  readonly invalidParams: readonly InvalidParam[];

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
    invalidParams?: readonly InvalidParam[],
  ) {
    super(message);
    this.name = "ApiError";
    this.invalidParams =
      invalidParams ?? (parameter === undefined ? [] : [{ name: parameter, reason: message }]);
  }
}

export const badParameter = (parameter: string, message: string): ApiError =>
  new ApiError(400, "invalid_parameter", `${parameter}: ${message}`, parameter);

/** 400 naming every invalid field; `parameter` is the first of them. */
export const invalidFields = (fields: readonly InvalidParam[]): ApiError => {
  const first = fields[0] ?? { name: "body", reason: "invalid" };
  const detail = fields.map((f) => `${f.name}: ${f.reason}`).join("; ");
  return new ApiError(400, "invalid_parameter", detail, first.name, fields);
};

export const notFound = (what: string): ApiError => new ApiError(404, "not_found", `${what} not found`);

/** One zod issue as an invalid parameter (its first path element names it). */
export const issueParam = (issue: { path: readonly PropertyKey[]; message: string }): InvalidParam => ({
  name: String(issue.path[0] ?? "query"),
  reason: issue.message,
});
