// Charts of a page: the data stand in <script type="application/json" id="charts"> (not run), one
// <div class="chart" data-chart="i"> per chart. Each chart saves as PNG from its toolbox.
"use strict";
(function () {
  const source = document.getElementById("charts");
  if (!source || typeof echarts === "undefined") return;
  const charts = JSON.parse(source.textContent);
  document.querySelectorAll("div.chart").forEach((el) => {
    const spec = charts[Number(el.dataset.chart)];
    if (!spec) return;
    const chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,  // drawn at once: a page read, printed or saved shows the whole chart
      title: { text: spec.title, subtext: spec.unit, left: 0, textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { top: 0, right: 80 },
      toolbox: { feature: { saveAsImage: { title: "保存为 PNG", name: spec.title } } },
      grid: { left: 60, right: 20, top: 50, bottom: 30 },
      xAxis: { type: "category", data: spec.years.map(String) },
      yAxis: { type: "value", scale: spec.type !== "bar" },  // bars start at 0
      series: spec.lines.map((line) => ({
        name: line.name, type: spec.type || "line", data: line.data, connectNulls: true, symbolSize: 7,
        lineStyle: line.dashed ? { type: "dashed" } : {},
      })),
    });
    el.dataset.rendered = "true";
    window.addEventListener("resize", () => chart.resize());
  });
})();
