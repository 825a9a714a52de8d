// The one script of an unfinished run's share page: it follows the run's event stream
// (GET /v1/runs/:id/events) and shows the progress, the events per second and an estimate of the
// time left, then reloads the page when the run is done. It is allowed by its hash in the page's
// Content-Security-Policy; without it the page reloads itself (a <noscript> refresh).

export const progressScript = `(() => {
  const box = document.querySelector("[data-progress]");
  if (!box || !window.EventSource) return;
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-progress-text]");
  const status = document.querySelector(".status");
  const source = new EventSource(box.dataset.events);
  let first;
  source.addEventListener("status", (e) => {
    const s = JSON.parse(e.data).status;
    if (status) { status.textContent = s; status.className = "status " + s; }
  });
  source.addEventListener("progress", (e) => {
    const p = JSON.parse(e.data);
    const now = Date.now();
    if (!first) first = { at: now, percent: p.percent, events: p.events };
    bar.value = Math.min(100, p.percent);
    let line = p.percent.toFixed(1) + "% · " + p.events.toLocaleString("en-US") + " events";
    const seconds = (now - first.at) / 1000;
    if (seconds >= 0.5) {
      line += " · " + Math.round((p.events - first.events) / seconds).toLocaleString("en-US") + " events/s";
      const perSecond = (p.percent - first.percent) / seconds;
      if (perSecond > 0) line += " · about " + Math.ceil((100 - p.percent) / perSecond) + " s left";
    }
    text.textContent = line;
    box.dataset.percent = String(p.percent);
  });
  const done = () => { source.close(); location.reload(); };
  source.addEventListener("result", done);
  source.addEventListener("failed", done);
  source.onerror = () => { source.close(); setTimeout(() => location.reload(), 2000); };
})();`;
