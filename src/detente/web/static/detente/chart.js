// Relationship timeline: cooperation (up) and conflict (down) per period, drawn as SVG
// from /api/timeline. No libraries; everything is built with DOM calls (no innerHTML).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 900, H = 330, PAD = { left: 44, right: 12, top: 22, bottom: 56 };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(tag, text, parent, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function scale(periods) {
    var max = 1;
    periods.forEach(function (p) {
      max = Math.max(max, p.quad1 + p.quad2, p.quad3 + p.quad4);
    });
    var plotH = H - PAD.top - PAD.bottom;
    return { max: max, mid: PAD.top + plotH / 2, unit: plotH / 2 / max,
             step: (W - PAD.left - PAD.right) / Math.max(periods.length, 1) };
  }

  function drawAxes(svg, s) {
    el("line", { x1: PAD.left, x2: W - PAD.right, y1: s.mid, y2: s.mid, "class": "axis" }, svg);
    el("line", { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom, "class": "axis" }, svg);
    el("text", { x: 4, y: PAD.top + 10 }, svg).textContent = "+" + s.max;
    el("text", { x: 4, y: H - PAD.bottom }, svg).textContent = "-" + s.max;
    el("text", { x: W - PAD.right - 250, y: PAD.top - 6 }, svg).textContent = "▲ cooperation  ▼ conflict  — Goldstein";
  }

  function bar(svg, x, y, w, h, cls, period) {
    var rect = el("rect", { x: x, y: y, width: Math.max(w, 1), height: Math.max(h, 0), "class": cls,
                            tabindex: "0", "data-period": period.period }, svg);
    el("title", {}, rect).textContent = period.period + ": " + (period.quad1 + period.quad2) +
      " cooperative, " + (period.quad3 + period.quad4) + " conflictual events";
    return rect;
  }

  function drawBars(svg, periods, s, onPick) {
    var w = Math.max(s.step * 0.8, 1);
    var labelEvery = Math.max(1, Math.ceil(periods.length / 12));
    periods.forEach(function (p, i) {
      var x = PAD.left + i * s.step + (s.step - w) / 2;
      var coop = (p.quad1 + p.quad2) * s.unit, conf = (p.quad3 + p.quad4) * s.unit;
      [bar(svg, x, s.mid - coop, w, coop, "bar-coop", p), bar(svg, x, s.mid, w, conf, "bar-conf", p)]
        .forEach(function (rect) {
          rect.addEventListener("click", function () { onPick(p); });
          rect.addEventListener("keydown", function (e) { if (e.key === "Enter") onPick(p); });
        });
      if (i % labelEvery === 0) {
        var t = el("text", { x: x, y: H - PAD.bottom + 14, transform: "rotate(30 " + x + " " + (H - PAD.bottom + 14) + ")" }, svg);
        t.textContent = p.period;
      }
    });
  }

  function drawGoldstein(svg, periods, s) {
    // Mean Goldstein (-10 .. +10 over the full height) on the same midline; periods without events are skipped.
    var half = (H - PAD.top - PAD.bottom) / 2, points = [];
    periods.forEach(function (p, i) {
      if (p.goldstein_mean === null) return;
      points.push((PAD.left + (i + 0.5) * s.step).toFixed(1) + "," + (s.mid - p.goldstein_mean / 10 * half).toFixed(1));
    });
    if (points.length < 2) return;
    var line = el("polyline", { points: points.join(" "), "class": "goldstein" }, svg);
    el("title", {}, line).textContent = "mean Goldstein score (-10 conflict .. +10 cooperation)";
  }

  function drawTurningPoints(svg, data, s) {
    var index = {};
    data.periods.forEach(function (p, i) { index[p.period] = i; });
    data.change_points.forEach(function (c) {
      if (!(c.period in index)) return;
      var x = PAD.left + index[c.period] * s.step;
      var line = el("line", { x1: x, x2: x, y1: PAD.top, y2: H - PAD.bottom, "class": "turning" }, svg);
      el("title", {}, line).textContent = "turning point " + c.period + ": relations " + c.direction;
    });
  }

  function showPeriod(box, chart, data, p) {
    box.textContent = "";
    html("strong", p.period + ": " + p.events + " events", box);
    var list = html("ul", "", box);
    p.top_events.forEach(function (ref) {
      var li = html("li", "", list);
      html("a", "event " + ref.event_id + " (" + ref.cameo + ")", li, { href: "/events/" + ref.event_id + "/" });
      li.appendChild(document.createTextNode(" " + ref.date + ": " + ref.sentence + " "));
      if (ref.article_id) html("a", "(article)", li, { href: "/articles/" + ref.article_id + "/" });
    });
    var q = "?dyad=" + encodeURIComponent(data.dyad) + "&start=" + p.period + "&end=" + p.period_end;
    if (data.theatre) q += "&theatre=" + encodeURIComponent(data.theatre);
    html("a", "all events of this period", box, { href: chart.getAttribute("data-explorer") + q });
    box.hidden = false;
  }

  function render(chart, data) {
    var box = document.getElementById("timeline-detail");
    chart.querySelectorAll("svg, p.chart-empty").forEach(function (n) { n.remove(); });
    if (!data.periods.length) {
      html("p", "No dated events for this relationship.", chart, { "class": "chart-empty" });
      return;
    }
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img",
                          "aria-label": "cooperation and conflict per " + data.by }, chart);
    var s = scale(data.periods);
    drawAxes(svg, s);
    drawBars(svg, data.periods, s, function (p) { showPeriod(box, chart, data, p); });
    drawGoldstein(svg, data.periods, s);
    drawTurningPoints(svg, data, s);
    chart.setAttribute("data-loaded", "true");
  }

  function load(chart) {
    var params = new URLSearchParams({ a: chart.dataset.a, b: chart.dataset.b, by: chart.dataset.by });
    if (chart.dataset.theatre) params.set("theatre", chart.dataset.theatre);
    fetch(chart.dataset.api + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("timeline " + r.status); return r.json(); })
      .then(function (data) { render(chart, data); })
      .catch(function (err) { html("p", "The chart could not be loaded: " + err.message, chart, { "class": "chart-empty" }); });
  }

  function watchFilters(chart) {
    var form = document.getElementById("timeline-filters");
    if (!form) return;
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () {
        chart.dataset[select.name] = select.value;
        load(chart);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var chart = document.getElementById("timeline-chart");
    if (!chart) return;
    watchFilters(chart);
    load(chart);
  });
})();
