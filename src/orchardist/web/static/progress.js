// The Progress page's chart of the last weeks, drawn from the figures the page holds as JSON.
// The table under it holds the same figures, so the page is complete without this script.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("progress-data");
  var canvas = document.getElementById("progress-chart");
  if (!source || !canvas || !window.Chart) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = { tended: "#2e7d4f", gives: "#1f6fb2", asks: "#c2571a" };
  var datasets = data.series.map(function (series) {
    return {
      type: "bar",
      label: series.label,
      data: series.data,
      backgroundColor: colours[series.key] || "#666666",
    };
  });
  if (data.goal > 0) {
    datasets.push({
      type: "line",
      label: data.goal_label,
      data: data.labels.map(function () {
        return data.goal;
      }),
      borderColor: "#7a7a7a",
      borderDash: [6, 4],
      pointRadius: 0,
      fill: false,
    });
  }
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  new window.Chart(canvas, {
    data: { labels: data.labels, datasets: datasets },
    options: {
      animation: reduceMotion ? false : undefined,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
});
