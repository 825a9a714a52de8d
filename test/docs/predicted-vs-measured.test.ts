// The "Predicted vs measured" note stays honest: the committed calibration run's twins, simulated
// again with this engine, give exactly the simulated figures the run holds, and the built page shows
// exactly the run's figures — measured and simulated — its charts and its machine.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { calibrationRun } from "../../apps/docs/src/calibration/calibration-run";
import { formatFigure, withinBound } from "../../apps/docs/src/calibration/comparison";
import { twinFigure } from "../../bench/calibration/twin-figures";
import { DOCS_DIST } from "./support/docs-server";

const cases = Object.values(calibrationRun.cases);

describe("the committed calibration run", () => {
  it("holds every case, each with compared figures", () => {
    expect(Object.keys(calibrationRun.cases).sort()).toEqual(
      ["accept-queue", "event-loop", "gil", "postgres", "thread-pool"].sort(),
    );
    for (const c of cases) {
      expect(c.comparisons.length, c.name).toBeGreaterThan(0);
      for (const row of c.comparisons) {
        expect(Object.keys(c.twins), `${c.name}: ${row.label}`).toContain(row.twin);
        if (row.real !== 0) expect(row.ratio).toBeCloseTo(row.simulated / row.real, 12);
        else expect(row.ratio).toBeNull();
      }
    }
  });

  for (const c of cases) {
    for (const [key, twin] of Object.entries(c.twins)) {
      it(`${c.name}: the twin "${key}" simulated again gives the committed figures`, () => {
        const result = simulate(twin);
        for (const row of c.comparisons.filter((r) => r.twin === key))
          expect(twinFigure(result, row.figure), row.label).toBe(row.simulated);
      });
    }
  }
});

describe("the built page", () => {
  const page = () => readFile(join(DOCS_DIST, "notes/predicted-vs-measured/index.html"), "utf8");

  it("shows every compared figure of the run, measured and simulated, as the run holds it", async () => {
    const html = await page();
    for (const c of cases) {
      for (const row of c.comparisons) {
        const at = html.indexOf(`data-comparison="${row.label}"`);
        expect(at, `${c.name}: ${row.label}`).toBeGreaterThan(0);
        const cells = html.slice(at, html.indexOf("</tr>", at));
        expect(cells).toContain(`data-real="${String(row.real)}"`);
        expect(cells).toContain(`data-simulated="${String(row.simulated)}"`);
        expect(cells).toContain(`>${formatFigure(row.real, row.unit)}<`);
        expect(cells).toContain(`>${formatFigure(row.simulated, row.unit)}<`);
      }
    }
  });

  it("pre-renders every chart of the run, measured and simulated series on one SVG", async () => {
    const html = await page();
    for (const chart of cases.flatMap((c) => c.charts)) {
      const at = html.indexOf(`data-calibration-chart="${chart.id}"`);
      expect(at, chart.id).toBeGreaterThan(0);
      const figure = html.slice(at, html.indexOf("</figure>", at));
      expect(figure).toContain("<svg");
      for (const series of chart.series) expect(figure).toContain(series.name.replaceAll("&", "&amp;"));
    }
  });

  it("states for each case held to bounds which figures are outside them, and by how much", async () => {
    const html = await page();
    for (const c of cases) {
      const held = c.comparisons.filter((row) => row.bound !== undefined);
      if (held.length === 0) continue;
      const at = html.indexOf(`data-calibration-verdict="${c.name}"`);
      expect(at, c.name).toBeGreaterThan(0);
      const verdict = html.slice(at, html.indexOf("</div>", at));
      const outside = held.filter((row) => !withinBound(row));
      expect(verdict).toContain(`${held.length - outside.length} of the ${held.length} figures`);
      expect([...verdict.matchAll(/data-outside="([^"]+)"/g)].map((m) => m[1])).toEqual(
        outside.map((row) => row.label),
      );
      for (const row of outside) {
        const item = verdict.slice(verdict.indexOf(`data-outside="${row.label}"`));
        const text = item.slice(0, item.indexOf("</li>"));
        expect(text).toContain(`measured ${formatFigure(row.real, row.unit)}`);
        expect(text).toContain(`syslab ${formatFigure(row.simulated, row.unit)}`);
        if (row.ratio !== null) expect(text).toContain(`syslab / measured ${row.ratio.toFixed(2)}`);
        if (row.realTrials && row.realTrials.length > 1) {
          const within = row.realTrials.filter((real) =>
            withinBound({ ...row, real, ratio: real === 0 ? null : row.simulated / real }),
          ).length;
          expect(text).toContain(`within it of ${within} of the ${row.realTrials.length} single trials`);
        }
      }
    }
  });

  it("names the machine it was measured on, and its figures inline come from the run", async () => {
    const html = await page();
    expect(html).toContain(calibrationRun.machine.kernel);
    expect(html).toContain(calibrationRun.machine.cpu);
    for (const m of html.matchAll(
      /data-calibration-figure="([^|"]+)\|([^|"]+)\|([a-z]+)" data-value="([^"]+)"/g,
    )) {
      const row = calibrationRun.cases[m[1]!]!.comparisons.find((r) => r.label === m[2])!;
      const value = m[3] === "real" ? row.real : m[3] === "simulated" ? row.simulated : row.ratio;
      expect(value, m[2]).not.toBeNull();
      expect(Number(m[4]), m[2]).toBe(value);
    }
  });
});
