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
  // px: the least height left to the plot itself on a phone (a desktop keeps the declared height)
  var MIN_PLOT = 0, MIN_PLOT_PHONE = 180;
  // The theme's font (stories/theme.py), for measuring titles before plotly draws them.
  var FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

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
    // plotly never wraps a title: break it into lines that fit, and make room above the plot.
    var size = narrow ? 14 : Number(el.dataset.titlesize) || 17;
    var lines = wrap(el.dataset.title || "", el.clientWidth, size);
    o["title.text"] = lines.join("<br>");
    if (narrow) {
      o["font.size"] = 12;
      o["title.font.size"] = 14;
      o["margin.l"] = 40;
      // A chart that keeps room on the right (for labels past its bars) keeps some of it.
      o["margin.r"] = Math.max(8, Math.min(Number(el.dataset.marginr) || 0, Math.round(el.clientWidth * 0.22)));
      // (a phone form of small multiples has its panel titles just under the chart's title)
      o["margin.t"] = 24 + 19 * lines.length + (el.dataset.form === "phone" ? 16 : 0);
      // The axis title is centred under the plot area, which is narrower than the chart (its
      // width is known once plotly has laid the chart out: see fitAxisTitle).
      var plotWidth = Number(el.dataset.plotw) || el.clientWidth * 0.6;
      if (el.dataset.xtitle) o["xaxis.title.text"] = wrap(el.dataset.xtitle, plotWidth, 12).join("<br>");
    } else if (lines.length > 1) {
      o["margin.t"] = Number(el.dataset.margint) + Math.round(1.3 * size) * (lines.length - 1);
    }
    return o;
  }

  // Phone layout changes that depend on the figure itself, made once before the first draw.
  function fitToPhone(layout, data, width) {
    // plotly never wraps a legend entry: a long one would run past the screen.
    data.forEach(function (trace) {
      if (typeof trace.name === "string" && trace.showlegend !== false) {
        trace.name = wrap(trace.name, width - 40, 12).join("<br>");
      }
    });
    // A line-shaped marker as wide as a group of bars (a majority mark) is sized in px for a
    // desktop plot: at full size it would widen the axis and squeeze the bars on a phone.
    data.forEach(function (trace) {
      var marker = trace.marker;
      if (marker && typeof marker.symbol === "string" && marker.symbol.indexOf("line-ew") === 0 &&
          typeof marker.size === "number") {
        marker.size = Math.max(12, Math.round(marker.size * width / 760));
      }
    });
    // Category labels set by the chapter (ticktext) wrap to the room each category has.
    var xa = layout.xaxis || {};
    if (Array.isArray(xa.ticktext) && Array.isArray(xa.tickvals) && xa.tickvals.length) {
      var slot = (width - 60) / xa.tickvals.length;
      layout.xaxis = Object.assign({}, xa, {
        tickangle: 0,
        tickfont: Object.assign({}, xa.tickfont, { size: 10 }),
        ticktext: xa.ticktext.map(function (t) { return wrap(String(t), slot + 12, 10).join("<br>"); })
      });
    }
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
        return typeof label === "string" ? wrap(label, Math.min(150, 0.34 * width), 10).join("<br>") : label;
      };
      data.forEach(function (trace) {
        if (Array.isArray(trace.y)) trace.y = trace.y.map(relabel);
      });
      // Three value ticks at most: "15,000" four times does not fit a phone's narrow plot
      // without slanting (the bars carry their values anyway).
      layout.xaxis = Object.assign({}, layout.xaxis, { nticks: 3 });
      // A value that does not fit inside its bar goes past it, upright, rather than turned
      // on its side inside it.
      horizontal.forEach(function (trace) { if (trace.textangle === undefined) trace.textangle = 0; });
      var range = layout.xaxis && layout.xaxis.range;
      var outside = horizontal.some(function (trace) { return trace.textposition === "outside"; });
      if (outside && Array.isArray(range) && range.length === 2) {
        // Labels past the bars need room inside the plot (the margin is thin on a phone):
        // the value axis goes further, so that the bars are shorter and the labels stay clear
        // of any line drawn across the bars.
        layout.xaxis = Object.assign({}, layout.xaxis, { range: [range[0], range[0] + 1.5 * (range[1] - range[0])] });
      } else {
        horizontal.forEach(function (trace) {
          if (trace.textposition === "outside") trace.textposition = "auto";
        });
      }
      // The category names say what the axis is: its title would only take room from the bars.
      layout.yaxis = Object.assign({}, layout.yaxis, { tickfont: { size: 10 }, title: { text: "" } });
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

  // Break text into lines no wider than width px at this font size (measured with the chart's
  // own font; an estimate from the number of characters if the browser cannot measure).
  var measure = null;
  function textWidth(text, size) {
    if (measure === null) {
      var canvas = document.createElement("canvas");
      measure = (canvas.getContext && canvas.getContext("2d")) || false;
    }
    if (!measure) return text.length * size * 0.56;
    measure.font = size + "px " + FONT;
    return measure.measureText(text.replace(/<[^>]+>/g, "")).width;
  }

  function wrap(text, width, size) {
    var room = Math.max(width - 16, size * 4);
    var lines = [];
    text.split(/<br\s*\/?>/i).forEach(function (part) {
      var line = "";
      part.split(" ").forEach(function (word) {
        if (line && textWidth(line + " " + word, size) > room) {
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

  // What the figure itself says, else its template, else plotly's default.
  function setting(layout, path, fallback) {
    var read = function (node) {
      return path.split(".").reduce(function (n, k) { return n && typeof n === "object" ? n[k] : undefined; }, node);
    };
    var own = read(layout);
    if (own !== undefined && own !== null) return own;
    var inherited = read((layout.template && layout.template.layout) || {});
    return inherited !== undefined && inherited !== null ? inherited : fallback;
  }

  // The container and the figure have one height. plotly's responsive mode resizes a chart to
  // its container's box whenever the window changes size: a container left at a default height
  // would squash a taller chart into it, and its legend would spill over the caption.
  function setHeight(el, layout, height) {
    layout.height = height;
    el.style.height = el.style.minHeight = height + "px";
  }

  function draw(script) {
    var el = document.getElementById(script.dataset.target);
    if (!el || el.dataset.drawn) return;
    var fig = JSON.parse(script.textContent);
    var narrow = el.clientWidth < NARROW;
    // A chart may come with another form for narrow screens (e.g. small multiples).
    var phone = narrow && document.querySelector('script.lc-chart-phone[data-target="' + el.id + '"]');
    if (phone) {
      var small = JSON.parse(phone.textContent);
      small.layout.template = fig.layout.template;
      small.config = fig.config;
      fig = small;
      el.dataset.form = "phone";
    }
    el.dataset.title = titleText(fig.layout && fig.layout.title);
    el.dataset.titlesize = setting(fig.layout, "title.font.size", 17);
    el.dataset.margint = setting(fig.layout, "margin.t", 80);
    el.dataset.marginr = (fig.layout.margin && fig.layout.margin.r) || 0;
    var xaxis = (fig.layout && fig.layout.xaxis) || {};
    el.dataset.xtitle = titleText(xaxis.title);
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
    if (narrow && !phone && fitToPhone(layout, fig.data, el.clientWidth)) el.dataset.xtitle = "";
    setHeight(el, layout, setting(layout, "height", 450));
    var o = overrides(el);
    Object.keys(o).forEach(function (key) { setPath(layout, key, o[key]); });
    window.Plotly.newPlot(el, fig.data, layout, config).then(function () {
      if (narrow) fitAxisTitle(el);
      keepPlotHeight(el);
    });
  }

  // Tick labels, axis titles and legends take their room from the plot, inside a fixed height:
  // when that leaves too little plot, the chart grows instead (on a phone, mostly).
  function keepPlotHeight(el) {
    var full = el._fullLayout;
    var least = el.clientWidth < NARROW ? MIN_PLOT_PHONE : MIN_PLOT;
    if (!full || !full._size || full._size.h >= least) return;
    var height = Math.ceil(full.height + least - full._size.h);
    el.style.height = el.style.minHeight = height + "px";
    window.Plotly.relayout(el, { height: height });
  }

  // A plotly title is a string or {text: ...}; an empty one ({}) has no text (String({}) would
  // print "[object Object]" on the chart).
  function titleText(title) {
    if (typeof title === "string") return title;
    return (title && typeof title.text === "string") ? title.text : "";
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

  // "Link to this chart": the link already points at the chart's anchor; a click copies the full
  // address as well, and says so (where the clipboard is out of reach, the address is shown,
  // selected, for the reader to copy).
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      document.body.removeChild(area);
      if (copied) resolve(); else reject(new Error("copy refused"));
    });
  }

  function onLinkClick(event) {
    var link = event.currentTarget;
    var row = link.parentNode;
    var status = row.querySelector(".lc-link-status");
    event.preventDefault();
    history.replaceState(null, "", link.getAttribute("href"));
    var url = link.href;
    var say = function (text) {
      status.textContent = text;
      clearTimeout(link._lcTimer);
      link._lcTimer = setTimeout(function () { status.textContent = ""; }, 4000);
    };
    copyText(url).then(function () {
      say("Link copied");
    }, function () {
      var field = row.querySelector(".lc-link-url");
      if (!field) {
        field = document.createElement("input");
        field.type = "text";
        field.readOnly = true;
        field.className = "lc-link-url";
        field.setAttribute("aria-label", "Address of this chart");
        row.appendChild(field);
      }
      field.value = url;
      field.focus();
      field.select();
      say("Copy the selected address");
    });
  }

  function wireLinks() {
    document.querySelectorAll("a.lc-link").forEach(function (link) {
      link.addEventListener("click", onLinkClick);
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

  function init() {
    wireLinks();
    start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
