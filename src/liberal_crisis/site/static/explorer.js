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
   the same seats (tests/test_explorer.py). The data come from this site only.

   The rule and every pure decision (words, numbers, search, chart layout) are in
   explorer-core.js (LCExplorerCore, loaded first, tested in node: tests/js/); this file holds the
   page. */
(function () {
  "use strict";
  // The edition's words (lc-theme.js, from liberal_crisis.i18n; English when none is given).
  var words = (window.LCTheme && window.LCTheme.words) || {};
  function word(text) { return words[text] || text; }

  var SCRIPT = document.currentScript;
  var core = window.LCExplorerCore;
  var TIE = core.TIE;
  var MAIN = core.MAIN;

  var data = null; // the JSON written at build time
  var ridings = []; // {n, name, province, codes: [], shares: Float64Array, winner2021, key}
  var parties = {}; // code -> {name, plural, colour}
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });

  // ------------------------------------------------------------------------------------------
  // The rule (explorer-core.js), on this page's data
  // ------------------------------------------------------------------------------------------

  function winners(method, values) {
    core.checkMethod(method);
    if (!data) throw new Error("the explorer's data are not loaded yet: await swingExplorer.ready");
    return core.winners(ridings, method, values);
  }

  function seats(method, values) {
    return core.count(winners(method, values));
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

  function name(code) { return core.partyName(parties, code); }

  function loadPreset() {
    state.values = Object.assign({}, core.presetValues(data, state.preset, state.method, els.month.value));
    MAIN.forEach(function (code) {
      var input = els.inputs[code];
      var v = core.valueOf(state.values, code, state.method);
      // What the box shows; the exact preset value is kept in state.values until the reader edits.
      input.value = core.boxValue(v === null ? core.neutral(state.method) : v, state.method);
      input.removeAttribute("aria-invalid");
    });
  }

  function setMethodControls() {
    var t = core.methodText(state.method);
    els.legend.textContent = t.legend;
    els.hint.textContent = t.hint;
    MAIN.forEach(function (code) {
      var input = els.inputs[code];
      input.step = t.step;
      input.min = t.min;
      input.max = t.max;
    });
  }

  function onEdit(event) {
    var input = event.target;
    var code = input.dataset.party;
    var typed = core.readBox(input.value, state.method);
    if (typed.invalid) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (typed.value === null) delete state.values[code]; else state.values[code] = typed.value;
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

  // The layout is rebuilt only when the mode, the width class or the axis range changes; in
  // between, Plotly.react sees the same layout and redraws the bars alone.
  var chartLayout = null, chartKey = "", revision = 0, pending = null;

  function drawChart(s) {
    if (!window.Plotly) return;
    var t0 = performance.now();
    var mode = core.modeOf(document.documentElement.dataset.theme);
    var m = core.MODES[mode];
    var narrow = core.isNarrow(els.chart.clientWidth);
    var top = core.axisTop(s, data.majority);
    var key = [mode, narrow, top].join(" ");
    if (key !== chartKey) { chartKey = key; chartLayout = core.layoutFor(m, narrow, top, data.majority); }
    chartLayout.datarevision = ++revision;
    var trace = core.barTrace(s, parties, parties, m);
    window.Plotly.react(els.chart, [trace], chartLayout, { staticPlot: true, responsive: true });
    els.chart.dataset.drawMs = (performance.now() - t0).toFixed(2);
    els.chart.dataset.mode = mode;
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
    var s = core.count(ws);
    var rows = document.createDocumentFragment();
    ridings.forEach(function (r, i) {
      if (ws[i] === r.winner2021) return;
      var tr = document.createElement("tr");
      cell(tr, r.name); cell(tr, r.province); cell(tr, name(r.winner2021)); cell(tr, name(ws[i]));
      rows.appendChild(tr);
    });
    var changed = core.changedCount(ridings, ws);
    els.changes.replaceChildren(rows);
    els.changesSummary.textContent = core.changesSummary(changed);
    els.sentence.textContent = core.sentence(s, changed, parties, data.majority, data.seats);
    els.chart.dataset.seats = JSON.stringify(s);
    showRiding();
    scheduleChart(s);
  }

  // -- riding search --------------------------------------------------------------------------

  function showMatches() {
    var found = core.matches(ridings, els.q.value);
    els.matches.replaceChildren();
    state.riding = found.length === 1 ? found[0] : null;
    var hint = core.matchHint(found.length, els.q.value);
    if (hint) {
      var p = document.createElement("p");
      p.className = "lc-ex-hint";
      p.textContent = hint;
      els.matches.appendChild(p);
    }
    if (found.length > 1 && found.length <= core.MAX_LISTED) {
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
    showRiding();
  }

  function showRiding() {
    var r = state.riding;
    if (!r) { els.riding.replaceChildren(); return; }
    var projected = core.projectRiding(r, state.method, state.values);
    var w = core.winnerOf(r, projected);
    var shown = core.displayShares(projected);
    var box = document.createDocumentFragment();
    var h = document.createElement("h4");
    h.textContent = r.name + " (" + r.province + ")";
    box.appendChild(h);
    var p = document.createElement("p");
    p.textContent = core.ridingVerdict(parties, r.winner2021, w);
    box.appendChild(p);
    var wrap = document.createElement("div");
    wrap.className = "lc-table-scroll";
    wrap.tabIndex = 0; // a table wider than a phone scrolls: it must be reachable by keyboard
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", word("Shares in {riding}").replace("{riding}", r.name));
    var table = document.createElement("table");
    table.className = "lc-ex-table";
    var head = document.createElement("tr");
    [word("Party"), word("2021 share (%)"), word("Projected share (%)")].forEach(function (t) {
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
      cell(tr, name(code)); cell(tr, core.pct(r.shares[i])); cell(tr, core.pct(shown[i]));
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    box.appendChild(wrap);
    var note = core.rescaleNote(projected);
    if (note) {
      var small = document.createElement("p");
      small.className = "lc-ex-hint lc-ex-rescaled";
      small.textContent = note;
      box.appendChild(small);
    }
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
    option(sel, "none", word("No change: the 2021 result"));
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
    option(national, "polls", word("The national polls: mean of a month you pick"));
    var custom = option(sel, "custom", word("Your own values"));
    custom.disabled = true;
    data.poll_months.forEach(function (m) {
      option(els.month, m.month, m.label + " (" + m.n_polls + " " + word(m.n_polls === 1 ? "poll" : "polls") + ")");
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
      ridings = core.prepare(payload);
      var base = winners("uniform", {});
      ridings.forEach(function (r, i) { r.winner2021 = base[i]; r.key = core.normal(r.name); });
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
    // deferred before this script: not there now means it failed to load
    if (tag.defer) { console.error("plotly.js did not load: the explorer cannot draw its chart"); return then(); }
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
