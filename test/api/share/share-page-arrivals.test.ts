// How a share page's summary words each shape of open arrivals: a replayed trace by its count and
// span, a diurnal curve by its trough, peak and time of day, and flash crowds by factor and window.
import { describe, expect, test } from "vitest";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

/** The share page of a run of the quick M/M/4 queue with `arrival` in place of its own. */
async function summaryOf(arrival: unknown): Promise<string> {
  const { app } = testAppForThisTest();
  const base = quickScenario(7, 2000);
  const scenario = { ...base, workload: { ...base.workload, arrival } };
  const created = await app.request("/v1/runs", postRequest(scenario));
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const res = await app.request(`http://syslab.test/r/${id}`);
  expect(res.status).toBe(200);
  return res.text();
}

describe("a share page's summary of open arrivals", () => {
  test("a trace: how many arrivals are replayed, and over how long", async () => {
    const arrivals = Array.from({ length: 1000 }, (_, i) => (i + 1) * 0.012);
    const html = await summaryOf({ process: "trace", arrivals });
    expect(html).toContain("1,000 arrivals replayed from a trace over 12 s, entering at <strong>q</strong>.");
    expect(html).not.toContain("undefined");
  });

  test("a trace of objects and durations reads its last arrival's time", async () => {
    const html = await summaryOf({ process: "trace", arrivals: ["250ms", { at: "1.5s", class: "job" }] });
    expect(html).toContain("2 arrivals replayed from a trace over 1.5 s, entering at <strong>q</strong>.");
  });

  test("a diurnal curve: the trough rate, the peak factor and the time of day of the peak", async () => {
    const html = await summaryOf({
      process: "poisson",
      rate: 40,
      diurnal: { period: "24h", peakFactor: 3, peakAt: "14h" },
    });
    expect(html).toContain(
      "Poisson arrivals at 40/s at the trough, ×3 at the peak (14:00 of a 24 h cycle), entering at <strong>q</strong>.",
    );
  });

  test("a diurnal curve shorter than a day says how far into each cycle it peaks", async () => {
    const html = await summaryOf({
      process: "poisson",
      rate: 10,
      diurnal: { period: "60s", peakFactor: 2.5, peakAt: "15s" },
    });
    expect(html).toContain(
      "Poisson arrivals at 10/s at the trough, ×2.5 at the peak (15 s into each 60 s cycle), entering at <strong>q</strong>.",
    );
  });

  test("flash crowds: each one's factor, start and length, and its ramp when it has one", async () => {
    const one = await summaryOf({
      process: "poisson",
      rate: 40,
      flashCrowds: [{ at: "60s", for: "30s", factor: 5 }],
    });
    expect(one).toContain(
      "Poisson arrivals at 40/s, with a flash crowd of ×5 from 60 s for 30 s, entering at <strong>q</strong>.",
    );
    const two = await summaryOf({
      process: "poisson",
      rate: 40,
      diurnal: { peakFactor: 3, peakAt: "14h" },
      flashCrowds: [
        { at: "60s", for: "30s", factor: 5, ramp: "5s" },
        { at: "2h", for: "10s", factor: 2 },
      ],
    });
    expect(two).toContain(
      "Poisson arrivals at 40/s at the trough, ×3 at the peak (14:00 of a 24 h cycle), with flash crowds of ×5 from 60 s for 30 s (ramping over 5 s) and ×2 from 2 h for 10 s, entering at <strong>q</strong>.",
    );
  });
});
