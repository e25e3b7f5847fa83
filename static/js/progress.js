// Charts for the progress page with Chart.js (shipped in static/vendor). Every chart has a
// table with the same figures on the page.
(function () {
  const el = document.getElementById("progress-data");
  if (!el || !window.Chart) return;
  const data = JSON.parse(el.textContent);
  const ink = "#1b1f24", accent = "#0b5cad", good = "#176f2c";
  Chart.defaults.color = ink;
  Chart.defaults.animation = false;
  const bar = (id, labels, values, opts = {}) => {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: "bar",
      data: { labels, datasets: [{ data: values, backgroundColor: opts.color || accent }] },
      options: Object.assign({ maintainAspectRatio: false, plugins: { legend: { display: false } } }, opts.options || {}),
    });
  };
  bar("mastery-chart", data.mastery.labels, data.mastery.values.map((v) => (v === null ? 0 : Math.round(v * 100))), {
    options: { indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100, title: { display: true, text: "Mastery %" } }, y: { ticks: { autoSkip: false } } } },
  });
  const acc = document.getElementById("accuracy-chart");
  if (acc) new Chart(acc, {
    type: "line",
    data: { labels: data.accuracy.labels, datasets: [{ data: data.accuracy.values.map((v) => Math.round(v * 100)), borderColor: good, backgroundColor: good }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100, title: { display: true, text: "Accuracy %" } } } },
  });
  bar("due-chart", data.due.labels, data.due.values);
  bar("workload-chart", data.workload.values.map((_, i) => (i === 0 ? "Today" : `+${i}`)), data.workload.values);

  const heat = document.getElementById("heatmap-chart");
  if (heat && Chart.registry.controllers.get("matrix")) {
    const first = new Date(data.heatmap.days[0] + "T00:00:00Z");
    const offset = first.getUTCDay();
    const cells = data.heatmap.days.map((day, i) => ({ x: Math.floor((i + offset) / 7), y: (i + offset) % 7, v: data.heatmap.values[i], day }));
    const max = Math.max(1, ...data.heatmap.values);
    new Chart(heat, {
      type: "matrix",
      data: { datasets: [{
        data: cells,
        backgroundColor: (c) => { const v = c.raw ? c.raw.v : 0; return v === 0 ? "#ebedf0" : `rgba(23, 111, 44, ${0.25 + 0.75 * v / max})`; },
        width: ({ chart }) => (chart.chartArea || {}).width / 27 - 2,
        height: ({ chart }) => (chart.chartArea || {}).height / 7 - 2,
      }] },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: () => "", label: (c) => `${c.raw.day}: ${c.raw.v}` } } },
        scales: { x: { type: "linear", offset: true, min: -0.5, max: 26.5, display: false }, y: { type: "linear", offset: true, reverse: true, min: -0.5, max: 6.5, display: false } },
      },
    });
  }
})();
