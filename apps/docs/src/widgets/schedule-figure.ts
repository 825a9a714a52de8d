// One schedule the explorer found, step by step, as a widget figure: the failing one when there is
// one. The chart follows a shared variable in memory, or, for programs that end by getting stuck,
// the thread switches the schedule needs so far.
import type { TraceStep } from "@syslab/sim-core";
import type { WidgetFigure } from "./view";

export function scheduleFigure(
  schedule: TraceStep[],
  failing: boolean,
  watch?: { variable: string; initial: number },
): WidgetFigure {
  let value = watch?.initial ?? 0;
  const points = schedule.map((step, i): [number, number] => {
    if (watch) {
      if (step.wrote?.variable === watch.variable) value = step.wrote.value;
    } else if (step.preemption) value += 1;
    return [i + 1, value];
  });
  const yLabel = watch ? `${watch.variable} in memory` : "Preemptions so far";
  return {
    chart: {
      title: failing ? "The shortest failing schedule, step by step" : "One schedule, step by step",
      summary: failing
        ? `Step by step: ${schedule.map((s, i) => `${i + 1}. ${s.thread} ${s.action}${s.preemption ? " (preempts)" : ""}`).join("; ")}.`
        : `No schedule fails; one of them: ${schedule.map((s, i) => `${i + 1}. ${s.thread} ${s.action}`).join("; ")}.`,
      xLabel: "Step",
      yLabel,
      series: [{ name: yLabel, style: "line", points }],
    },
    table: {
      caption: failing ? "The failing schedule" : "One schedule",
      columns: ["Step", "Thread", "What it does", "Preempts"],
      rows: schedule.map((s, i) => [String(i + 1), s.thread, s.action, s.preemption ? "yes" : ""]),
    },
  };
}
