/** The result-backend kind: where results are stored and polls read them. */
import type { ComponentKind } from "../component/component-kind";
import { ResultBackend, type ResultBackendStats } from "./result-backend";
import { type ResultBackendComponent, resultBackendSchema } from "./result-backend-schema";

export const resultBackendKind: ComponentKind<ResultBackendComponent, ResultBackendStats> = {
  type: "result-backend",
  schema: resultBackendSchema,
  create: (name, spec, context) => new ResultBackend(name, spec, context),
  hosts: {
    steps: [],
    use: 'a result backend runs no steps: call it with { "call": "<name>" } to read a result.',
  },
  // It knows how long its reads take: a call carries nothing.
  call: () => ({ needs: "nothing" }),
  names: () => [],
};
