// How a client learns its task is done: polling every P adds P/2 on average (P at most) and costs
// about (task time)/P polls; long polling adds about nothing and at most one empty answer per hold
// timeout; push adds the network delay only. Tasks never queue here (many processes), so the task
// time R is exponential with mean m and the figures have closed forms.
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, jobScenario } from "./job-scenarios";

const MEAN = 5; // task time, seconds
const HOLD = 0.001; // each poll's time at the API

/**
 * Every poll is answered empty, with the result, or refused; those sent before the measured part
 * or still out at its end (at most the clients waiting then, about λ × mean at each end) differ.
 */
function expectAnswersAddUp(b: ReturnType<typeof broker>, mean: number): void {
  const open = b.polls - b.emptyPolls - b.known - b.failedPolls;
  expect(Math.abs(open)).toBeLessThanOrEqual(2 * 2 * mean);
}

function waiting(wait: Record<string, unknown>, mean = MEAN, extra?: Record<string, unknown>) {
  return simulate(
    jobScenario({
      rate: 2,
      task: { steps: [{ service: { exp: `${mean}s` } }] },
      wait,
      workers: { processes: 200 },
      duration: 4000,
      warmup: 100,
      seed: 5,
      ...(extra === undefined ? {} : { extra }),
    }),
  );
}

describe("waiting for a task", () => {
  for (const interval of [0.5, 2, 8]) {
    test(`polling every ${interval}s`, () => {
      const result = waiting({ by: "poll", interval: `${interval}s`, call: "api", hold: `${HOLD}s` }, MEAN, {
        api: { type: "station", servers: 100 },
      });
      const b = broker(result);
      // Polls at P, 2P, …: the first to see the result is poll ⌈R/P⌉, so with q = e^(−P/m),
      // E⌈R/P⌉ = 1/(1 − q) and the delay ⌈R/P⌉P − R has mean P/(1 − q) − m (≈ P/2 when P ≪ m).
      const q = Math.exp(-interval / MEAN);
      const polls = 1 / (1 - q);
      const delay = interval / (1 - q) - MEAN + HOLD;
      // The delay lies in [0, P]: its standard deviation is at most P/2; 5 standard errors.
      const n = b.known;
      expect(n).toBeGreaterThan(5000);
      expect(Math.abs(b.notificationDelay.mean - delay)).toBeLessThan((5 * interval) / 2 / Math.sqrt(n));
      expect(b.notificationDelay.max).toBeLessThanOrEqual(interval + HOLD + 1e-9);
      if (interval <= 0.5)
        expect(Math.abs(b.notificationDelay.mean - interval / 2)).toBeLessThan(0.05 * interval);
      // ⌈R/P⌉ has standard deviation √q/(1 − q); 5 standard errors.
      expect(Math.abs(b.pollsPerTask - polls)).toBeLessThan((5 * Math.sqrt(q)) / (1 - q) / Math.sqrt(n));
      if (interval <= MEAN / 2)
        expect(Math.abs(b.pollsPerTask - (MEAN / interval + 0.5))).toBeLessThan(0.05 * polls);
      expectAnswersAddUp(b, MEAN);
      // Each waiting client polls 1/P times a second: λ·E[polls]·… by Little, about λ(m/P + 1/2).
      expect(Math.abs(b.pollRate - 2 * polls) / (2 * polls)).toBeLessThan(0.05);
    });
  }

  test("long polling adds about nothing and at most one empty answer per hold timeout", () => {
    const timeout = 5;
    const mean = 20;
    const result = waiting({ by: "long-poll", timeout: `${timeout}s`, call: "api", hold: `${HOLD}s` }, mean, {
      api: { type: "station", servers: 1000 },
    });
    const b = broker(result);
    // A result stored while a poll is held is answered at once; one stored in the API's 1 ms between
    // polls waits for the next poll to arrive there.
    expect(b.notificationDelay.mean).toBeLessThan(HOLD / 10);
    expect(b.notificationDelay.max).toBeLessThanOrEqual(HOLD + 1e-9);
    // Empty answers per task: ⌊R/T⌋, of mean q/(1 − q) with q = e^(−T/m).
    const q = Math.exp(-timeout / mean);
    const empty = q / (1 - q);
    const n = b.known;
    expect(Math.abs(b.emptyPolls / n - empty)).toBeLessThan((5 * Math.sqrt(q)) / (1 - q) / Math.sqrt(n));
    expectAnswersAddUp(b, mean);
  });

  test("push adds the network delay only", () => {
    const result = waiting({ by: "push", delay: "20ms" });
    const b = broker(result);
    expect(b.notificationDelay.mean).toBeCloseTo(0.02, 9);
    expect(b.notificationDelay.max).toBeCloseTo(0.02, 9);
    expect(b.polls).toBe(0);
    // One connection per waiting client: λ × (m + 20 ms) by Little's law, within 5%.
    expect(Math.abs(b.pushConnections.mean - 2 * (MEAN + 0.02)) / (2 * MEAN)).toBeLessThan(0.05);
    // The request's latency is the time until the client knows: the task time plus 20 ms.
    expect(Math.abs(result.latency.mean - (b.taskTime.mean + 0.02))).toBeLessThan(0.05);
  });

  test("fire and forget: the request completes when the task is published", () => {
    const result = waiting({ by: "none" });
    expect(result.latency.max).toBe(0);
    expect(broker(result).known).toBe(0);
    expect(broker(result).completed).toBeGreaterThan(7000);
  });
});
