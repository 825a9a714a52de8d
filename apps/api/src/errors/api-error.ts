// The one error type the API throws; onError turns it into application/problem+json (RFC 9457).

import type { Problem } from "@syslab/sim-core";

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  message: string;
  hint: string;
  problems?: Problem[];
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly hint: string;
  readonly problems: Problem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.hint = init.hint;
    this.problems = init.problems;
    this.headers = init.headers ?? {};
  }
}
