// The single onError handler: every failure leaves the API as application/problem+json (RFC 9457).

import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "./api-error";
import { apiErrors } from "./catalogue";

/** A SyslabError from the engine, recognised by shape so that errors crossing a worker boundary count too. */
interface EngineError {
  code: string;
  title: string;
  message: string;
  hint: string;
  problems?: unknown[];
}

function isEngineError(err: unknown): err is EngineError {
  const e = err as Partial<EngineError> | null;
  return typeof e?.code === "string" && typeof e.title === "string" && typeof e.hint === "string";
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isEngineError(err)) {
    return new ApiError({
      status: 422,
      code: err.code,
      title: err.title,
      message: err.message,
      hint: err.hint,
      problems: err.problems as ApiError["problems"],
    });
  }
  if (err instanceof HTTPException && err.status < 500) {
    return new ApiError({
      status: err.status,
      code: "request.rejected",
      title: "Request rejected",
      message: err.message,
      hint: "",
    });
  }
  console.error(err);
  return apiErrors.internal();
}

export function problemBody(error: ApiError, instance: string): Record<string, unknown> {
  return {
    type: `urn:syslab:error:${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    hint: error.hint,
    ...(error.problems ? { problems: error.problems } : {}),
  };
}

export function problemResponse(err: unknown, c: Context): Response {
  const error = toApiError(err);
  return new Response(JSON.stringify(problemBody(error, c.req.path)), {
    status: error.status,
    headers: { "Content-Type": "application/problem+json", ...error.headers },
  });
}
