/* The swing explorer's pure logic: no page, no DOM, no fetch (liberal_crisis.site.explorer).

   Loaded by the what-if page before explorer.js, where it sets the global LCExplorerCore; in
   node, `require` returns the same object (tests/js/explorer-core.test.js, `node --test`, and
   StrykerJS mutate it: `make mutants-js`). explorer.js holds the page: the form, the chart, the
   riding search's elements; everything it decides is decided here.

   The rule is liberal_crisis.analysis.projection's, operation for operation (see explorer.js's
   header and CONTRIBUTING, "The swing explorer: one rule in two languages"): a share is
   (votes / riding total) * 100; a uniform swing adds points and floors at 0; a proportional one
   multiplies by a ratio >= 0; a party absent from a riding stays absent; two or more candidates
   within 1e-9 points of the top make a tie. */
// Stryker disable all: the UMD wrapper; node always takes the module.exports branch (the
// browser's global is checked by tests/test_explorer.py and the chart tests). See CONTRIBUTING.
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.LCExplorerCore = factory(root.LCTheme, root.document && root.document.documentElement.lang);
})(typeof self !== "undefined" ? self : this, function (theme, lang) {
  // Stryker restore all
  "use strict";

  // The parties, colours, font and sizes come from the theme (stories/theme.py,
  // `theme.browser()`): in the browser _static/lc-theme.js sets LCTheme before this file runs;
  // in node the tests call this factory with a theme of their own.
  var TOL = 1e-9; // projection.winners(tol=1e-9)
  var TIE = "TIE";
  var MAIN = theme.parties; // the six main parties, in the book's order
  var GREY = theme.neutral; // a tie, or a party without its own colour
  var NARROW = theme.phoneWidth; // px: the chart's phone layout below this width
  // The chart's text, grid and axis colours in each mode (those of charts.js too).
  var MODES = theme.modes;
  var FONT = theme.font;
  // The edition's language, from <html lang> ("fr-CA"): the sentences and number forms below
  // are Canadian French for "fr*", English otherwise (and in node unless a test passes one).
  var FR = /^fr\b/i.test(lang || "");
  var NBSP = "\u00a0"; // before ":" and "%" in French (CONTRIBUTING, "Style maison")

  // ------------------------------------------------------------------------------------------
  // The rule
  // ------------------------------------------------------------------------------------------

  // The 2021 ridings as the rule reads them: each candidate's share of the riding's votes.
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
    if (typeof v !== "number" || isNaN(v)) return null;
    if (method === "proportional" && !isFinite(v)) return null;
    return v;
  }

  // A negative ratio is refused (projection.proportional_swing raises too).
  function checkValues(method, values) {
    checkMethod(method);
    if (method === "proportional" && values) {
      Object.keys(values).forEach(function (code) {
        var v = valueOf(values, code, method);
        if (v < 0) throw new Error("negative ratio for " + code); // (null < 0 is false)
      });
    }
  }

  // One riding's shares after the swing, in the order of r.codes.
  function projectRiding(r, method, values) {
    return r.shares.map(function (s, i) { // a Float64Array, like r.shares
      var v = valueOf(values, r.codes[i], method);
      if (v === null || !(s > 0)) return s; // absent (0) stays absent
      return method === "uniform" ? Math.max(0, s + v) : s * v;
    });
  }

  // The code with the highest share; TIE when another is within TOL of it; null if none > 0.
  function winnerOf(r, projected) {
    var top = Math.max.apply(null, projected); // -Infinity for no candidate
    if (!(top > 0)) return null;
    var near = [];
    projected.forEach(function (s, i) { if (s >= top - TOL) near.push(i); });
    return near.length > 1 ? TIE : r.codes[near[0]];
  }

  function winners(ridings, method, values) {
    checkValues(method, values);
    return ridings.map(function (r) { return winnerOf(r, projectRiding(r, method, values)); });
  }

  // {code: seats}: the six main parties always (0 if they win nothing), any other winner and
  // TIE when they win a riding; a riding without a winner (null) is not counted.
  function count(ws) {
    var seats = {};
    MAIN.forEach(function (c) { seats[c] = 0; });
    ws.forEach(function (w) { if (w !== null) seats[w] = (seats[w] || 0) + 1; });
    return seats;
  }

  function seats(ridings, method, values) {
    return count(winners(ridings, method, values));
  }

  // How many ridings a projection gives to someone other than their 2021 winner.
  function changedCount(ridings, ws) {
    var n = 0;
    ridings.forEach(function (r, i) { if (ws[i] !== r.winner2021) n++; });
    return n;
  }

  // ------------------------------------------------------------------------------------------
  // The form
  // ------------------------------------------------------------------------------------------

  // The value that changes nothing: 0 points, or a ratio of 1.
  function neutral(method) { return method === "uniform" ? 0 : 1; }

  // A preset's values for a method: the month's for "polls", else the preset's; {} for "none"
  // (no preset has that id) and for anything unknown.
  function presetValues(data, id, method, month) {
    if (id === "polls") {
      var m = data.poll_months.filter(function (q) { return q.month === month; })[0];
      return m ? m[method] : {};
    }
    var p = data.presets.filter(function (q) { return q.id === id; })[0];
    return p ? p[method] : {};
  }

  // What a party's box shows: 2 decimals for points, 3 for a ratio, no trailing zeros.
  function boxValue(v, method) {
    var digits = method === "uniform" ? 2 : 3;
    return String(Number(v.toFixed(digits)));
  }

  // What a reader typed in a party's box: {value} (null for blank: the party is unchanged) or
  // {invalid: true} (not a number, or a negative ratio), which also leaves the party unchanged.
  function readBox(text, method) {
    if (text === "") return { value: null, invalid: false };
    var v = Number(text);
    if (isNaN(v) || (method === "proportional" && v < 0)) return { value: null, invalid: true };
    return { value: v, invalid: false };
  }

  function methodText(method) {
    var uniform = method === "uniform";
    return {
      legend: FR ? (uniform ? "Variation de la part de chaque parti (points)"
                            : "Coefficient de la part de chaque parti (1 = aucun changement)")
        : uniform ? "Change in each party’s share (points)"
                  : "Ratio for each party’s share (1 = no change)",
      hint: FR ? (uniform
        ? "Points ajoutés à la part du parti en 2021 dans chaque circonscription où il était présent (jamais sous 0)."
        : "La part du parti en 2021 est multipliée par ce nombre dans chaque circonscription où il était présent.")
        : uniform
        ? "Points added to the party’s 2021 share in every riding where it stood (never below 0)."
        : "Each party’s 2021 share is multiplied by this number in every riding where it stood.",
      step: uniform ? "0.1" : "0.01",
      min: uniform ? "-100" : "0",
      max: uniform ? "100" : "10"
    };
  }

  // ------------------------------------------------------------------------------------------
  // Words and numbers the reader sees
  // ------------------------------------------------------------------------------------------

  // names: {code: {name, plural}} (the JSON's parties)
  function partyName(names, code) {
    return code === TIE ? (FR ? "Égalité" : "Tie") : (names[code] || { name: code }).name;
  }
  function partyPlural(names, code) { return (names[code] || { plural: code }).plural; }

  function ridingsChange(n) {
    // French takes the singular below 2 ("0 circonscription", "1 circonscription")
    if (FR) return n < 2 ? n + " circonscription change de mains" : n + " circonscriptions changent de mains";
    return (n === 1 ? "1 riding changes" : n + " ridings change") + " hands";
  }

  // "A, B and C" ("A, B et C"): the parties tied at the top
  function and(items) {
    return items.join(FR ? " et " : " and ");
  }

  // The sentence under the form: who leads, by how much of a majority, the others, ties and
  // the number of ridings that change hands.
  function sentence(s, changed, names, majority, total) {
    var plural = function (c) { return partyPlural(names, c); };
    var order = Object.keys(s).filter(function (c) { return c !== TIE && s[c] > 0; })
      .sort(function (a, b) { return s[b] - s[a] || MAIN.indexOf(a) - MAIN.indexOf(b); });
    var top = order.filter(function (c) { return s[c] === s[order[0]]; });
    var lead, rest;
    if (top.length > 1) {
      lead = and(top.map(plural)) + " " + s[top[0]] +
        (FR ? " sièges chacun, aucune majorité" : " seats each, no majority");
      rest = order.slice(top.length);
    } else {
      var n = s[top[0]];
      var short = majority - n;
      lead = plural(top[0]) + " " + n + (FR
        ? " sièges, " + (n >= majority ? "majoritaires"
          : "à " + short + (short === 1 ? " siège" : " sièges") + " de la majorité")
        : " seats, " + (n >= majority ? "a majority" : short + " short of a majority"));
      rest = order.slice(1);
    }
    var text = lead + " (" + majority + (FR ? " sur " + total + " requis)." : " of " + total + " needed).");
    if (rest.length) text += " " + rest.map(function (c) { return plural(c) + " " + s[c]; }).join(", ") + ".";
    if (s[TIE]) {
      text += " " + s[TIE] + (FR ? (s[TIE] === 1 ? " circonscription à égalité." : " circonscriptions à égalité.")
        : (s[TIE] === 1 ? " riding tied." : " ridings tied."));
    }
    text += " " + ridingsChange(changed) + ".";
    return text;
  }

  function changesSummary(changed) {
    if (FR) return changed === 0 ? "Aucune circonscription ne change de mains" : ridingsChange(changed) + NBSP + ": la liste";
    return changed === 0 ? "No riding changes hands" : ridingsChange(changed) + ": the list";
  }

  function sum(xs) {
    var total = 0;
    xs.forEach(function (x) { total += x; });
    return total;
  }

  // A share as the riding table prints it: one decimal ("40.0"; "40,0" in French).
  function pct(v) { return FR ? v.toFixed(1).replace(".", ",") : v.toFixed(1); }

  // The projected shares a reader sees: rescaled to add up to 100 (a swing changes a riding's
  // total, and rescaling cannot change its winner: projection.py). All 0 stays all 0.
  function displayShares(projected) {
    var total = sum(projected);
    if (!(total > 0)) return new Float64Array(projected.length);
    return projected.map(function (s) { return (s / total) * 100; });
  }

  // The note under the riding table when the swing changed the riding's total (as printed).
  function rescaleNote(projected) {
    var total = sum(projected);
    if (total.toFixed(1) === "100.0") return ""; // as printed: 99.96 reads 100.0
    if (FR) {
      return "Après le glissement, les parts de ces candidats totalisent " + pct(total) + NBSP +
        "%; les parts projetées sont ramenées à un total de 100" + NBSP + "%.";
    }
    return "After the swing these candidates’ shares add up to " + pct(total) +
      "%; the projected shares are rescaled to add up to 100%.";
  }

  // "2021: Liberal. Projected: Conservative (changes hands)."
  function ridingVerdict(names, before, after) {
    if (FR) {
      return "2021" + NBSP + ": " + partyName(names, before) + ". Projection" + NBSP + ": " +
        partyName(names, after) + (after === before ? " (aucun changement)." : " (change de mains).");
    }
    return "2021: " + partyName(names, before) + ". Projected: " + partyName(names, after) +
      (after === before ? " (holds)." : " (changes hands).");
  }

  // ------------------------------------------------------------------------------------------
  // The riding search
  // ------------------------------------------------------------------------------------------

  // Accents, case, dashes, slashes, apostrophes and full stops do not matter.
  function normal(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2013\u2014\-\/]/g, " ") // each dash a space: the \s+ below joins a run
      .replace(/['’.]/g, "").replace(/\s+/g, " ").trim();
  }

  // An exact name wins; otherwise every riding whose name holds every word typed.
  function matches(ridings, query) {
    var q = normal(query);
    if (!q) return [];
    var key = function (r) { return r.key !== undefined ? r.key : normal(r.name); };
    var exact = ridings.filter(function (r) { return key(r) === q; });
    if (exact.length) return exact;
    var words = q.split(" ");
    return ridings.filter(function (r) {
      var k = key(r);
      return words.every(function (w) { return k.indexOf(w) >= 0; });
    });
  }

  var MAX_LISTED = 8; // more matches than this: no list, keep typing

  // What the search says above its matches ("" for one match or an empty box).
  function matchHint(n, query) {
    if (FR) {
      if (n > MAX_LISTED) return n + " circonscriptions correspondent" + NBSP + ": précisez.";
      if (n > 1) return n + " circonscriptions correspondent" + NBSP + ":";
      if (n === 0 && normal(query)) return "Aucune circonscription de 2021 ne porte ce nom.";
      return "";
    }
    if (n > MAX_LISTED) return n + " ridings match: keep typing.";
    if (n > 1) return n + " ridings match:";
    if (n === 0 && normal(query)) return "No 2021 riding has that name.";
    return "";
  }

  // ------------------------------------------------------------------------------------------
  // The chart
  // ------------------------------------------------------------------------------------------

  function modeOf(theme) { return theme === "dark" ? "dark" : "light"; }
  function isNarrow(width) { return width < NARROW; }

  // The bars: the six main parties, then any other winner (TIE included) with a seat.
  function barCodes(s) {
    return MAIN.concat(Object.keys(s).filter(function (c) {
      return MAIN.indexOf(c) < 0 && s[c] > 0;
    }));
  }

  function barColour(parties, code) {
    if (code === TIE) return GREY;
    return (parties[code] || {}).colour || GREY;
  }

  // The seat axis: always above the majority line with room for labels, in steps of 50.
  function axisTop(s, majority) {
    var max = Math.max.apply(null, barCodes(s).map(function (c) { return s[c]; }));
    return Math.max(majority + 50, Math.ceil((max * 1.12) / 50) * 50);
  }

  // Bars lie down, each party named level on the left with its seats ("Liberal: 160"), as
  // on the book's other seat charts: upright bars needed their names slanted on a phone, and a
  // count printed past a bar's end ran into the majority line.
  function layoutFor(m, narrow, top, majority) {
    return {
      height: narrow ? 300 : 320, margin: { l: 8, r: 12, t: 24, b: 8 },
      paper_bgcolor: theme.transparent, plot_bgcolor: theme.transparent,
      font: { family: FONT, size: narrow ? theme.phoneFontSize : theme.fontSize, color: m.font },
      xaxis: { title: { text: FR ? "Sièges" : "Seats" }, range: [0, top], fixedrange: true, gridcolor: m.grid,
               linecolor: m.line, zeroline: false, automargin: true },
      yaxis: { fixedrange: true, linecolor: m.line, autorange: "reversed", automargin: true },
      // the majority as every reference line in the book: grey, dashed, its label ending at it
      shapes: [{ type: "line", yref: "paper", y0: 0, y1: 1, x0: majority, x1: majority,
                 line: { color: GREY, width: 1.5, dash: "dash" } }],
      annotations: [{ xref: "x", x: majority, xanchor: "right", yref: "paper", y: 1, yanchor: "bottom",
                      text: (FR ? "Majorité" + NBSP + ": " : "Majority: ") + majority, showarrow: false,
                      font: { color: m.font, size: theme.phoneFontSize } }],
      showlegend: false
    };
  }

  function barTrace(s, parties, names, m) {
    var codes = barCodes(s);
    return {
      type: "bar", orientation: "h",
      y: codes.map(function (c) { return partyName(names, c) + (FR ? NBSP + ": " : ": ") + s[c]; }),
      x: codes.map(function (c) { return s[c]; }),
      marker: { color: codes.map(function (c) { return barColour(parties, c); }) },
      hoverinfo: "skip"
    };
  }

  return {
    FR: FR, TOL: TOL, TIE: TIE, MAIN: MAIN, GREY: GREY, NARROW: NARROW, MODES: MODES, MAX_LISTED: MAX_LISTED,
    prepare: prepare, checkMethod: checkMethod, valueOf: valueOf, checkValues: checkValues,
    projectRiding: projectRiding, winnerOf: winnerOf, winners: winners, count: count,
    seats: seats, changedCount: changedCount,
    neutral: neutral, presetValues: presetValues, boxValue: boxValue, readBox: readBox,
    methodText: methodText,
    partyName: partyName, partyPlural: partyPlural, sentence: sentence,
    changesSummary: changesSummary, pct: pct, displayShares: displayShares,
    rescaleNote: rescaleNote, ridingVerdict: ridingVerdict,
    normal: normal, matches: matches, matchHint: matchHint,
    modeOf: modeOf, isNarrow: isNarrow, barCodes: barCodes, barColour: barColour,
    axisTop: axisTop, layoutFor: layoutFor, barTrace: barTrace
  };
});
