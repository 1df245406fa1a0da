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

  function modeName() {
    return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
  }

  function mode() {
    return MODES[modeName()];
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
      // plotly never wraps a title: break it into lines that fit, and make room above the plot.
      var lines = wrap(el.dataset.title || "", el.clientWidth, 14);
      o["title.text"] = lines.join("<br>");
      o["margin.t"] = 24 + 19 * lines.length;
      // The axis title is centred under the plot area, which is narrower than the chart (its
      // width is known once plotly has laid the chart out: see fitAxisTitle).
      var plotWidth = Number(el.dataset.plotw) || el.clientWidth * 0.6;
      if (el.dataset.xtitle) o["xaxis.title.text"] = wrap(el.dataset.xtitle, plotWidth, 12).join("<br>");
    }
    return o;
  }

  // Phone layout changes that depend on the figure itself, made once before the first draw.
  function fitToPhone(layout, data) {
    var annotations = layout.annotations || [];
    var anchored = annotations.filter(function (a) { return a.xref === "x" || a.xref === undefined; });
    if (anchored.length > 3) {
      // Many labels pinned to data points overlap on a narrow plot: keep the marks, drop the
      // labels (the caption and the table below the chart say what they are).
      anchored.forEach(function (a) { a.visible = false; });
    }
    var horizontal = data.filter(function (t) { return t.type === "bar" && t.orientation === "h"; });
    if (horizontal.length) {
      // Long category names would take half the screen: wrap them, and let plotly put a value
      // inside its bar when there is no room outside.
      // The same new label in every trace on the axis (a line over the bars shares its categories).
      var relabel = function (label) {
        return typeof label === "string" ? wrap(label, 150, 10).join("<br>") : label;
      };
      data.forEach(function (trace) {
        if (Array.isArray(trace.y)) trace.y = trace.y.map(relabel);
      });
      horizontal.forEach(function (trace) {
        if (trace.textposition === "outside") trace.textposition = "auto";
      });
      layout.yaxis = Object.assign({}, layout.yaxis, { tickfont: { size: 10 } });
      if (Array.isArray(layout.yaxis.categoryarray)) {
        layout.yaxis.categoryarray = layout.yaxis.categoryarray.map(relabel);
      }
    }
    var categories = {};
    data.forEach(function (trace) {
      if (trace.type === "bar" && trace.orientation !== "h" && Array.isArray(trace.x)) {
        trace.x.forEach(function (x) { categories[x] = true; });
      }
    });
    if (Object.keys(categories).length > 6) {
      // Crowded category labels stand on end rather than run into each other; they name every
      // group themselves, so the axis title gives its room to the legend below.
      layout.xaxis = Object.assign({}, layout.xaxis, { tickangle: -90, tickfont: { size: 10 },
                                                        title: { text: "" } });
      return true;
    }
    return false;
  }

  function wrap(text, width, size) {
    var perLine = Math.max(16, Math.floor((width - 16) / (size * 0.56)));
    var lines = [];
    text.split(/<br\s*\/?>/i).forEach(function (part) {
      var line = "";
      part.split(" ").forEach(function (word) {
        if (line && (line + " " + word).length > perLine) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + " " + word : word;
        }
      });
      if (line) lines.push(line);
    });
    return lines;
  }

  // plotly draws a hover label's <extra> part (a chart's series or party name) beside the
  // label, in the trace colour on a fixed near-white box: 3.4:1 for Liberal red in dark mode,
  // 3.4:1 for grey in light mode, where text needs 4.5:1. Put the name in the label itself,
  // in the label's text colour (tests/test_dark_mode.py measures it).
  function nameInLabel(data) {
    data.forEach(function (trace) {
      var template = trace.hovertemplate;
      if (typeof template !== "string") return;
      var extra = template.match(/<extra>([\s\S]+?)<\/extra>/);
      if (extra) trace.hovertemplate = extra[1] + "<br>" + template.replace(extra[0], "<extra></extra>");
    });
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
    var title = fig.layout && fig.layout.title;
    el.dataset.title = (title && (title.text || title)) || "";
    var xaxis = (fig.layout && fig.layout.xaxis) || {};
    el.dataset.xtitle = (xaxis.title && (xaxis.title.text || xaxis.title)) || "";
    var config = Object.assign({}, fig.config || {}, {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      // On a phone the tool bar would sit on the title; tapping a point still shows its value.
      displayModeBar: el.clientWidth < NARROW ? false : "hover"
    });
    el.dataset.drawn = "1";
    el.dataset.mode = modeName();
    // Colours for the current mode and sizes for this screen go in before the first draw:
    // one render per chart, not a draw followed by a relayout.
    var layout = fig.layout || {};
    nameInLabel(fig.data);
    // The container takes the figure's height (the template's 420 px unless the figure sets
    // its own): plotly's responsive resize measures the container, and would otherwise shrink
    // or stretch the chart to the stylesheet's min-height (tests/test_chart_size.py).
    var height = layout.height || (layout.template && layout.template.layout &&
                                   layout.template.layout.height);
    if (height) el.style.height = el.style.minHeight = height + "px";
    if (el.clientWidth < NARROW && fitToPhone(layout, fig.data)) el.dataset.xtitle = "";
    var o = overrides(el);
    Object.keys(o).forEach(function (key) { setPath(layout, key, o[key]); });
    window.Plotly.newPlot(el, fig.data, layout, config).then(function () {
      if (el.clientWidth < NARROW) fitAxisTitle(el);
    });
  }

  // On a phone, wrap the x-axis title to the plot area's real width when the guess was wrong.
  function fitAxisTitle(el) {
    var size = el._fullLayout && el._fullLayout._size;
    if (!size || !el.dataset.xtitle || Number(el.dataset.plotw) === size.w) return;
    el.dataset.plotw = size.w;
    var text = wrap(el.dataset.xtitle, size.w, 12).join("<br>");
    var current = el.layout.xaxis && el.layout.xaxis.title && el.layout.xaxis.title.text;
    if (text !== current) window.Plotly.relayout(el, { "xaxis.title.text": text });
  }

  // The theme sets data-theme on load too, often to the mode the charts were drawn in: only a
  // real change is worth a relayout (one costs ~30 ms per chart).
  function restyleAll() {
    var now = modeName();
    document.querySelectorAll(".lc-chart[data-drawn]").forEach(function (el) {
      if (el.dataset.mode === now) return;
      el.dataset.mode = now;
      window.Plotly.relayout(el, overrides(el));
    });
  }

  function start() {
    if (!window.Plotly) {
      // plotly.js loads asynchronously: draw when it has run, or say why nothing is drawn.
      var tag = document.getElementById("lc-plotly");
      if (!tag) {
        console.error("plotly.js is not on this page: charts cannot be drawn");
        return;
      }
      tag.addEventListener("load", start, { once: true });
      tag.addEventListener("error", function () {
        console.error("plotly.js did not load: charts cannot be drawn");
      }, { once: true });
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
