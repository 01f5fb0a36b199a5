import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import { ApiError } from "./errors";

const MAX_BODY = 1_048_576;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** Sends text that already is JSON. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** RFC 9457 problem details (type, title, status, detail, invalidParams), plus the legacy `error`. */
export function sendError(res: ServerResponse, err: ApiError): void {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.parameter !== undefined) error.parameter = err.parameter;
  const problem: Record<string, unknown> = {
    type: "about:blank",
    title: STATUS_CODES[err.status] ?? "Error",
    status: err.status,
    detail: err.message,
  };
  if (err.parameter !== undefined) problem.parameter = err.parameter;
  if (err.invalidParams.length > 0) problem.invalidParams = err.invalidParams;
  if (err.status === 401) res.setHeader("www-authenticate", 'Bearer realm="omdp-edge"');
  const text = JSON.stringify({ ...problem, error });
  res.writeHead(err.status, {
    "content-type": "application/problem+json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** Reads a JSON request body (at most 1 MiB). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY)
      throw new ApiError(413, "body_too_large", `request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "")
    throw new ApiError(400, "invalid_parameter", "body: a JSON object is required", "body");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, "invalid_parameter", `body: not valid JSON (${(e as Error).message})`, "body");
  }
}

/** Writes and waits for `drain` when the socket buffer is full (the export streams large answers). */
export async function writeChunk(res: ServerResponse, text: string): Promise<void> {
  if (res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
