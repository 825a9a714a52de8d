/** One thing wrong with a scenario: where (a JSON path such as `workload.requests[0].steps[1].call`) and what to do. */
export interface Problem {
  path: string;
  code: string;
  message: string;
}
