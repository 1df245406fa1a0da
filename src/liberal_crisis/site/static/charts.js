/* Draws the book's plotly charts from the JSON embedded in each page, each as the reader nears
   it (see "Each chart is drawn as it nears the window" below), and keeps them in step
   with the page's light/dark mode (pydata-sphinx-theme sets <html data-theme="light|dark">).
   Loaded only on pages that have a chart, after plotly.js, lc-theme.js (the theme's colours,
   font and sizes, written from stories/theme.py at build time) and charts-core.js (the pure
   decisions: LCChartsCore, tested in node, tests/js/). */
(function () {
  "use strict";

  var core = window.LCChartsCore; // charts-core.js: every pure decision (tests/js/)
  var NARROW = core.NARROW;
  // The edition's words and plotly.js locale (lc-theme.js, from liberal_crisis.i18n): the French
  // edition's months, tool bar and number separators; none in English (plotly's own).
  var theme = window.LCTheme || {};
  var words = theme.words || {};
  function word(text) { return words[text] || text; }
  var localeRegistered = false;
  function plotlyLocale(config) {
    if (!theme.locale) return config;
    if (!localeRegistered) {
      window.Plotly.register(theme.locale);
      localeRegistered = true;
    }
    config.locale = theme.locale.name;
    return config;
  }

  function modeName() {
    return core.modeName(document.documentElement.dataset.theme);
  }

  // Text widths measured with the chart's own font (an estimate if the browser cannot measure).
  var context = null;
  function measure(text, size) {
    if (context === null) {
      var canvas = document.createElement("canvas");
      context = (canvas.getContext && canvas.getContext("2d")) || false;
    }
    if (!context) return core.estimate(text, size);
    context.font = size + "px " + core.FONT;
    return context.measureText(text.replace(/<[^>]+>/g, "")).width;
  }

  function wrap(text, width, size) { return core.wrap(text, width, size, measure); }

  // Only colours and sizes change with the mode and the screen; the data never does.
  function overrides(el) {
    var d = el.dataset;
    return core.overrides({ width: el.clientWidth, title: d.title, titlesize: d.titlesize,
                            margint: d.margint, marginr: d.marginr, plotw: d.plotw,
                            xtitle: d.xtitle, axes: d.axes }, modeName(), measure);
  }

  // The container and the figure have one height. plotly's responsive mode resizes a chart to
  // its container's box whenever the window changes size: a container left at a default height
  // would squash a taller chart into it, and its legend would spill over the caption.
  function setHeight(el, layout, height) {
    layout.height = height;
    el.style.height = el.style.minHeight = height + "px";
  }

  function scriptOf(el) {
    return document.querySelector('script.lc-chart-data[data-target="' + el.id + '"]');
  }

  function draw(script) {
    var el = document.getElementById(script.dataset.target);
    if (!el || el.dataset.drawn) return;
    var fig = JSON.parse(script.textContent);
    var narrow = el.clientWidth < NARROW;
    // Every chart comes with its phone form (stories/phone_forms.py), drawn below NARROW px; a
    // trace it shares with the desktop form is sent once ({"lcSame": i}).
    var phone = narrow && document.querySelector('script.lc-chart-phone[data-target="' + el.id + '"]');
    if (phone) {
      var small = JSON.parse(phone.textContent);
      small.data = small.data.map(function (t) { return t.lcSame === undefined ? t : fig.data[t.lcSame]; });
      small.layout.template = fig.layout.template;
      small.config = fig.config;
      fig = small;
      el.dataset.form = "phone";
    }
    el.dataset.title = core.titleText(fig.layout && fig.layout.title);
    el.dataset.titlesize = core.setting(fig.layout, "title.font.size", core.TITLE_SIZE);
    el.dataset.margint = core.setting(fig.layout, "margin.t", 80);
    el.dataset.marginr = (fig.layout.margin && fig.layout.margin.r) || 0;
    var xaxis = (fig.layout && fig.layout.xaxis) || {};
    el.dataset.xtitle = core.titleText(xaxis.title);
    el.dataset.axes = Object.keys(fig.layout || {}).filter(function (key) {
      return /^[xy]axis[0-9]+$/.test(key);
    }).join(",");
    // On a phone the tool bar would sit on the title; tapping a point still shows its value.
    var config = plotlyLocale(core.config(fig.config, el.clientWidth));
    // A chart follows its column by being drawn again (follow, below), not by plotly's own
    // responsive mode, which only stretches the first drawing: its form, its wrapped text and
    // its margins were chosen for the width it was first drawn at.
    config.responsive = false;
    el.dataset.drawn = "1";
    el.dataset.width = el.clientWidth;
    el.dataset.mode = modeName();
    // Colours for the current mode and sizes for this screen go in before the first draw:
    // one render per chart, not a draw followed by a relayout.
    var layout = fig.layout || {};
    core.nameInLabel(fig.data);
    readableLabels(el, fig.data);
    core.fitWidth(layout, fig.data, el.clientWidth, measure);
    setHeight(el, layout, core.setting(layout, "height", 450));
    var o = overrides(el);
    Object.keys(o).forEach(function (key) { core.setPath(layout, key, o[key]); });
    // The drawing made at build time (site/first_screen.py) gives way to the live chart.
    el.querySelectorAll(".lc-snapshots").forEach(function (n) { n.remove(); });
    window.Plotly.newPlot(el, fig.data, layout, config).then(function () {
      if (narrow) fitAxisTitle(el);
      keepPlotHeight(el);
    });
  }

  // Tick labels, axis titles and legends take their room from the plot, inside a fixed height:
  // when that leaves too little plot, the chart grows instead (on a phone, mostly).
  function keepPlotHeight(el) {
    var full = el._fullLayout;
    if (!full || !full._size) return;
    var height = core.grownHeight(el.clientWidth, full.height, full._size.h);
    if (height === null) return;
    el.style.height = el.style.minHeight = height + "px";
    window.Plotly.relayout(el, { height: height });
  }

  // A chart follows its column both ways, with no reload: once its width has changed (the window
  // dragged, a phone turned, the sidebar shown), it is drawn again from its figure at the new
  // width, in the form for that width (a desktop chart narrowed below NARROW becomes its phone
  // form, and back). The column's width never depends on the chart's (site.css: .lc-chart).
  var waiting = new Set(), timer = null;
  function redraw(el) {
    var script = scriptOf(el);
    if (!script || !el.clientWidth || Number(el.dataset.width) === el.clientWidth) return;
    ["drawn", "form", "plotw", "width"].forEach(function (key) { delete el.dataset[key]; });
    window.Plotly.purge(el);
    draw(script);
  }
  function follow(entries) {
    var undrawnEls = [];
    entries.forEach(function (entry) {
      var el = entry.target;
      if (el.dataset.drawn && Number(el.dataset.width) !== el.clientWidth) waiting.add(el);
      if (!el.dataset.drawn) undrawnEls.push(el);
    });
    // Not drawn yet: it will be drawn at its width then; meanwhile its box takes the height of
    // that width's form. In the next frame: a size changed inside this callback is an error
    // ("ResizeObserver loop completed with undelivered notifications").
    if (undrawnEls.length) requestAnimationFrame(function () { reserve(undrawnEls); });
    if (!waiting.size) return;
    clearTimeout(timer);
    // once the width has stopped changing (a window being dragged passes through many widths)
    timer = setTimeout(function () {
      var els = Array.from(waiting);
      waiting.clear();
      els.forEach(redraw);
    }, 150);
  }

  // On a phone, wrap the x-axis title to the plot area's real width when the guess was wrong.
  function fitAxisTitle(el) {
    var size = el._fullLayout && el._fullLayout._size;
    if (!size || !el.dataset.xtitle || Number(el.dataset.plotw) === size.w) return;
    el.dataset.plotw = size.w;
    // at the size plotly draws it (a chart may set its own)
    var title = el._fullLayout.xaxis && el._fullLayout.xaxis.title;
    var font = (title && title.font && title.font.size) || core.PHONE_FONT_SIZE;
    var text = wrap(el.dataset.xtitle, size.w, font).join("<br>");
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
      restyleLabels(el);
    });
  }

  // Labels drawn in a party's colour (a line's name at its end) and values inside bars take a
  // tint that reads 4.5:1 on what is behind them in the page's mode (charts-core.js,
  // textColours). Worked out each time from the figure's own colours, kept on the element, so
  // switching back restores the first mode's tint. Before the first draw: changes data in place.
  function readableLabels(el, data) {
    el._lcText = core.textSources(data);
    var fix = core.textColours(el._lcText, el.dataset.mode);
    fix.traces.forEach(function (i, k) {
      Object.keys(fix.update).forEach(function (key) {
        if (fix.update[key][k] !== undefined) core.setPath(data[i], key, fix.update[key][k]);
      });
    });
  }
  // On a mode switch (a trace left undefined in a list keeps its colour: Plotly.restyle skips it)
  function restyleLabels(el) {
    var fix = el._lcText && core.textColours(el._lcText, el.dataset.mode);
    if (fix && fix.traces.length) window.Plotly.restyle(el, fix.update, fix.traces);
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
      say(word("Link copied"));
    }, function () {
      var field = row.querySelector(".lc-link-url");
      if (!field) {
        field = document.createElement("input");
        field.type = "text";
        field.readOnly = true;
        field.className = "lc-link-url";
        field.setAttribute("aria-label", word("Address of this chart"));
        row.appendChild(field);
      }
      field.value = url;
      field.focus();
      field.select();
      say(word("Copy the selected address"));
    });
  }

  function wireLinks() {
    document.querySelectorAll("a.lc-link").forEach(function (link) {
      link.addEventListener("click", onLinkClick);
    });
  }

  // Each chart is drawn as it nears the window, the first screen's first: drawing the national
  // picture's four charts at once took 2.2 s before the reader saw any (issue 20). A chart in
  // the window is drawn at once; then, one at a time with a paint between them, the nearest
  // within a screen of it (a reader scrolling meets them drawn); then, when the browser is idle,
  // the rest, nearest first, so that after a while every chart is drawn (find in page, tools and
  // tests that wait for every chart). Printing draws every chart first (beforeprint).
  // Meanwhile an undrawn chart's box keeps the height of the form it will be drawn in (reserve),
  // and its figure its title, description and table: what a screen reader reads is in the HTML.
  var pending = null; // {cancel} of the next step, when one is scheduled
  var near = null; // the IntersectionObserver that wakes the queue when a chart comes near
  var charts = []; // every chart of the page that has a figure, in page order (init)

  function undrawn() {
    return charts.filter(function (el) { return !el.dataset.drawn; });
  }

  // The height of the form each chart's width will draw (all read, then all written: one layout).
  function reserve(els) {
    var heights = els.map(function (el) {
      return core.reservedHeight(el.clientWidth, Number(el.dataset.height), Number(el.dataset.phoneHeight));
    });
    els.forEach(function (el, i) {
      if (heights[i] !== null) el.style.height = el.style.minHeight = heights[i] + "px";
    });
  }

  function drawEl(el) {
    if (near) near.unobserve(el);
    draw(scriptOf(el));
  }

  // After the next paint (a task posted from an animation frame runs once it is painted).
  function afterPaint(fn) {
    var timer = null, frame = requestAnimationFrame(function () { timer = setTimeout(fn, 0); });
    return { cancel: function () { cancelAnimationFrame(frame); clearTimeout(timer); } };
  }

  function whenIdle(fn) {
    if (window.requestIdleCallback) {
      // the timeout: a page that is never idle still gets every chart in the end
      var id = window.requestIdleCallback(fn, { timeout: 2000 });
      return { cancel: function () { window.cancelIdleCallback(id); } };
    }
    var timer = setTimeout(fn, 200); // Safari has no requestIdleCallback
    return { cancel: function () { clearTimeout(timer); } };
  }

  // Draw what is in the window now, then schedule the next chart.
  function pump() {
    if (pending) { pending.cancel(); pending = null; }
    for (;;) {
      var els = undrawn();
      var next = core.nextToDraw(els.map(function (el) { return el.getBoundingClientRect(); }),
                                 window.innerHeight);
      if (next === null) {
        if (near) near.disconnect();
        near = null;
        return;
      }
      if (next.when !== "now") {
        pending = (next.when === "soon" ? afterPaint : whenIdle)(function () {
          pending = null;
          drawEl(els[next.index]);
          pump();
        });
        return;
      }
      drawEl(els[next.index]);
    }
  }

  function drawAll() {
    if (!window.Plotly) return;
    if (pending) { pending.cancel(); pending = null; }
    undrawn().forEach(drawEl);
    if (near) near.disconnect();
    near = null;
  }

  function start() {
    if (!window.Plotly) {
      // plotly.js is deferred, before this script: not there now means it failed to load (a
      // page that loads it asynchronously draws once it has run).
      var tag = document.getElementById("lc-plotly");
      if (!tag || tag.defer) {
        console.error(tag ? "plotly.js did not load: charts cannot be drawn"
                          : "plotly.js is not on this page: charts cannot be drawn");
        return;
      }
      tag.addEventListener("load", start, { once: true });
      tag.addEventListener("error", function () {
        console.error("plotly.js did not load: charts cannot be drawn");
      }, { once: true });
      return;
    }
    if (window.IntersectionObserver) {
      // A chart coming within a screen of the window (the reader scrolled, or followed a link)
      // is drawn next, ahead of the idle queue.
      near = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting && !e.target.dataset.drawn; })) pump();
      }, { rootMargin: "100% 0px" });
      undrawn().forEach(function (el) { near.observe(el); });
      pump();
    } else {
      drawAll();
    }
    window.addEventListener("beforeprint", drawAll);
    new MutationObserver(restyleAll).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"]
    });
  }

  function init() {
    wireLinks();
    charts = Array.prototype.filter.call(document.querySelectorAll(".lc-chart"), scriptOf);
    // Before plotly.js has arrived: every box at the height of its form, then followed.
    reserve(undrawn());
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(follow);
      document.querySelectorAll(".lc-chart").forEach(function (el) { observer.observe(el); });
    }
    start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
