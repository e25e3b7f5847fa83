// Charts for the progress page with Chart.js (shipped in static/vendor). Every chart has a
// table with the same figures on the page.
(function () {
  const el = document.getElementById("progress-data");
  if (!el || !window.Chart) return;
  const data = JSON.parse(el.textContent);
  // Colours come from the stylesheet so the charts follow the light or dark theme.
  const css = getComputedStyle(document.documentElement);
  const color = (name) => css.getPropertyValue(name).trim();
  const ink = color("--ink"), accent = color("--accent"), good = color("--good");
  Chart.defaults.borderColor = color("--line");
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
    options: { indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100, title: { display: true, text: data.text.mastery } }, y: { ticks: { autoSkip: false } } } },
  });
  const acc = document.getElementById("accuracy-chart");
  if (acc) new Chart(acc, {
    type: "line",
    data: { labels: data.accuracy.labels, datasets: [{ data: data.accuracy.values.map((v) => Math.round(v * 100)), borderColor: good, backgroundColor: good }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 100, title: { display: true, text: data.text.accuracy } } } },
  });
  bar("due-chart", data.due.labels, data.due.values);
  bar("workload-chart", data.workload.values.map((_, i) => (i === 0 ? data.text.today : data.text.later.replace("{n}", i))), data.workload.values);

})();
