/* Draws the book's plotly charts from the JSON embedded in each page, and keeps them in step
   with the page's light/dark mode (pydata-sphinx-theme sets <html data-theme="light|dark">).
   Loaded only on pages that have a chart, after plotly.js (both deferred). */
(function () {
  "use strict";

  var MODES = {
    light: { font: "#222222", grid: "#E5E5E5", line: "#888888", hoverbg: "#FFFFFF" },
    dark: { font: "#E6E6E6", grid: "#3A3A3A", line: "#9A9A9A", hoverbg: "#1E1E1E" }
  };
  var NARROW = 600; // px: below this, tighter margins and smaller type so the plot keeps its width

  function mode() {
    return document.documentElement.dataset.theme === "dark" ? MODES.dark : MODES.light;
  }

  // Only colours and sizes change with the mode and the screen; the data never does.
  function overrides(el) {
    var m = mode();
    var narrow = el.clientWidth < NARROW;
    var o = {
      "font.color": m.font,
      "title.font.color": m.font,
      "legend.font.color": m.font,
      "hoverlabel.bgcolor": m.hoverbg,
      "hoverlabel.font.color": m.font,
      "xaxis.gridcolor": m.grid, "yaxis.gridcolor": m.grid,
      "xaxis.linecolor": m.line, "yaxis.linecolor": m.line,
      "xaxis.tickfont.color": m.font, "yaxis.tickfont.color": m.font,
      "xaxis.title.font.color": m.font, "yaxis.title.font.color": m.font
    };
    if (narrow) {
      o["font.size"] = 12;
      o["title.font.size"] = 14;
      o["margin.l"] = 40;
      o["margin.r"] = 8;
    }
    return o;
  }

  // Set "a.b.c" = value in a nested object (the same keys Plotly.relayout takes).
  function setPath(target, path, value) {
    var keys = path.split(".");
    var node = target;
    for (var i = 0; i < keys.length - 1; i++) {
      if (typeof node[keys[i]] !== "object" || node[keys[i]] === null) node[keys[i]] = {};
      node = node[keys[i]];
    }
    node[keys[keys.length - 1]] = value;
  }

  function draw(script) {
    var el = document.getElementById(script.dataset.target);
    if (!el || el.dataset.drawn) return;
    var fig = JSON.parse(script.textContent);
    var config = Object.assign({}, fig.config || {}, {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"]
    });
    el.dataset.drawn = "1";
    // Colours for the current mode and sizes for this screen go in before the first draw:
    // one render per chart, not a draw followed by a relayout.
    var layout = fig.layout || {};
    var o = overrides(el);
    Object.keys(o).forEach(function (key) { setPath(layout, key, o[key]); });
    window.Plotly.newPlot(el, fig.data, layout, config);
  }

  function restyleAll() {
    document.querySelectorAll(".lc-chart[data-drawn]").forEach(function (el) {
      window.Plotly.relayout(el, overrides(el));
    });
  }

  function start() {
    if (!window.Plotly) {
      console.error("plotly.js did not load: charts cannot be drawn");
      return;
    }
    document.querySelectorAll("script.lc-chart-data").forEach(draw);
    new MutationObserver(restyleAll).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"]
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
