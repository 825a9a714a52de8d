// The waiting-for-jobs widget's model: polling's delay is near half its interval and its load grows with
// the clients waiting; long polling and push tell the client almost at once.
import { describe, expect, it } from "vitest";
import { waitingForJobs } from "../../../apps/docs/src/widgets/waiting-for-jobs";

const view = (method: string, clients = 100, interval = 2) =>
  waitingForJobs.compute({ method, clients, interval });
const number = (v: ReturnType<typeof view>, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("waiting-for-jobs widget", () => {
  it("polling every P: about P/2 of delay and about N/P requests per second", () => {
    const polled = view("poll", 100, 2);
    // Jobs of exponential 20 s: P/(1 − e^(−P/20)) − 20 = 1.02 s, plus 5 ms at the API.
    expect(Math.abs(number(polled, "notification-delay") - 1.02)).toBeLessThan(0.15);
    // 100 clients polling every 2 s: about 50 requests/s (λ × polls per job = 5 × 10.5 = 52).
    expect(Math.abs(number(polled, "api-requests") - 52.5) / 52.5).toBeLessThan(0.15);
    expect(polled.scenario).toMatchObject({ workload: { arrival: { rate: 5 } } });
  });

  it("long polling and push: far less delay and far fewer requests than polling", () => {
    const polled = view("poll");
    const long = view("long-poll");
    const pushed = view("push");
    expect(number(long, "notification-delay")).toBeLessThan(0.01);
    expect(number(pushed, "notification-delay")).toBeCloseTo(0.02, 9);
    expect(number(long, "api-requests")).toBeLessThan(number(polled, "api-requests") / 5);
    expect(number(pushed, "api-requests")).toBe(0);
  });

  it("ties its numbers to the chosen run's result fields", () => {
    const v = view("poll");
    const fields = v.numbers.filter((n) => n.field !== undefined);
    expect(fields.length).toBe(v.numbers.length);
    expect(fields.map((n) => n.field)).toContain("components.jobs.notificationDelay.mean");
  });
});
