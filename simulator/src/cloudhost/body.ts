import type http from "node:http";

/** The largest request body the host reads (the Functions host's own limit is larger; ours is 16 MiB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A request body over the limit; `declared` when Content-Length alone refused it (nothing was read). */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly received: number,
    readonly declared: boolean,
  ) {
    super(
      declared
        ? `declared Content-Length ${received} is over the ${limit}-byte limit`
        : `body crossed the ${limit}-byte limit (${received} bytes received, reading stopped)`,
    );
    this.name = "BodyTooLargeError";
  }
}

/** The declared Content-Length when it is over `limit` (checked before a byte of the body is read). */
export function declaredOverLimit(req: http.IncomingMessage, limit = MAX_BODY_BYTES): number | undefined {
  const raw = req.headers["content-length"];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > limit ? n : undefined;
}

/**
 * Reads the body up to `limit` bytes. When the limit is crossed (a chunked body, or a client that sent
 * more than it declared) it stops reading at once (listeners off, stream paused) and rejects; the
 * caller answers 413 with `connection: close`, and Node destroys the socket once that answer is
 * written (`destroySoon`), so the rest of the body is never read.
 */
export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = declaredOverLimit(req, limit);
    if (declared !== undefined) {
      req.pause();
      reject(new BodyTooLargeError(limit, declared, true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        req.off("data", onData);
        req.off("end", onEnd);
        req.pause();
        reject(new BodyTooLargeError(limit, size, false));
        return;
      }
      chunks.push(c);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}
