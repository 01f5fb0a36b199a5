/** An API failure with its HTTP status; rendered as `{ error: { code, message, parameter? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badParameter = (parameter: string, message: string): ApiError =>
  new ApiError(400, "invalid_parameter", `${parameter}: ${message}`, parameter);

export const notFound = (what: string): ApiError => new ApiError(404, "not_found", `${what} not found`);
