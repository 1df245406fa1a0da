/* The swing explorer on the what-if page (liberal_crisis.site.explorer).

   Public contract, for tests and readers' own scripts (await window.swingExplorer.ready first):

     window.swingExplorer.seats(method, values) -> {party_code: seats}

   over the 338 ridings of the 2021 general election. method "uniform": values are changes in
   percentage points, added to a party's 2021 share in every riding where it stood, floored at 0;
   "proportional": values are ratios (>= 0) that multiply that share. A party absent from a riding
   stays absent; parties not named (or given null) are unchanged; every other candidate keeps its
   2021 share; the highest share wins. Shares are (votes / riding total) * 100 in double precision;
   two or more candidates within 1e-9 points of the top make a tie, counted under "TIE". The six
   main parties always appear (0 if they win nothing), any other winner (or TIE) when it wins.

   This is the rule of liberal_crisis.analysis.projection, operation for operation, so both give
   the same seats (tests/test_explorer.py). The data come from this site only. */
(function () {
  "use strict";

  var SCRIPT = document.currentScript;
  var TOL = 1e-9; // projection.winners(tol=1e-9)
  var TIE = "TIE";
  var MAIN = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"];
  var MODES = {
    light: { font: "#222222", grid: "#E5E5E5", line: "#888888" },
    dark: { font: "#E6E6E6", grid: "#3A3A3A", line: "#9A9A9A" }
  };

  var data = null; // the JSON written at build time
  var ridings = []; // {n, name, province, codes: [], shares: Float64Array, winner2021}
  var parties = {}; // code -> {name, plural, colour}
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });

  // ------------------------------------------------------------------------------------------
  // The rule
  // ------------------------------------------------------------------------------------------

  function prepare(payload) {
    return payload.ridings.map(function (r) {
      var total = 0;
      r.votes.forEach(function (v) { total += v[1]; });
      var shares = new Float64Array(r.votes.length);
      r.votes.forEach(function (v, i) { shares[i] = (v[1] / total) * 100; }); // swing.shares
      return { n: r.n, name: r.name, province: r.province,
               codes: r.votes.map(function (v) { return v[0]; }), shares: shares };
    });
  }

  function checkMethod(method) {
    if (method !== "uniform" && method !== "proportional") {
      throw new Error("method must be 'uniform' or 'proportional', not " + JSON.stringify(method));
    }
  }

  // values: {code: number}; a missing, null or NaN value leaves the party unchanged, and so does
  // an infinite ratio (projection.proportional_swing drops non-finite ratios).
  function valueOf(values, code, method) {
    if (!values || !Object.prototype.hasOwnProperty.call(values, code)) return null;
    var v = values[code];
    if (v === null || v === undefined || typeof v !== "number" || isNaN(v)) return null;
    if (method === "proportional" && !isFinite(v)) return null;
    return v;
  }

  function projectRiding(r, method, values) {
    var out = new Float64Array(r.shares.length);
    for (var i = 0; i < r.shares.length; i++) {
      var s = r.shares[i];
      var v = valueOf(values, r.codes[i], method);
      if (v === null || !(s > 0)) { out[i] = s; continue; } // absent (0) stays absent
      out[i] = method === "uniform" ? Math.max(0, s + v) : s * v;
    }
    return out;
  }

  function winnerOf(r, projected) {
    var top = -Infinity, at = -1;
    for (var i = 0; i < projected.length; i++) {
      if (projected[i] > top) { top = projected[i]; at = i; }
    }
    if (!(top > 0)) return null;
    var n = 0;
    for (var j = 0; j < projected.length; j++) if (projected[j] >= top - TOL) n++;
    return n > 1 ? TIE : r.codes[at];
  }

  function validate(method, values) {
    checkMethod(method);
    if (!data) throw new Error("the explorer's data are not loaded yet: await swingExplorer.ready");
    if (method === "proportional" && values) {
      Object.keys(values).forEach(function (code) {
        var v = valueOf(values, code, method);
        if (v !== null && v < 0) throw new Error("negative ratio for " + code);
      });
    }
  }

  function winners(method, values) {
    validate(method, values);
    return ridings.map(function (r) { return winnerOf(r, projectRiding(r, method, values)); });
  }

  function count(ws) {
    var seats = {};
    MAIN.forEach(function (c) { seats[c] = 0; });
    ws.forEach(function (w) { if (w !== null) seats[w] = (seats[w] || 0) + 1; });
    return seats;
  }

  function seats(method, values) {
    return count(winners(method, values));
  }

  window.swingExplorer = {
    ready: ready,
    seats: seats,
    // Also public: the projected winner of each 2021 riding, in riding-number order.
    ridings: function (method, values) {
      var ws = winners(method, values);
      return ridings.map(function (r, i) { return { n: r.n, name: r.name, winner: ws[i] }; });
    }
  };

  // ------------------------------------------------------------------------------------------
  // The page
  // ------------------------------------------------------------------------------------------

  var root, els = {}, state = { method: "uniform", preset: "none", values: {}, base: null };

  function $(id) { return document.getElementById(id); }

  function name(code) { return code === TIE ? "Tie" : (parties[code] || { name: code }).name; }
  function plural(code) { return (parties[code] || { plural: code }).plural; }

  function neutral(method) { return method === "uniform" ? 0 : 1; }

  function presetValues(id, method) {
    if (id === "none") return {};
    if (id === "polls") {
      var month = data.poll_months.filter(function (m) { return m.month === els.month.value; })[0];
      return month ? month[method] : {};
    }
    var p = data.presets.filter(function (q) { return q.id === id; })[0];
    return p ? p[method] : {};
  }

  function fmt(v, method) {
    // What the box shows; the exact preset value is kept in state.values until the reader edits.
    var digits = method === "uniform" ? 2 : 3;
    return String(Number(v.toFixed(digits)));
  }

  function loadPreset() {
    state.values = Object.assign({}, presetValues(state.preset, state.method));
    MAIN.forEach(function (code) {
      var input = els.inputs[code];
      var v = valueOf(state.values, code, state.method);
      input.value = fmt(v === null ? neutral(state.method) : v, state.method);
      input.removeAttribute("aria-invalid");
    });
  }

  function setMethodControls() {
    var uniform = state.method === "uniform";
    els.legend.textContent = uniform ? "Change in each party’s share (points)"
                                     : "Ratio for each party’s share (1 = no change)";
    els.hint.textContent = uniform
      ? "Points added to the party’s 2021 share in every riding where it stood (never below 0)."
      : "Each party’s 2021 share is multiplied by this number in every riding where it stood.";
    MAIN.forEach(function (code) {
      var input = els.inputs[code];
      input.step = uniform ? "0.1" : "0.01";
      input.min = uniform ? "-100" : "0";
      input.max = uniform ? "100" : "10";
    });
  }

  function onEdit(event) {
    var input = event.target;
    var code = input.dataset.party;
    var v = input.value === "" ? null : Number(input.value);
    if (v !== null && (isNaN(v) || (state.method === "proportional" && v < 0))) {
      input.setAttribute("aria-invalid", "true");
      v = null;
    } else {
      input.removeAttribute("aria-invalid");
    }
    if (v === null) delete state.values[code]; else state.values[code] = v;
    if (state.preset !== "custom") {
      state.preset = "custom";
      els.preset.value = "custom";
      els.monthRow.hidden = true;
    }
    update();
  }

  function onPreset() {
    state.preset = els.preset.value;
    els.monthRow.hidden = state.preset !== "polls";
    loadPreset();
    update();
  }

  function onMethod(event) {
    state.method = event.target.value;
    setMethodControls();
    if (state.preset === "custom") { // the reader's own numbers mean nothing in the other method
      state.preset = "none";
      els.preset.value = "none";
    }
    loadPreset();
    update();
  }

  function sentence(s, changed) {
    var order = Object.keys(s).filter(function (c) { return c !== TIE && s[c] > 0; })
      .sort(function (a, b) { return s[b] - s[a] || MAIN.indexOf(a) - MAIN.indexOf(b); });
    var top = order.filter(function (c) { return s[c] === s[order[0]]; });
    var lead, rest;
    if (top.length > 1) {
      lead = top.map(plural).join(" and ") + " " + s[top[0]] + " seats each, no majority";
      rest = order.slice(top.length);
    } else {
      var n = s[top[0]];
      lead = plural(top[0]) + " " + n + " seats, " + (n >= data.majority
        ? "a majority" : (data.majority - n) + " short of a majority");
      rest = order.slice(1);
    }
    var text = lead + " (" + data.majority + " of " + data.seats + " needed).";
    if (rest.length) text += " " + rest.map(function (c) { return plural(c) + " " + s[c]; }).join(", ") + ".";
    if (s[TIE]) text += " " + s[TIE] + (s[TIE] === 1 ? " riding tied." : " ridings tied.");
    text += " " + (changed === 1 ? "1 riding changes" : changed + " ridings change") + " hands.";
    return text;
  }

  // The layout is rebuilt only when the mode, the width class or the axis range changes; in
  // between, Plotly.react sees the same layout and redraws the bars alone.
  var chartLayout = null, chartKey = "", revision = 0, pending = null;

  function layoutFor(m, narrow, top) {
    return {
      height: narrow ? 300 : 340, margin: { l: narrow ? 40 : 56, r: 8, t: 16, b: narrow ? 70 : 50 },
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
              size: narrow ? 12 : 14, color: m.font },
      xaxis: { fixedrange: true, linecolor: m.line, tickangle: narrow ? -35 : 0, automargin: true },
      yaxis: { title: { text: "Seats" }, range: [0, top], fixedrange: true, gridcolor: m.grid,
               linecolor: m.line, zeroline: false },
      shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, y0: data.majority, y1: data.majority,
                 line: { color: m.font, width: 1.5, dash: "dash" } }],
      annotations: [{ xref: "paper", x: 1, xanchor: "right", y: data.majority, yanchor: "bottom",
                      text: "Majority: " + data.majority, showarrow: false,
                      font: { color: m.font, size: 12 } }],
      showlegend: false
    };
  }

  function drawChart(s) {
    if (!window.Plotly) return;
    var t0 = performance.now();
    var codes = MAIN.concat(Object.keys(s).filter(function (c) {
      return MAIN.indexOf(c) < 0 && s[c] > 0;
    }));
    var mode = document.documentElement.dataset.theme === "dark" ? "dark" : "light";
    var m = MODES[mode];
    var narrow = els.chart.clientWidth < 600;
    var max = Math.max.apply(null, codes.map(function (c) { return s[c]; }));
    var top = Math.max(data.majority + 50, Math.ceil((max * 1.12) / 50) * 50);
    var key = [mode, narrow, top].join(" ");
    if (key !== chartKey) { chartKey = key; chartLayout = layoutFor(m, narrow, top); }
    chartLayout.datarevision = ++revision;
    var trace = {
      type: "bar", x: codes.map(name), y: codes.map(function (c) { return s[c]; }),
      marker: { color: codes.map(function (c) { return c === TIE ? "#8C8C8C" : (parties[c] || {}).colour || "#8C8C8C"; }) },
      text: codes.map(function (c) { return String(s[c]); }), textposition: "outside",
      textfont: { color: m.font }, cliponaxis: false, hoverinfo: "skip"
    };
    window.Plotly.react(els.chart, [trace], chartLayout, { staticPlot: true, responsive: true });
    els.chart.dataset.drawMs = (performance.now() - t0).toFixed(2);
  }

  // Typing fast asks for many charts in one frame: draw the last one, once, in the next frame.
  function scheduleChart(s) {
    var first = pending === null;
    pending = s;
    if (first) requestAnimationFrame(function () { var p = pending; pending = null; drawChart(p); });
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
  }

  function update() {
    var ws = winners(state.method, state.values);
    var s = count(ws);
    var rows = document.createDocumentFragment();
    var changed = 0;
    ridings.forEach(function (r, i) {
      if (ws[i] === r.winner2021) return;
      changed++;
      var tr = document.createElement("tr");
      cell(tr, r.name); cell(tr, r.province); cell(tr, name(r.winner2021)); cell(tr, name(ws[i]));
      rows.appendChild(tr);
    });
    els.changes.replaceChildren(rows);
    els.changesSummary.textContent = changed === 0 ? "No riding changes hands"
      : (changed === 1 ? "1 riding changes" : changed + " ridings change") + " hands: the list";
    els.sentence.textContent = sentence(s, changed);
    els.chart.dataset.seats = JSON.stringify(s);
    showRiding();
    scheduleChart(s);
  }

  // -- riding search --------------------------------------------------------------------------

  function normal(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2013\u2014\-\/]+/g, " ").replace(/['’.]/g, "").replace(/\s+/g, " ").trim();
  }

  function matches(query) {
    var q = normal(query);
    if (!q) return [];
    var exact = ridings.filter(function (r) { return r.key === q; });
    if (exact.length) return exact;
    var words = q.split(" ");
    return ridings.filter(function (r) {
      return words.every(function (w) { return r.key.indexOf(w) >= 0; });
    });
  }

  function showMatches() {
    var found = matches(els.q.value);
    els.matches.replaceChildren();
    state.riding = found.length === 1 ? found[0] : null;
    if (found.length > 1) {
      var p = document.createElement("p");
      p.className = "lc-ex-hint";
      p.textContent = found.length > 8
        ? found.length + " ridings match: keep typing."
        : found.length + " ridings match:";
      els.matches.appendChild(p);
      if (found.length <= 8) {
        var ul = document.createElement("ul");
        ul.className = "lc-ex-matchlist";
        found.forEach(function (r) {
          var li = document.createElement("li");
          var b = document.createElement("button");
          b.type = "button";
          b.textContent = r.name + " (" + r.province + ")";
          b.addEventListener("click", function () {
            els.q.value = r.name;
            showMatches();
            els.q.focus();
          });
          li.appendChild(b);
          ul.appendChild(li);
        });
        els.matches.appendChild(ul);
      }
    } else if (found.length === 0 && normal(els.q.value)) {
      var none = document.createElement("p");
      none.className = "lc-ex-hint";
      none.textContent = "No 2021 riding has that name.";
      els.matches.appendChild(none);
    }
    showRiding();
  }

  function pct(v) { return v.toFixed(1); }

  function showRiding() {
    var r = state.riding;
    if (!r) { els.riding.replaceChildren(); return; }
    var projected = projectRiding(r, state.method, state.values);
    var w = winnerOf(r, projected);
    var box = document.createDocumentFragment();
    var h = document.createElement("h4");
    h.textContent = r.name + " (" + r.province + ")";
    box.appendChild(h);
    var p = document.createElement("p");
    p.textContent = "2021: " + name(r.winner2021) + ". Projected: " + name(w) +
      (w === r.winner2021 ? " (holds)." : " (changes hands).");
    box.appendChild(p);
    var wrap = document.createElement("div");
    wrap.className = "lc-table-scroll";
    wrap.tabIndex = 0; // a table wider than a phone scrolls: it must be reachable by keyboard
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Shares in " + r.name);
    var table = document.createElement("table");
    table.className = "lc-ex-table";
    var head = document.createElement("tr");
    ["Party", "2021 share (%)", "Projected share (%)"].forEach(function (t) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = t;
      head.appendChild(th);
    });
    var thead = document.createElement("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = document.createElement("tbody");
    r.codes.forEach(function (code, i) {
      var tr = document.createElement("tr");
      cell(tr, name(code)); cell(tr, pct(r.shares[i])); cell(tr, pct(projected[i]));
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    box.appendChild(wrap);
    els.riding.replaceChildren(box);
  }

  // -- set-up ---------------------------------------------------------------------------------

  function option(parent, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    parent.appendChild(o);
    return o;
  }

  function build() {
    var sel = els.preset;
    option(sel, "none", "No change: the 2021 result");
    var groups = {};
    data.presets.forEach(function (p) {
      if (!groups[p.group]) {
        groups[p.group] = document.createElement("optgroup");
        groups[p.group].label = p.group;
        sel.appendChild(groups[p.group]);
      }
      option(groups[p.group], p.id, p.label);
    });
    var national = groups.National || sel;
    option(national, "polls", "The national polls: mean of a month you pick");
    var custom = option(sel, "custom", "Your own values");
    custom.disabled = true;
    data.poll_months.forEach(function (m) {
      option(els.month, m.month, m.label + " (" + m.n_polls + (m.n_polls === 1 ? " poll)" : " polls)"));
    });
    var june = data.poll_months.filter(function (m) { return m.month === "2024-06"; })[0];
    els.month.value = june ? june.month : data.poll_months[data.poll_months.length - 1].month;
    data.ridings.forEach(function (r) { option(els.names, r.name, ""); });
  }

  function start() {
    root = $("swing-explorer");
    if (!root) return;
    els = {
      preset: $("lc-ex-preset"), month: $("lc-ex-month"), monthRow: $("lc-ex-month-row"),
      legend: $("lc-ex-values-legend"), hint: $("lc-ex-values-hint"), sentence: $("lc-ex-sentence"),
      chart: $("lc-ex-chart"), changes: $("lc-ex-changes"), changesSummary: $("lc-ex-changes-summary"),
      q: $("lc-ex-q"), names: $("lc-ex-names"), matches: $("lc-ex-matches"), riding: $("lc-ex-riding"),
      inputs: {}
    };
    MAIN.forEach(function (c) { els.inputs[c] = $("lc-ex-v-" + c); });
    var url = new URL(root.dataset.swingJson, SCRIPT.src);
    fetch(url.href).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url.href);
      return response.json();
    }).then(function (payload) {
      data = payload;
      data.parties.forEach(function (p) { parties[p.code] = p; });
      ridings = prepare(payload);
      var base = winners("uniform", {});
      ridings.forEach(function (r, i) { r.winner2021 = base[i]; r.key = normal(r.name); });
      build();
      $("lc-ex-form").addEventListener("submit", function (e) { e.preventDefault(); });
      els.preset.addEventListener("change", onPreset);
      els.month.addEventListener("change", onPreset);
      root.querySelectorAll('input[name="lc-ex-method"]').forEach(function (radio) {
        radio.addEventListener("change", onMethod);
      });
      MAIN.forEach(function (c) { els.inputs[c].addEventListener("input", onEdit); });
      els.q.addEventListener("input", showMatches);
      setMethodControls();
      loadPreset();
      root.hidden = false;
      update();
      whenPlotly(function () {
        drawChart(JSON.parse(els.chart.dataset.seats));
        root.dataset.ready = "1";
        resolveReady(window.swingExplorer);
      });
      new MutationObserver(function () { if (data) scheduleChart(JSON.parse(els.chart.dataset.seats)); })
        .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    }).catch(function (error) {
      console.error("swing explorer: " + error.message);
      rejectReady(error);
    });
  }

  function whenPlotly(then) {
    if (window.Plotly) return then();
    var tag = document.getElementById("lc-plotly");
    if (!tag) { console.error("plotly.js is not on this page: the explorer cannot draw"); return then(); }
    tag.addEventListener("load", then, { once: true });
    tag.addEventListener("error", function () {
      console.error("plotly.js did not load: the explorer cannot draw its chart");
      then();
    }, { once: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
