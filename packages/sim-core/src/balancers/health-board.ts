/** Where health checks and outlier detection report what they decide about a backend. */
export interface HealthBoard {
  /** Active checks marked the backend up or down. */
  checked(backend: number, up: boolean): void;
  /** Outlier detection ejected the backend, or let it back. */
  ejected(backend: number, out: boolean): void;
  readonly measuring: boolean;
}
