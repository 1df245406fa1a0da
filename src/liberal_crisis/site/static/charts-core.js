/* The chart desk's pure decisions: colours per mode, title and label wrapping to the width.
   No page, no DOM, no plotly: charts.js draws, this decides.

   Loaded on chart pages before charts.js, where it sets the global LCChartsCore; in node,
   `require` returns the same object (tests/js/charts-core.test.js, `node --test`; StrykerJS
   mutates it: `make mutants-js`). Text widths come from a `measure(text, size)` function: the
   browser passes one that measures with a canvas in the chart's font; without one (node, or a
   browser without canvas) a width is estimated from the number of characters. */
// Stryker disable all: the UMD wrapper; node always takes the module.exports branch (the
// browser's global is checked by tests/test_explorer.py and the chart tests). See CONTRIBUTING.
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.LCChartsCore = factory(root.LCTheme);
})(typeof self !== "undefined" ? self : this, function (theme) {
  // Stryker restore all
  "use strict";

  // Every colour, font and size comes from the theme (stories/theme.py, `theme.browser()`):
  // in the browser _static/lc-theme.js sets LCTheme before this file runs; in node the tests
  // call this factory with a theme of their own.
  var MODES = theme.modes; // {light|dark: {font, grid, line, hoverbg}}
  var NARROW = theme.phoneWidth; // px: below this, tighter margins and smaller type
  // px: the least height left to the plot itself on a phone (a desktop keeps the declared height)
  var MIN_PLOT = 0, MIN_PLOT_PHONE = 180;
  // The theme's font, for measuring titles before plotly draws them.
  var FONT = theme.font;
  var SIZE = theme.phoneFontSize, TITLE = theme.titleSize, PHONE_TITLE = theme.phoneTitleSize;
  var TICK = theme.phoneTickSize;

  // pydata-sphinx-theme sets <html data-theme="light|dark">; anything else reads as light.
  function modeName(theme) { return theme === "dark" ? "dark" : "light"; }
  function isNarrow(width) { return width < NARROW; }

  // Without a canvas: 0.56 of the font size per character, tags left out.
  function estimate(text, size) { return text.replace(/<[^>]+>|\u200b/g, "").length * size * 0.56; }

  // Break text into lines no wider than width px at this font size; a <br> always breaks. A line
  // may break at a space or at a zero-width space (stories/phone_forms.py puts one after an en
  // dash: "Cloverdale–" / "Langley City"); a no-break space never breaks.
  function wrap(text, width, size, measure) {
    var widthOf = measure || estimate;
    var room = Math.max(width - 16, size * 4);
    var lines = [];
    text.split(/<br\s*\/?>/i).forEach(function (part) {
      var line = "";
      part.split(" ").forEach(function (word) {
        word.split("\u200b").forEach(function (piece, k) {
          var joint = k ? "\u200b" : " ";
          if (line && widthOf(line + joint + piece, size) > room) {
            lines.push(line);
            line = piece;
          } else {
            line = line ? line + joint + piece : piece;
          }
        });
      });
      if (line) lines.push(line);
    });
    return lines;
  }

  // Only colours and sizes change with the mode and the screen; the data never does.
  // box: the chart's width and what draw() noted about the figure (strings, as in a dataset):
  // {width, title, titlesize, margint, marginr, plotw, xtitle, axes}; axes: the figure's
  // other axes, comma-separated ("xaxis2,yaxis2": the panels of small multiples).
  function overrides(box, mode, measure) {
    var m = MODES[mode];
    var narrow = isNarrow(box.width);
    var o = {
      "font.color": m.font,
      "title.font.color": m.font,
      "legend.font.color": m.font,
      "hoverlabel.bgcolor": m.hoverbg,
      "hoverlabel.font.color": m.font
    };
    // Every axis, not the first two only: a panel's gridlines left in the template's colour
    // were bright lines on the dark page (tests/test_dark_mode.py, at 375 px).
    ["xaxis", "yaxis"].concat(box.axes ? String(box.axes).split(",") : []).forEach(function (axis) {
      o[axis + ".gridcolor"] = m.grid;
      o[axis + ".linecolor"] = m.line;
      o[axis + ".tickfont.color"] = m.font;
      o[axis + ".title.font.color"] = m.font;
    });
    // Marks coloured by mode through a colour axis (stories/theme.py, MODE_AXES): a quiet grey
    // on white glares on black. An axis no trace of the chart uses is ignored by plotly.
    var scales = theme.modeScales || {};
    Object.keys(scales).forEach(function (axis) { o[axis + ".colorscale"] = scales[axis][mode]; });
    // plotly never wraps a title: break it into lines that fit, and make room above the plot.
    var size = narrow ? PHONE_TITLE : Number(box.titlesize) || TITLE;
    var lines = wrap(box.title || "", box.width, size, measure);
    o["title.text"] = lines.join("<br>");
    if (narrow) {
      o["font.size"] = SIZE;
      o["title.font.size"] = PHONE_TITLE;
      o["margin.l"] = 40;
      // A chart that keeps room on the right (for labels past its bars) keeps some of it.
      o["margin.r"] = Math.max(8, Math.min(Number(box.marginr) || 0, Math.round(box.width * 0.22)));
      // The phone form's own top margin (room for a level axis title, panel titles), and room
      // for the title's lines when plotly draws it (a page writes it above the chart instead).
      o["margin.t"] = (Number(box.margint) || 20) + 4 + 19 * lines.length;
      // The axis title is centred under the plot area, which is narrower than the chart (its
      // width is known once plotly has laid the chart out: charts.js, fitAxisTitle).
      var plotWidth = Number(box.plotw) || box.width * 0.6;
      if (box.xtitle) o["xaxis.title.text"] = wrap(box.xtitle, plotWidth, SIZE, measure).join("<br>");
      // ... at the size it was wrapped for: the template's axis titles are larger, and a line
      // wrapped for 12 px ran past the chart's edge at 14 (what-if defences, at 375 px).
      o["xaxis.title.font.size"] = SIZE;
    } else if (lines.length > 1) {
      o["margin.t"] = Number(box.margint) + Math.round(1.3 * size) * (lines.length - 1);
    }
    return o;
  }

  // What of a chart depends on the real width, made once before the first draw: text wrapped
  // to the room measured (category names at any width; on a phone legend names and the names
  // down the side too), a wide line marker scaled to a phone's plot. Nothing is dropped,
  // turned or moved here: the phone form itself is made in Python (stories/phone_forms.py), where
  // its author sees it. Changes layout and data in place.
  function fitWidth(layout, data, width, measure) {
    // Category names along the bottom (stories/phone_forms.py puts them in ticktext) wrap to the
    // room each category has, at any width: plotly would turn them.
    var xa = layout.xaxis || {};
    if (Array.isArray(xa.ticktext) && Array.isArray(xa.tickvals) && xa.tickvals.length) {
      var slot = (width - 60) / xa.tickvals.length;
      var size = (xa.tickfont && xa.tickfont.size) || (isNarrow(width) ? SIZE : theme.fontSize);
      xa.ticktext = xa.ticktext.map(function (t) { return wrap(String(t), slot + 12, size, measure).join("<br>"); });
    }
    if (!isNarrow(width)) return;
    // plotly never wraps a legend entry: a long one would run past the screen.
    data.forEach(function (trace) {
      if (typeof trace.name === "string" && trace.showlegend !== false) {
        trace.name = wrap(trace.name, width - 40, SIZE, measure).join("<br>");
      }
    });
    // A line-shaped marker as wide as a group of bars (a majority mark) is sized in px for a
    // desktop plot: at full size it would widen the axis and squeeze the bars on a phone.
    data.forEach(function (trace) {
      var marker = trace.marker;
      if (marker && typeof marker.symbol === "string" && /^line-(ew|ns)/.test(marker.symbol) &&
          typeof marker.size === "number") {
        marker.size = Math.max(12, Math.round(marker.size * width / 760));
      }
    });
    // Category names down the side (horizontal bars, a category axis) wrap to a third of the
    // chart, so that the plot keeps more than half of it. Every trace on the axis gets the same
    // new name (a line over the bars shares its categories).
    var ya = layout.yaxis || {};
    var side = ya.type === "category" || data.some(function (t) { return t.type === "bar" && t.orientation === "h"; });
    if (!side) return;
    var relabel = function (label) {
      return typeof label === "string" ? wrap(label, Math.min(150, 0.34 * width), TICK, measure).join("<br>") : label;
    };
    data.forEach(function (trace) {
      if (Array.isArray(trace.y)) trace.y = trace.y.map(relabel);
    });
    ["categoryarray", "tickvals", "ticktext"].forEach(function (key) {
      if (Array.isArray(ya[key])) ya[key] = ya[key].map(relabel);
    });
    // A label or a line placed at a category must find it under its new name.
    var onAxis = function (item) { return item.yref === undefined || item.yref === "y"; };
    if (layout.annotations) layout.annotations.filter(onAxis).forEach(function (a) {
      if (typeof a.y === "string") a.y = relabel(a.y);
    });
    if (layout.shapes) layout.shapes.filter(onAxis).forEach(function (shape) {
      if (typeof shape.y0 === "string") shape.y0 = relabel(shape.y0);
      if (typeof shape.y1 === "string") shape.y1 = relabel(shape.y1);
    });
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

  // A plotly title is a string or {text: ...}; an empty one ({}) has no text (String({}) would
  // print "[object Object]" on the chart).
  function titleText(title) {
    if (typeof title === "string") return title;
    return (title && typeof title.text === "string") ? title.text : "";
  }

  // Tick labels, axis titles and legends take their room from the plot, inside a fixed height:
  // when that leaves too little plot, the chart grows instead. The new height, or null.
  function grownHeight(width, height, plotHeight) {
    var least = isNarrow(width) ? MIN_PLOT_PHONE : MIN_PLOT;
    if (plotHeight >= least) return null;
    return Math.ceil(height + least - plotHeight);
  }

  // A chart's box, before the chart is drawn, keeps the height of the form its width will draw
  // (the phone form's below NARROW): nothing below it moves when it is drawn, so a #fig-… link
  // stays on its chart while the charts above it draw. null for a box with no width (not laid
  // out), which keeps the height it has.
  function reservedHeight(width, desktop, phone) {
    if (!(width > 0) || !(desktop > 0)) return null;
    return isNarrow(width) && phone > 0 ? phone : desktop;
  }

  // Which chart to draw next, and when: the nearest to the window, the first in the page among
  // equals. boxes: the charts not drawn yet, {top, bottom} in px from the window's top (as
  // getBoundingClientRect gives them), in page order; height: the window's. "now": in the
  // window (drawn before the page is next painted); "soon": within one screen of it (next, each
  // after a paint: a reader scrolling meets it drawn); "idle": further (when the browser has
  // nothing else to do, so that after a while every chart is drawn: find in page, tests).
  // null when there is nothing left to draw.
  function nextToDraw(boxes, height) {
    var best = null, bestGap = Infinity;
    boxes.forEach(function (box, i) {
      var inside = box.bottom > 0 && box.top < height;
      var gap = inside ? -1 : box.top >= height ? box.top - height : -box.bottom;
      if (gap < bestGap) { bestGap = gap; best = i; }
    });
    if (best === null) return null;
    return { index: best, when: bestGap < 0 ? "now" : bestGap <= height ? "soon" : "idle" };
  }

  // The tool bar on a desktop shows on hover; on a phone it would sit on the title. No "Share
  // chart..." button (plotly.js 4 shows one by default): it sends the chart's data to Plotly's
  // cloud, another host, which this book never calls.
  function config(figConfig, width) {
    return Object.assign({}, figConfig || {}, {
      responsive: true,
      displaylogo: false,
      showSendToCloud: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      displayModeBar: isNarrow(width) ? false : "hover"
    });
  }

  // --- Data labels that read in either mode ---------------------------------------------------
  // Lines, bars and markers keep their party's colour; a label drawn in it (a line's name at its
  // end) takes a tint of it that reads at least TEXT_MIN:1 (WCAG 2) against what lies behind it:
  // the mode's page, or the bar or badge it sits on (tests/test_dark_mode.py measures the result).
  var TEXT_MIN = 4.5;
  var BLACK = [0, 0, 0], WHITE = [255, 255, 255];

  // A hex colour (3 or 6 digits) or an rgb/rgba functional colour as [r, g, b, a]; else null.
  function parseColour(colour) {
    if (typeof colour !== "string") return null;
    var s = colour.trim(), m = s.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
    if (m) {
      var h = m[1].length === 3 ? m[1].replace(/./g, "$&$&") : m[1];
      return [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); }).concat([1]);
    }
    m = s.match(/^rgba?\(([^)]+)\)$/i);
    if (!m) return null;
    var p = m[1].split(",").map(Number);
    if (p.length < 3 || p.some(isNaN)) return null;
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }

  function luminance(c) {
    var l = c.slice(0, 3).map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }

  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  // a moved the fraction t of the way to b, channel by channel, rounded to whole values
  function mix(a, b, t) {
    return [0, 1, 2].map(function (i) { return Math.round(a[i] + (b[i] - a[i]) * t); });
  }

  function hexOf(c) {
    return "#" + c.slice(0, 3).map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); })
      .join("").toUpperCase();
  }

  // colour seen through alpha over an opaque background
  function over(c, alpha, background) { return mix(background, c, alpha); }

  // The colour itself when it reads min:1 on the background; else the least tint of it, in
  // 1/255 steps, that does: toward black on a background lighter than the colour (the light
  // page), toward white on a darker one. Past the end of that way (a mid grey), the other way.
  // Black or white always gives 4.5:1 on one side of any opaque colour (black needs a luminance
  // of 0.175, white at most 0.183), so a label never has to leave its bar for want of contrast.
  function readable(colour, background, min) {
    var c = parseColour(colour), bg = parseColour(background);
    if (!c || !bg || contrast(c, bg) >= min) return colour;
    var ways = luminance(bg) >= luminance(c) ? [BLACK, WHITE] : [WHITE, BLACK];
    for (var w = 0; w < ways.length; w++) {
      for (var k = 1; k <= 255; k++) {
        var tint = mix(c, ways[w], k / 255);
        if (contrast(tint, bg) >= min) return hexOf(tint);
      }
    }
    return hexOf(contrast(BLACK, bg) >= contrast(WHITE, bg) ? BLACK : WHITE);
  }

  // A value inside a bar: its own colour when that reads; else the page's dark text or white,
  // whichever reads better on the bar, tinted further when it must.
  function onFill(colour, fill, min) {
    if (colour && parseColour(colour) && contrast(parseColour(colour), fill) >= min) return colour;
    var dark = MODES.light.font, light = theme.onFill;
    var best = contrast(parseColour(dark), fill) >= contrast(parseColour(light), fill) ? dark : light;
    return readable(best, hexOf(fill), min);
  }

  var at = function (value, j) { return Array.isArray(value) ? value[j] : value; };
  var get = function (obj, path) {
    return path.split(".").reduce(function (n, k) { return n && typeof n === "object" ? n[k] : undefined; }, obj);
  };

  // What textColours needs of each trace, copied before plotly draws (and changes) the figure.
  // (n: the number of points; labelled: the trace has text or a text template)
  var SOURCE_KEYS = ["type", "mode", "textposition", "opacity",
                     "textfont.color", "insidetextfont.color", "outsidetextfont.color",
                     "marker.color", "marker.opacity", "marker.size"];
  function textSources(data) {
    return data.map(function (trace) {
      var s = {};
      SOURCE_KEYS.forEach(function (key) {
        var v = get(trace, key);
        if (v !== undefined) s[key] = Array.isArray(v) ? v.slice() : v;
      });
      // (x and y may be plotly.py's packed arrays, {dtype, bdata}: no length, and not needed,
      // since a colour that varies by point comes in an array of its own)
      var lengths = [trace.x, trace.y, trace.text].concat(SOURCE_KEYS.map(function (k) { return s[k]; }))
        .map(function (v) { return Array.isArray(v) ? v.length : 1; });
      s.n = Math.max.apply(null, lengths);
      s.labelled = trace.text !== undefined || trace.texttemplate !== undefined;
      return s;
    });
  }

  // One colour for every point when they agree (a scalar reaches points an array would miss:
  // a list of one colour colours the first bar only).
  function collapse(list) {
    return list.every(function (c) { return c === list[0]; }) ? list[0] : list;
  }

  // A mark's colour at point j seen over the page (its opacity times the trace's), or null.
  function markAt(s, j, page) {
    var c = parseColour(at(s["marker.color"], j));
    if (!c) return null;
    // plotly draws markers of several sizes ("bubbles") at 0.7 unless told otherwise
    var fallback = Array.isArray(s["marker.size"]) ? 0.7 : 1;
    var alpha = c[3] * (at(s["marker.opacity"], j) === undefined ? fallback : at(s["marker.opacity"], j)) *
                (s.opacity === undefined ? 1 : s.opacity);
    return over(c, alpha, page);
  }

  // The text colours a figure's labels take in a mode: {traces: [indices], update: {attribute:
  // [value per listed trace, undefined where that trace keeps its own]}}, for Plotly.restyle
  // (a value is one colour or one per point). From textSources, so a mode is always worked out
  // from the figure's own colours. Touched: a text point coloured by the figure (on the page,
  // or on its marker when centred on one); a bar's value inside it (plotly's own choice, a
  // dark grey or white, is not always 4.5:1) and, when the figure colours it, outside it. Text
  // in the layout's font follows the mode already (overrides).
  function textColours(sources, mode) {
    var page = parseColour(MODES[mode].page);
    var found = [];
    sources.forEach(function (s, i) {
      var points = [];
      for (var j = 0; j < s.n; j++) points.push(j);
      var type = s.type || "scatter", up = {};
      if (type === "scatter" && /text/.test(s.mode || "") && s["textfont.color"] !== undefined) {
        var labels = points.map(function (j) {
          var centred = /markers/.test(s.mode) && (at(s.textposition, j) || "middle center") === "middle center";
          var mark = centred && markAt(s, j, page);
          return readable(at(s["textfont.color"], j), hexOf(mark || page), TEXT_MIN);
        });
        up["textfont.color"] = collapse(labels);
      } else if (type === "bar" && s.labelled) {
        var given = function (key, j) { return at(s[key], j) || at(s["textfont.color"], j); };
        var inside = points.map(function (j) {
          var fill = markAt(s, j, page);
          return fill ? onFill(given("insidetextfont.color", j), fill, TEXT_MIN) : undefined;
        });
        if (inside.every(function (c) { return c !== undefined; })) up["insidetextfont.color"] = collapse(inside);
        if (s["outsidetextfont.color"] !== undefined || s["textfont.color"] !== undefined) {
          up["outsidetextfont.color"] = collapse(points.map(function (j) {
            return readable(given("outsidetextfont.color", j), hexOf(page), TEXT_MIN);
          }));
        }
      }
      if (Object.keys(up).length) found.push([i, up]);
    });
    var update = {};
    found.forEach(function (f, k) {
      Object.keys(f[1]).forEach(function (key) {
        if (!update[key]) update[key] = found.map(function () { return undefined; });
        update[key][k] = f[1][key];
      });
    });
    return { traces: found.map(function (f) { return f[0]; }), update: update };
  }

  return {
    MODES: MODES, NARROW: NARROW, MIN_PLOT: MIN_PLOT, MIN_PLOT_PHONE: MIN_PLOT_PHONE, FONT: FONT,
    TITLE_SIZE: TITLE, PHONE_FONT_SIZE: SIZE, TEXT_MIN: TEXT_MIN,
    reservedHeight: reservedHeight, nextToDraw: nextToDraw,
    modeName: modeName, isNarrow: isNarrow, estimate: estimate, wrap: wrap, overrides: overrides,
    fitWidth: fitWidth, nameInLabel: nameInLabel, setPath: setPath, setting: setting,
    titleText: titleText, grownHeight: grownHeight, config: config,
    parseColour: parseColour, contrast: contrast, readable: readable, onFill: onFill,
    textSources: textSources, textColours: textColours
  };
});
