// The swing explorer's pure logic (src/liberal_crisis/site/static/explorer-core.js), in node.
// Run: node --test tests/js/   (make test runs it; make mutants-js mutates the module).
//
// Every expected value is worked out by hand from the rule as CONTRIBUTING states it (a share is
// votes / riding total * 100; uniform adds points, floored at 0; proportional multiplies; absent
// stays absent; a tie is two shares within 1e-9 points of the top), never copied from a run.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
// The theme the site writes into _static/lc-theme.js (stories/theme.py, theme.browser()), as
// data: tests/test_theme.py checks that this copy is the theme's. The module is a factory.
const THEME = require("./theme.json");
const core = require("../../src/liberal_crisis/site/static/explorer-core.js")(THEME);

const close = (got, want, tol = 1e-9) =>
  assert.ok(Math.abs(got - want) <= tol, `${got} is not within ${tol} of ${want}`);
const sum = (xs) => Array.from(xs).reduce((a, b) => a + b, 0);

// A riding of 1,000 votes: Liberal 400 (40 %), Conservative 350 (35 %), NDP 250 (25 %).
// No Bloc candidate: the Bloc's share is absent (0) and must stay so.
const RIDING = { n: 1, name: "Testville", province: "ON",
                 votes: [["LPC", 400], ["CPC", 350], ["NDP", 250], ["BQ", 0]] };
const riding = () => core.prepare({ ridings: [RIDING] })[0];

// Reader-facing names, as the JSON gives them (plural for the sentence).
const NAMES = {
  LPC: { name: "Liberal", plural: "Liberals", colour: "#D71920" },
  CPC: { name: "Conservative", plural: "Conservatives", colour: "#3C78C8" },
  NDP: { name: "NDP", plural: "NDP", colour: "#F58220" },
  BQ: { name: "Bloc Québécois", plural: "Bloc Québécois", colour: "#12A4C4" },
  GPC: { name: "Green", plural: "Greens", colour: "#2E7D32" },
  PPC: { name: "People’s Party", plural: "People’s Party", colour: "#6A3FA0" },
  IND: { name: "Independent", plural: "Independents" }
};

// ---------------------------------------------------------------------------------------------
// Shares
// ---------------------------------------------------------------------------------------------

test("shares are votes over the riding total, in percent, in the order of the votes", () => {
  const r = riding();
  assert.deepEqual(Array.from(r.shares), [40, 35, 25, 0]);
  assert.deepEqual(r.codes, ["LPC", "CPC", "NDP", "BQ"]);
  assert.equal(r.n, 1);
  assert.equal(r.name, "Testville");
  assert.equal(r.province, "ON");
  // 1 of 3 votes: (1 / 3) * 100, not 1 * (100 / 3) (the order Python's swing.shares uses)
  const third = core.prepare({ ridings: [{ n: 2, name: "x", province: "x", votes: [["A", 1], ["B", 2]] }] })[0];
  assert.equal(third.shares[0], (1 / 3) * 100);
  assert.equal(third.shares[1], (2 / 3) * 100);
  close(sum(third.shares), 100, 1e-12);
});

test("every riding is prepared", () => {
  const two = core.prepare({ ridings: [RIDING, { n: 9, name: "y", province: "QC", votes: [["BQ", 1]] }] });
  assert.equal(two.length, 2);
  assert.deepEqual(Array.from(two[1].shares), [100]);
});

// ---------------------------------------------------------------------------------------------
// Uniform swing: points added, floored at 0
// ---------------------------------------------------------------------------------------------

test("a uniform fall larger than the share gives 0, not a negative share", () => {
  const out = core.projectRiding(riding(), "uniform", { LPC: -45 });
  assert.equal(out[0], 0); // 40 - 45 = -5, floored at 0
  assert.equal(out[1], 35);
  assert.equal(out[2], 25);
  assert.ok(Array.from(out).every((s) => s >= 0));
});

test("a uniform swing adds its points to each named party", () => {
  const out = core.projectRiding(riding(), "uniform", { LPC: -10, CPC: 7.5, NDP: 0 });
  assert.deepEqual(Array.from(out), [30, 42.5, 25, 0]);
});

test("a fall to exactly 0 is 0", () => {
  assert.equal(core.projectRiding(riding(), "uniform", { NDP: -25 })[2], 0);
});

test("a party absent from the riding stays absent, however large its rise", () => {
  assert.equal(core.projectRiding(riding(), "uniform", { BQ: 90 })[3], 0);
  assert.equal(core.projectRiding(riding(), "proportional", { BQ: 5 })[3], 0);
});

test("parties not named, or named with null, NaN or text, are unchanged", () => {
  for (const values of [{}, null, undefined, { LPC: null }, { LPC: NaN }, { LPC: "5" }, { LPC: undefined }]) {
    assert.deepEqual(Array.from(core.projectRiding(riding(), "uniform", values)), [40, 35, 25, 0],
                     JSON.stringify(values));
  }
});

test("a value inherited from a prototype is not the party's value", () => {
  const values = Object.create({ LPC: -40 });
  assert.equal(core.valueOf(values, "LPC", "uniform"), null);
  assert.equal(core.projectRiding(riding(), "uniform", values)[0], 40);
});

// ---------------------------------------------------------------------------------------------
// Proportional swing: ratios multiply
// ---------------------------------------------------------------------------------------------

test("a proportional swing multiplies each named party's share", () => {
  const out = core.projectRiding(riding(), "proportional", { LPC: 0.5, CPC: 2 });
  assert.deepEqual(Array.from(out), [20, 70, 25, 0]);
  assert.equal(core.projectRiding(riding(), "proportional", { NDP: 0 })[2], 0);
  assert.equal(core.projectRiding(riding(), "proportional", { NDP: 1 })[2], 25);
});

test("an infinite ratio leaves the party unchanged; an infinite change of points does not", () => {
  assert.equal(core.valueOf({ LPC: Infinity }, "LPC", "proportional"), null);
  assert.equal(core.valueOf({ LPC: -Infinity }, "LPC", "proportional"), null);
  assert.equal(core.projectRiding(riding(), "proportional", { LPC: Infinity })[0], 40);
  assert.equal(core.valueOf({ LPC: Infinity }, "LPC", "uniform"), Infinity);
  assert.equal(core.valueOf({ LPC: 2 }, "LPC", "proportional"), 2);
  assert.equal(core.valueOf({ LPC: -3 }, "LPC", "uniform"), -3);
});

// ---------------------------------------------------------------------------------------------
// Winners and ties
// ---------------------------------------------------------------------------------------------

test("the highest share wins", () => {
  const r = riding();
  assert.equal(core.winnerOf(r, core.projectRiding(r, "uniform", {})), "LPC");
  assert.equal(core.winnerOf(r, core.projectRiding(r, "uniform", { LPC: -6 })), "CPC"); // 34 < 35
  assert.equal(core.winnerOf(r, core.projectRiding(r, "uniform", { NDP: 16 })), "NDP"); // 41 > 40
  assert.equal(core.winnerOf(r, Float64Array.from([0, 0, 0, 5])), "BQ"); // the last can win
});

test("the floor matters for the winner: a negative share never beats an empty riding", () => {
  // With every party pushed below zero, nobody has a positive share: no winner, not "the least negative".
  const r = riding();
  assert.equal(core.winnerOf(r, core.projectRiding(r, "uniform", { LPC: -50, CPC: -50, NDP: -50 })), null);
});

test("two parties level, or within 1e-9 points, make a tie; 1e-8 apart do not", () => {
  const r = riding();
  assert.equal(core.winnerOf(r, core.projectRiding(r, "uniform", { CPC: 5 })), core.TIE); // 40 = 40
  assert.equal(core.winnerOf(r, Float64Array.from([40, 40 - 5e-10, 25, 0])), "TIE");
  assert.equal(core.winnerOf(r, Float64Array.from([40 - 5e-10, 40, 25, 0])), "TIE");
  assert.equal(core.winnerOf(r, Float64Array.from([40, 40 - 1e-9, 25, 0])), "TIE"); // exactly the tolerance
  assert.equal(core.winnerOf(r, Float64Array.from([40, 40 - 1e-8, 25, 0])), "LPC");
  assert.equal(core.winnerOf(r, Float64Array.from([40 - 1e-8, 40, 25, 0])), "CPC");
  assert.equal(core.TIE, "TIE");
  assert.equal(core.TOL, 1e-9);
});

test("three-way ties are ties too", () => {
  assert.equal(core.winnerOf(riding(), Float64Array.from([30, 30, 30, 0])), "TIE");
});

test("a riding where every share is 0 has no winner", () => {
  assert.equal(core.winnerOf(riding(), Float64Array.from([0, 0, 0, 0])), null);
  assert.equal(core.winnerOf({ codes: [] }, new Float64Array(0)), null);
});

// ---------------------------------------------------------------------------------------------
// Seats
// ---------------------------------------------------------------------------------------------

// Three ridings. 1: LPC 40, CPC 35, NDP 25. 2: CPC 50, LPC 30, GPC 20. 3: NDP 45, LPC 44, IND 11.
const MAP = core.prepare({ ridings: [
  RIDING,
  { n: 2, name: "Two", province: "AB", votes: [["CPC", 500], ["LPC", 300], ["GPC", 200]] },
  { n: 3, name: "Three", province: "MB", votes: [["NDP", 450], ["LPC", 440], ["IND", 110]] }
] });

test("seats count each riding's winner; the six main parties are always there", () => {
  assert.deepEqual(core.seats(MAP, "uniform", {}),
                   { LPC: 1, CPC: 1, NDP: 1, BQ: 0, GPC: 0, PPC: 0 });
  // Liberals +2 points: 42 v 35, 32 v 50, 46 v 45 -> two seats
  assert.deepEqual(core.seats(MAP, "uniform", { LPC: 2 }),
                   { LPC: 2, CPC: 1, NDP: 0, BQ: 0, GPC: 0, PPC: 0 });
  // Liberals +1 point in riding 3: 45 v 45, a tie
  assert.deepEqual(core.seats(MAP, "uniform", { LPC: 1 }),
                   { LPC: 1, CPC: 1, NDP: 0, BQ: 0, GPC: 0, PPC: 0, TIE: 1 });
  // An independent wins riding 3 when the two leaders fall far enough: 11 v 45-40=5, 44-40=4
  // (and riding 1 goes Conservative: Liberal 40-40=0 against 35)
  assert.deepEqual(core.seats(MAP, "uniform", { NDP: -40, LPC: -40 }),
                   { LPC: 0, CPC: 2, NDP: 0, BQ: 0, GPC: 0, PPC: 0, IND: 1 });
  // Proportional: Liberals x 1.3 -> 52, 39, 57.2: 52 > 35, 39 < 50, 57.2 > 45
  assert.deepEqual(core.seats(MAP, "proportional", { LPC: 1.3 }),
                   { LPC: 2, CPC: 1, NDP: 0, BQ: 0, GPC: 0, PPC: 0 });
  assert.deepEqual(core.MAIN, ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]);
});

test("count skips ridings without a winner and adds other labels as they come", () => {
  assert.deepEqual(core.count(["LPC", null, "TIE", "IND", "LPC", "TIE"]),
                   { LPC: 2, CPC: 0, NDP: 0, BQ: 0, GPC: 0, PPC: 0, TIE: 2, IND: 1 });
  assert.deepEqual(core.count([]), { LPC: 0, CPC: 0, NDP: 0, BQ: 0, GPC: 0, PPC: 0 });
});

test("a method other than uniform or proportional is refused", () => {
  assert.throws(() => core.seats(MAP, "cube", {}), /method must be 'uniform' or 'proportional', not "cube"/);
  assert.throws(() => core.checkMethod(undefined), /method must be/);
  core.checkMethod("uniform");
  core.checkMethod("proportional");
});

test("a negative ratio is refused, a negative change of points is not", () => {
  assert.throws(() => core.seats(MAP, "proportional", { LPC: -1 }), /negative ratio for LPC/);
  assert.throws(() => core.checkValues("proportional", { CPC: 1, GPC: -0.5 }), /negative ratio for GPC/);
  core.checkValues("proportional", { LPC: 0, CPC: null, NDP: NaN });
  core.checkValues("proportional", null);
  core.checkValues("uniform", { LPC: -1 });
  assert.equal(core.seats(MAP, "uniform", { LPC: -1 }).LPC, 1);
  assert.equal(core.seats(MAP, "proportional", { LPC: 0 }).LPC, 0);
});

test("changed ridings are those whose winner is not the 2021 one", () => {
  const ridings = MAP.map((r, i) => Object.assign({}, r, { winner2021: ["LPC", "CPC", "NDP"][i] }));
  assert.equal(core.changedCount(ridings, ["LPC", "CPC", "NDP"]), 0);
  assert.equal(core.changedCount(ridings, ["LPC", "LPC", "TIE"]), 2);
  assert.equal(core.changedCount(ridings, core.winners(ridings, "uniform", { LPC: 2 })), 1);
});

// ---------------------------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------------------------

const DATA = {
  presets: [{ id: "by-x", uniform: { LPC: -10 }, proportional: { LPC: 0.75 } }],
  poll_months: [{ month: "2024-06", uniform: { CPC: 9 }, proportional: { CPC: 1.3 } },
                { month: "2024-07", uniform: { CPC: 10 }, proportional: { CPC: 1.33 } }]
};

test("presets: none is no change, polls take the chosen month, the rest their own values", () => {
  assert.deepEqual(core.presetValues(DATA, "none", "uniform", "2024-06"), {});
  assert.deepEqual(core.presetValues(DATA, "polls", "uniform", "2024-06"), { CPC: 9 });
  assert.deepEqual(core.presetValues(DATA, "polls", "proportional", "2024-07"), { CPC: 1.33 });
  assert.deepEqual(core.presetValues(DATA, "polls", "uniform", "1999-01"), {});
  assert.deepEqual(core.presetValues(DATA, "by-x", "uniform"), { LPC: -10 });
  assert.deepEqual(core.presetValues(DATA, "by-x", "proportional"), { LPC: 0.75 });
  assert.deepEqual(core.presetValues(DATA, "custom", "uniform"), {});
});

test("the neutral value is 0 points or a ratio of 1", () => {
  assert.equal(core.neutral("uniform"), 0);
  assert.equal(core.neutral("proportional"), 1);
});

test("a box shows points to 2 decimals and ratios to 3, without trailing zeros", () => {
  assert.equal(core.boxValue(-4.567, "uniform"), "-4.57");
  assert.equal(core.boxValue(2.5, "uniform"), "2.5");
  assert.equal(core.boxValue(0, "uniform"), "0");
  assert.equal(core.boxValue(1.23456, "proportional"), "1.235");
  assert.equal(core.boxValue(1, "proportional"), "1");
  assert.equal(core.boxValue(0.1 + 0.2, "proportional"), "0.3");
});

test("what a reader types: blank is unchanged, text and negative ratios are invalid", () => {
  assert.deepEqual(core.readBox("", "uniform"), { value: null, invalid: false });
  assert.deepEqual(core.readBox("", "proportional"), { value: null, invalid: false });
  assert.deepEqual(core.readBox("abc", "uniform"), { value: null, invalid: true });
  assert.deepEqual(core.readBox("-1", "proportional"), { value: null, invalid: true });
  assert.deepEqual(core.readBox("-1", "uniform"), { value: -1, invalid: false });
  assert.deepEqual(core.readBox("0", "proportional"), { value: 0, invalid: false });
  assert.deepEqual(core.readBox("1.5", "proportional"), { value: 1.5, invalid: false });
});

test("the method's words and the boxes' limits", () => {
  assert.deepEqual(core.methodText("uniform"), {
    legend: "Change in each party’s share (points)",
    hint: "Points added to the party’s 2021 share in every riding where it stood (never below 0).",
    step: "0.1", min: "-100", max: "100"
  });
  assert.deepEqual(core.methodText("proportional"), {
    legend: "Ratio for each party’s share (1 = no change)",
    hint: "Each party’s 2021 share is multiplied by this number in every riding where it stood.",
    step: "0.01", min: "0", max: "10"
  });
});

// ---------------------------------------------------------------------------------------------
// Words and numbers
// ---------------------------------------------------------------------------------------------

const seats = (o) => Object.assign({ LPC: 0, CPC: 0, NDP: 0, BQ: 0, GPC: 0, PPC: 0 }, o);

test("the sentence: the leader, how far from a majority, the others by seats", () => {
  const s = seats({ LPC: 160, CPC: 119, NDP: 25, BQ: 32, GPC: 2 });
  assert.equal(core.sentence(s, 0, NAMES, 170, 338),
               "Liberals 160 seats, 10 short of a majority (170 of 338 needed). " +
               "Conservatives 119, Bloc Québécois 32, NDP 25, Greens 2. 0 ridings change hands.");
});

test("the sentence: exactly a majority, one short, and one riding changing hands", () => {
  assert.equal(core.sentence(seats({ CPC: 170, LPC: 168 }), 1, NAMES, 170, 338),
               "Conservatives 170 seats, a majority (170 of 338 needed). Liberals 168. 1 riding changes hands.");
  assert.equal(core.sentence(seats({ CPC: 169, LPC: 169 - 1 }), 2, NAMES, 170, 338),
               "Conservatives 169 seats, 1 short of a majority (170 of 338 needed). Liberals 168. 2 ridings change hands.");
  assert.equal(core.sentence(seats({ CPC: 338 }), 100, NAMES, 170, 338),
               "Conservatives 338 seats, a majority (170 of 338 needed). 100 ridings change hands.");
});

test("the sentence: level leaders have no majority; equal seats follow the parties' order", () => {
  assert.equal(core.sentence(seats({ LPC: 150, CPC: 150, BQ: 20, NDP: 20 }), 3, NAMES, 170, 338),
               "Liberals and Conservatives 150 seats each, no majority (170 of 338 needed). " +
               "NDP 20, Bloc Québécois 20. 3 ridings change hands.");
  // the order of the keys does not matter: NDP before the Bloc because of the parties' order
  assert.equal(core.sentence({ BQ: 20, NDP: 20, CPC: 150, LPC: 150 }, 3, NAMES, 170, 338),
               "Liberals and Conservatives 150 seats each, no majority (170 of 338 needed). " +
               "NDP 20, Bloc Québécois 20. 3 ridings change hands.");
});

test("the sentence: tied ridings and other winners", () => {
  assert.equal(core.sentence(seats({ LPC: 200, CPC: 135, IND: 1, TIE: 1 }), 5, NAMES, 170, 337),
               "Liberals 200 seats, a majority (170 of 337 needed). Conservatives 135, Independents 1. " +
               "1 riding tied. 5 ridings change hands.");
  assert.equal(core.sentence(seats({ LPC: 200, CPC: 134, TIE: 2 }), 0, NAMES, 170, 336),
               "Liberals 200 seats, a majority (170 of 336 needed). Conservatives 134. 2 ridings tied. " +
               "0 ridings change hands.");
});

test("the changes list's summary", () => {
  assert.equal(core.changesSummary(0), "No riding changes hands");
  assert.equal(core.changesSummary(1), "1 riding changes hands: the list");
  assert.equal(core.changesSummary(12), "12 ridings change hands: the list");
});

test("names: a tie reads 'Tie', an unknown code stays a code", () => {
  assert.equal(core.partyName(NAMES, "LPC"), "Liberal");
  assert.equal(core.partyName(NAMES, "TIE"), "Tie");
  assert.equal(core.partyName(NAMES, "XYZ"), "XYZ");
  assert.equal(core.partyPlural(NAMES, "GPC"), "Greens");
  assert.equal(core.partyPlural(NAMES, "XYZ"), "XYZ");
});

test("shares print with one decimal", () => {
  assert.equal(core.pct(12.345), "12.3");
  assert.equal(core.pct(0), "0.0");
  assert.equal(core.pct(40), "40.0");
  assert.equal(core.pct(100 / 3), "33.3");
});

test("the riding table's projected shares add up to 100 and are never negative", () => {
  // LPC 40 - 45 -> 0; the other 60 points become 100: CPC 35/60, NDP 25/60
  const after = core.displayShares(core.projectRiding(riding(), "uniform", { LPC: -45 }));
  assert.deepEqual(Array.from(after).map(core.pct), ["0.0", "58.3", "41.7", "0.0"]);
  close(sum(after), 100);
  // Proportional: LPC x 1.5 -> 60, CPC 35, NDP 25, total 120 -> 50, 29.2, 20.8
  const prop = core.displayShares(core.projectRiding(riding(), "proportional", { LPC: 1.5 }));
  assert.deepEqual(Array.from(prop).map(core.pct), ["50.0", "29.2", "20.8", "0.0"]);
  close(sum(prop), 100);
  // Unchanged shares are shown unchanged
  assert.deepEqual(Array.from(core.displayShares(Float64Array.from([40, 35, 25]))), [40, 35, 25]);
  // Nobody left: all 0, never NaN
  assert.deepEqual(Array.from(core.displayShares(Float64Array.from([0, 0]))), [0, 0]);
});

test("the note under the riding table says when the swing changed the riding's total", () => {
  assert.equal(core.rescaleNote(Float64Array.from([40, 35, 25])), "");
  assert.equal(core.rescaleNote(Float64Array.from([40.04, 35, 25])), "");
  assert.equal(core.rescaleNote(Float64Array.from([39.96, 35, 25])), "");
  assert.equal(core.rescaleNote(Float64Array.from([0, 35, 25])),
               "After the swing these candidates’ shares add up to 60.0%; the projected shares are rescaled to add up to 100%.");
  assert.match(core.rescaleNote(Float64Array.from([40.06, 35, 25])), /add up to 100\.1%;/);
  assert.match(core.rescaleNote(Float64Array.from([39.94, 35, 25])), /add up to 99\.9%;/);
});

test("the riding's verdict: held or changing hands", () => {
  assert.equal(core.ridingVerdict(NAMES, "LPC", "LPC"), "2021: Liberal. Projected: Liberal (holds).");
  assert.equal(core.ridingVerdict(NAMES, "LPC", "CPC"), "2021: Liberal. Projected: Conservative (changes hands).");
  assert.equal(core.ridingVerdict(NAMES, "LPC", "TIE"), "2021: Liberal. Projected: Tie (changes hands).");
});

// ---------------------------------------------------------------------------------------------
// The riding search
// ---------------------------------------------------------------------------------------------

const PLACES = [
  { name: "Toronto–St. Paul’s" }, { name: "Kildonan–St. Paul" }, { name: "Toronto Centre" },
  { name: "LaSalle–Émard–Verdun" }, { name: "Avalon" }, { name: "Avalon North" },
  { name: "Abitibi/Baie-James" }
];

test("names are compared without accents, case, dashes, slashes, apostrophes or full stops", () => {
  assert.equal(core.normal("Toronto–St. Paul’s"), "toronto st pauls");
  assert.equal(core.normal("LaSalle—Émard—Verdun"), "lasalle emard verdun");
  assert.equal(core.normal("LaSalle--Émard--Verdun"), "lasalle emard verdun");
  assert.equal(core.normal("Abitibi/Baie-James"), "abitibi baie james");
  assert.equal(core.normal("  St.  John's   East "), "st johns east");
  assert.equal(core.normal("Île"), "ile");
  assert.equal(core.normal(" – "), "");
});

test("a search: one match, several, none, an exact name before longer ones", () => {
  const names = (q) => core.matches(PLACES, q).map((r) => r.name);
  assert.deepEqual(names("toronto st pauls"), ["Toronto–St. Paul’s"]);
  assert.deepEqual(names("St. Paul"), ["Toronto–St. Paul’s", "Kildonan–St. Paul"]);
  assert.deepEqual(names("paul toronto"), ["Toronto–St. Paul’s"]); // every word, any order
  assert.deepEqual(names("lasalle emard"), ["LaSalle–Émard–Verdun"]);
  assert.deepEqual(names("Avalon"), ["Avalon"]); // exact wins over "Avalon North"
  assert.deepEqual(names("aval"), ["Avalon", "Avalon North"]);
  assert.deepEqual(names("abitibi baie"), ["Abitibi/Baie-James"]);
  assert.deepEqual(names("Saskatoon"), []);
  assert.deepEqual(names(""), []);
  assert.deepEqual(names("  "), []);
});

test("a riding's precomputed key is used when it has one", () => {
  const keyed = [{ name: "Anything", key: "special key" }];
  assert.deepEqual(core.matches(keyed, "special").map((r) => r.name), ["Anything"]);
  assert.deepEqual(core.matches(keyed, "anything"), []);
});

test("what the search says about its matches", () => {
  assert.equal(core.MAX_LISTED, 8);
  assert.equal(core.matchHint(9, "a"), "9 ridings match: keep typing.");
  assert.equal(core.matchHint(8, "a"), "8 ridings match:");
  assert.equal(core.matchHint(2, "a"), "2 ridings match:");
  assert.equal(core.matchHint(1, "avalon"), "");
  assert.equal(core.matchHint(0, "zzz"), "No 2021 riding has that name.");
  assert.equal(core.matchHint(0, ""), "");
  assert.equal(core.matchHint(0, " – "), "");
});

// ---------------------------------------------------------------------------------------------
// The chart
// ---------------------------------------------------------------------------------------------

test("light unless the page says dark; narrow below 600 px", () => {
  assert.equal(core.modeOf("dark"), "dark");
  assert.equal(core.modeOf("light"), "light");
  assert.equal(core.modeOf(undefined), "light");
  assert.equal(core.isNarrow(599), true);
  assert.equal(core.isNarrow(600), false);
  assert.equal(core.NARROW, 600);
});

test("the bars: the six parties, then other winners and ties with a seat", () => {
  assert.deepEqual(core.barCodes(seats({ LPC: 10 })), ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]);
  assert.deepEqual(core.barCodes(seats({ IND: 1, TIE: 0 })), ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC", "IND"]);
  assert.deepEqual(core.barCodes(seats({ TIE: 2 })), ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC", "TIE"]);
});

test("each bar in its party's colour; ties and parties without a colour in grey", () => {
  assert.equal(core.barColour(NAMES, "LPC"), "#D71920");
  assert.equal(core.barColour(NAMES, "CPC"), "#3C78C8");
  assert.equal(core.barColour(NAMES, "TIE"), "#8C8C8C");
  assert.equal(core.barColour(NAMES, "IND"), "#8C8C8C");
  assert.equal(core.barColour(NAMES, "XYZ"), "#8C8C8C");
  assert.equal(core.barColour({ TIE: { colour: "#000000" } }, "TIE"), "#8C8C8C");
});

test("the seat axis reaches past the majority line and the tallest bar, in steps of 50", () => {
  // majority 170: at least 220; 160 seats * 1.12 = 179.2 -> 200 < 220
  assert.equal(core.axisTop(seats({ LPC: 160 }), 170), 220);
  // 200 * 1.12 = 224 -> 250
  assert.equal(core.axisTop(seats({ LPC: 200 }), 170), 250);
  // 338 * 1.12 = 378.56 -> 400
  assert.equal(core.axisTop(seats({ CPC: 338 }), 170), 400);
  // an independent's bar counts too: 250 * 1.12 = 280 -> 300
  assert.equal(core.axisTop(seats({ IND: 250 }), 170), 300);
  // exactly on a step: 223.2 -> 250; and a tallest bar exactly at 50 * k / 1.12
  assert.equal(core.axisTop(seats({ LPC: 225 }), 100), 300); // 252 -> 300
  assert.equal(core.axisTop(seats({ LPC: 0 }), 10), 60);
});

test("the chart's layout in each mode and width", () => {
  const light = core.layoutFor(core.MODES.light, false, 250, 170);
  // The whole layout, as designed: bars lying down (names level on the left, top to bottom in
  // the parties' order), fixed axes (no zoom on a phone), the seats axis titled level at the
  // foot, no zero line, the majority as a grey dashed line labelled where it ends, no legend.
  assert.deepEqual(light, {
    height: 320, margin: { l: 8, r: 12, t: 24, b: 8 },
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
    font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
            size: 14, color: "#222222" },
    xaxis: { title: { text: "Seats" }, range: [0, 250], fixedrange: true, gridcolor: "#E5E5E5",
             linecolor: "#888888", zeroline: false, automargin: true },
    yaxis: { fixedrange: true, linecolor: "#888888", autorange: "reversed", automargin: true },
    shapes: [{ type: "line", yref: "paper", y0: 0, y1: 1, x0: 170, x1: 170,
               line: { color: "#8C8C8C", width: 1.5, dash: "dash" } }],
    annotations: [{ xref: "x", x: 170, xanchor: "right", yref: "paper", y: 1, yanchor: "bottom",
                    text: "Majority: 170", showarrow: false, font: { color: "#222222", size: 12 } }],
    showlegend: false
  });
  assert.equal(light.xaxis.tickangle, undefined); // nothing slanted, at any width
  const dark = core.layoutFor(core.MODES.dark, true, 400, 172);
  assert.equal(dark.height, 300);
  assert.equal(dark.font.size, 12);
  assert.equal(dark.font.color, "#E6E6E6");
  assert.equal(dark.xaxis.tickangle, undefined);
  assert.equal(dark.yaxis.tickangle, undefined);
  assert.equal(dark.xaxis.linecolor, "#9A9A9A");
  assert.equal(dark.xaxis.gridcolor, "#3A3A3A");
  assert.deepEqual(dark.xaxis.range, [0, 400]);
  assert.equal(dark.yaxis.linecolor, "#9A9A9A");
  assert.equal(dark.shapes[0].line.color, "#8C8C8C");
  assert.equal(dark.shapes[0].x0, 172);
  assert.equal(dark.annotations[0].text, "Majority: 172");
  assert.equal(dark.annotations[0].x, 172);
  assert.equal(dark.annotations[0].font.color, "#E6E6E6");
});

test("the bars lie down, each named with its seats, in the parties' colours", () => {
  const trace = core.barTrace(seats({ LPC: 160, CPC: 119, TIE: 1 }), NAMES, NAMES, core.MODES.dark);
  assert.equal(trace.type, "bar");
  assert.equal(trace.orientation, "h");
  assert.deepEqual(trace.y, ["Liberal: 160", "Conservative: 119", "NDP: 0", "Bloc Québécois: 0",
                             "Green: 0", "People’s Party: 0", "Tie: 1"]);
  assert.deepEqual(trace.x, [160, 119, 0, 0, 0, 0, 1]);
  assert.equal(trace.text, undefined); // no count past a bar's end, where the majority line runs
  assert.deepEqual(trace.marker.color,
                   ["#D71920", "#3C78C8", "#F58220", "#12A4C4", "#2E7D32", "#6A3FA0", "#8C8C8C"]);
  assert.equal(trace.hoverinfo, "skip");
});

test("the parties, colours, width and sizes come from the theme it is given", () => {
  const other = JSON.parse(JSON.stringify(THEME));
  other.parties = ["NDP", "LPC"];
  other.neutral = "#010203";
  other.phoneWidth = 400;
  other.fontSize = 15;
  other.transparent = "transparent";
  const c = require("../../src/liberal_crisis/site/static/explorer-core.js")(other);
  assert.deepEqual(c.MAIN, ["NDP", "LPC"]);
  assert.equal(c.GREY, "#010203");
  assert.equal(c.barColour({}, "TIE"), "#010203");
  assert.equal(c.NARROW, 400);
  const layout = c.layoutFor(c.MODES.light, false, 250, 170);
  assert.equal(layout.font.size, 15);
  assert.equal(layout.paper_bgcolor, "transparent");
});
