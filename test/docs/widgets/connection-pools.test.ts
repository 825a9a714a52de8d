// The connection-pools widget's model: the pgbouncer path goes through a real `pool` component in
// transaction mode, which caps the database's backends at the pool size.
import { describe, expect, it } from "vitest";
import { connectionPools } from "../../../apps/docs/src/widgets/connection-pools";

const view = (path: string, clients: number, poolSize = 16) =>
  connectionPools.compute({ path, clients, poolSize });
const number = (v: ReturnType<typeof view>, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("connection-pools widget", () => {
  it("routes the pgbouncer path through a transaction-mode pool whose size bounds the database's backends", () => {
    const pooled = view("pgbouncer", 256) as {
      scenario: { components: Record<string, Record<string, unknown>> };
    };
    expect(pooled.scenario.components.pgbouncer).toMatchObject({
      type: "pool",
      mode: "transaction",
      size: 16,
    });
    expect(pooled.scenario.components.db!.architecture).toMatchObject({ threads: 16 });
  });

  it("at 256 clients, 16 pooled connections complete more queries than 256 direct backends", () => {
    const pooled = view("pgbouncer", 256);
    const direct = number(pooled, "other-throughput");
    const throughPool = number(pooled, "throughput");
    expect(throughPool).toBeGreaterThan(1.2 * direct);
    expect(throughPool).toBeLessThanOrEqual(1000 * 1.02); // 4 cores / 4 ms of CPU per query
    expect(number(pooled, "switching")).toBeLessThan(number(view("direct", 256), "switching"));
  });
});
