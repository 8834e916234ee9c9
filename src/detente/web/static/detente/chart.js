// Relationship timeline: cooperation (up) and conflict (down) per period, drawn as SVG
// from /api/timeline. No libraries; everything is built with DOM calls (no innerHTML).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 900, H = 360, PAD = { left: 58, right: 52, top: 30, bottom: 64 };

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

  var QUADS = [1, 2, 3, 4];
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  // One slot per period of either series, in date order; each series keeps its own period record.
  function align(series) {
    var starts = {};
    series.forEach(function (data) { data.periods.forEach(function (p) { starts[p.period] = p.label || p.period; }); });
    var byStart = series.map(function (data) {
      var index = {};
      data.periods.forEach(function (p) { index[p.period] = p; });
      return index;
    });
    return Object.keys(starts).sort().map(function (start) {
      return { start: start, label: starts[start], rows: byStart.map(function (index) { return index[start] || null; }) };
    });
  }

  function scale(slots) {
    var max = 1;
    slots.forEach(function (slot) {
      slot.rows.forEach(function (p) { if (p) max = Math.max(max, p.quad1 + p.quad2, p.quad3 + p.quad4); });
    });
    var plotH = H - PAD.top - PAD.bottom;
    return { max: max, mid: PAD.top + plotH / 2, unit: plotH / 2 / max, half: plotH / 2,
             step: (W - PAD.left - PAD.right) / Math.max(slots.length, 1) };
  }

  function drawAxes(svg, s, series) {
    el("line", { x1: PAD.left, x2: W - PAD.right, y1: s.mid, y2: s.mid, "class": "axis" }, svg);
    el("line", { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom, "class": "axis" }, svg);
    el("line", { x1: W - PAD.right, x2: W - PAD.right, y1: PAD.top, y2: H - PAD.bottom, "class": "axis" }, svg);
    [[PAD.top, "+" + s.max], [s.mid, "0"], [H - PAD.bottom, "-" + s.max]].forEach(function (t) {
      el("text", { x: PAD.left - 4, y: t[0] + 4, "text-anchor": "end", "class": "tick" }, svg).textContent = t[1];
    });
    [[PAD.top, "+10"], [s.mid, "0"], [H - PAD.bottom, "-10"]].forEach(function (t) {
      el("text", { x: W - PAD.right + 4, y: t[0] + 4, "class": "tick goldstein-tick" }, svg).textContent = t[1];
    });
    var left = el("text", { x: 12, y: s.mid, "class": "axis-label y-events",
                            transform: "rotate(-90 12 " + s.mid + ")", "text-anchor": "middle" }, svg);
    left.textContent = "events: ▲ cooperation · ▼ conflict";
    var rx = W - 8;
    var right = el("text", { x: rx, y: s.mid, "class": "axis-label y-goldstein",
                             transform: "rotate(90 " + rx + " " + s.mid + ")", "text-anchor": "middle" }, svg);
    right.textContent = "mean Goldstein score (−10 … +10)";
    var legend = el("g", { "class": "legend" }, svg), x = PAD.left;
    QUADS.forEach(function (q) {
      el("rect", { x: x, y: 6, width: 10, height: 10, "class": "bar-q" + q }, legend);
      var t = el("text", { x: x + 14, y: 15 }, legend);
      t.textContent = QUAD_NAMES[q];
      x += 14 + QUAD_NAMES[q].length * 6.2 + 10;
    });
    series.forEach(function (data, k) {
      el("line", { x1: x, x2: x + 18, y1: 11, y2: 11, "class": "goldstein series-" + k }, legend);
      var t = el("text", { x: x + 22, y: 15, "class": "series-name series-" + k }, legend);
      t.textContent = (k ? "▨ " : "") + (data.dyad_label || data.dyad);
      x += 22 + t.textContent.length * 6.2 + 12;
    });
  }

  function bar(svg, x, y, w, h, q, p, data, k) {
    var rect = el("rect", { x: x, y: y, width: Math.max(w, 1), height: Math.max(h, 0),
                            "class": "bar-q" + q + " " + (q < 3 ? "bar-coop" : "bar-conf") + " series-" + k,
                            tabindex: "0", "data-period": p.period, "data-dyad": data.dyad }, svg);
    el("title", {}, rect).textContent = (data.dyad_label || data.dyad) + ", " + (p.label || p.period) + ": " +
      p["quad" + q] + " " + QUAD_NAMES[q] + " (" + (p.quad1 + p.quad2) + " cooperative, " +
      (p.quad3 + p.quad4) + " conflictual events)";
    return rect;
  }

  // Bars are drawn into a detached group, then added at once; one pair of listeners on the group
  // (not two per bar: a week view has thousands) finds the bar's period.
  function drawBars(svg, slots, series, s, onPick) {
    var n = series.length, w = Math.max(s.step * 0.8 / n, 1);
    var labelEvery = Math.max(1, Math.ceil(slots.length / 12));
    var group = el("g", { "class": "bars" }), picks = [];
    function pick(e) {
      var target = e.target.closest ? e.target.closest("rect[data-pick]") : null;
      if (!target || (e.type === "keydown" && e.key !== "Enter")) return;
      var chosen = picks[Number(target.getAttribute("data-pick"))];
      onPick(chosen[0], chosen[1]);
    }
    group.addEventListener("click", pick);
    group.addEventListener("keydown", pick);
    slots.forEach(function (slot, i) {
      var x0 = PAD.left + i * s.step + s.step * 0.1;
      slot.rows.forEach(function (p, k) {
        if (!p || !p.events) return;
        var x = x0 + k * w, up = s.mid, down = s.mid;
        QUADS.forEach(function (q) {
          var h = p["quad" + q] * s.unit;
          if (!h) return;
          var rect = q < 3 ? bar(group, x, (up -= h), w, h, q, p, series[k], k) : bar(group, x, down, w, h, q, p, series[k], k);
          if (q >= 3) down += h;
          rect.setAttribute("data-pick", String(picks.length));
          picks.push([series[k], p]);
        });
      });
      if (i % labelEvery === 0) {
        var lx = PAD.left + i * s.step + s.step / 2, ly = H - PAD.bottom + 14;
        var t = el("text", { x: lx, y: ly, "class": "period-label", transform: "rotate(30 " + lx + " " + ly + ")" }, group);
        t.textContent = slot.label;
      }
    });
    svg.appendChild(group);
  }

  function drawGoldstein(svg, slots, series, s) {
    // Mean Goldstein on its own axis (right): a period without events is a gap in the line, never a zero.
    series.forEach(function (data, k) {
      var runs = [], run = [];
      slots.forEach(function (slot, i) {
        var p = slot.rows[k];
        if (!p || p.goldstein_mean === null || p.goldstein_mean === undefined) {
          if (run.length) runs.push(run);
          run = [];
          return;
        }
        run.push((PAD.left + (i + 0.5) * s.step).toFixed(1) + "," + (s.mid - p.goldstein_mean / 10 * s.half).toFixed(1));
      });
      if (run.length) runs.push(run);
      runs.forEach(function (points) {
        if (points.length === 1) {
          var xy = points[0].split(",");
          el("circle", { cx: xy[0], cy: xy[1], r: 2.5, "class": "goldstein-dot series-" + k }, svg);
          return;
        }
        var line = el("polyline", { points: points.join(" "), "class": "goldstein series-" + k }, svg);
        el("title", {}, line).textContent = (data.dyad_label || data.dyad) + ": mean Goldstein score (-10 conflict .. +10 cooperation)";
      });
    });
  }

  function drawTurningPoints(svg, data, slots, s) {
    var index = {};
    slots.forEach(function (slot, i) { index[slot.start] = i; });
    data.change_points.forEach(function (c) {
      if (!(c.period in index)) return;
      var x = PAD.left + index[c.period] * s.step;
      var line = el("line", { x1: x, x2: x, y1: PAD.top, y2: H - PAD.bottom, "class": "turning" }, svg);
      el("title", {}, line).textContent = "turning point " + (c.label || c.period) + ": relations " + c.direction;
    });
  }

  function showPeriod(box, chart, data, p) {
    box.textContent = "";
    html("strong", (data.dyad_label || data.dyad) + ", " + (p.label || p.period) + ": " + p.events + " events", box);
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

  function render(chart, series) {
    var box = document.getElementById("timeline-detail");
    chart.querySelectorAll("svg, p.chart-empty").forEach(function (n) { n.remove(); });
    if (!series.some(function (data) { return data.periods.length; })) {
      html("p", "No dated events for this relationship.", chart, { "class": "chart-empty" });
      return;
    }
    var slots = align(series), zoom = chart.zoom;
    if (zoom) slots = slots.slice(zoom[0], zoom[1] + 1);
    chart.querySelectorAll("button.zoom-reset").forEach(function (n) { n.remove(); });
    var names = series.map(function (d) { return d.dyad_label || d.dyad; }).join(" and ");
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img",
                          "aria-label": "cooperation and conflict per " + series[0].by + ": " + names }, chart);
    var s = scale(slots);
    drawAxes(svg, s, series);
    drawBars(svg, slots, series, s, function (data, p) { showPeriod(box, chart, data, p); });
    drawGoldstein(svg, slots, series, s);
    drawTurningPoints(svg, series[0], slots, s);
    brush(chart, svg, series, slots, s);
    if (zoom) {
      var reset = html("button", "Show all periods", chart, { type: "button", "class": "zoom-reset" });
      reset.addEventListener("click", function () { chart.zoom = null; render(chart, series); });
    }
    chart.setAttribute("data-zoomed", zoom ? "true" : "false");
    chart.setAttribute("data-loaded", "true");
    chart.setAttribute("data-series", String(series.length));
  }

  // Drag across the chart to zoom to those periods (a plain click still picks a bar).
  function brush(chart, svg, series, slots, s) {
    var start = null, band = null;
    function toX(event) {
      var box = svg.getBoundingClientRect();
      return (event.clientX - box.left) / box.width * W;
    }
    function slotAt(x) {
      return Math.min(slots.length - 1, Math.max(0, Math.floor((x - PAD.left) / s.step)));
    }
    svg.addEventListener("pointerdown", function (e) {
      start = toX(e);
      band = el("rect", { x: start, y: PAD.top, width: 0, height: H - PAD.top - PAD.bottom, "class": "brush" }, svg);
    });
    svg.addEventListener("pointermove", function (e) {
      if (start === null) return;
      var x = toX(e);
      band.setAttribute("x", Math.min(start, x));
      band.setAttribute("width", Math.abs(x - start));
    });
    svg.addEventListener("pointerup", function (e) {
      if (start === null) return;
      var end = toX(e), from = slotAt(Math.min(start, end)), to = slotAt(Math.max(start, end));
      band.remove();
      var dragged = Math.abs(end - start) > 12;
      start = null;
      if (!dragged || to <= from) return;
      var offset = chart.zoom ? chart.zoom[0] : 0;
      chart.zoom = [offset + from, offset + to];
      render(chart, series);
    });
  }

  function fetchTimeline(chart, a, b) {
    var params = new URLSearchParams({ a: a, b: b, by: chart.dataset.by });
    if (chart.dataset.theatre) params.set("theatre", chart.dataset.theatre);
    return fetch(chart.dataset.api + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("timeline " + r.status); return r.json(); });
  }

  // The page's own timeline comes with the page (a JSON data block, not a script): no second request.
  function embedded(chart) {
    var block = document.getElementById("timeline-data");
    if (!block) return null;
    var data = JSON.parse(block.textContent);
    block.remove();
    var same = data.by === chart.dataset.by && (data.theatre || "") === (chart.dataset.theatre || "");
    return same ? Promise.resolve(data) : null;
  }

  function load(chart) {
    chart.zoom = null;
    var wanted = [embedded(chart) || fetchTimeline(chart, chart.dataset.a, chart.dataset.b)];
    var other = (chart.dataset.compare || "").split("-");
    if (other.length === 2 && other[0] && other[1]) wanted.push(fetchTimeline(chart, other[0], other[1]));
    Promise.all(wanted)
      .then(function (series) { render(chart, series); })
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
