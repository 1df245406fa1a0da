// The chart desk's pure decisions (src/liberal_crisis/site/static/charts-core.js), in node.
// Run: node --test tests/js/
//
// Text widths come from a measure function; these tests pass one where every character is one
// pixel at size 1 (width = characters * size), so each line break can be worked out by hand.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
// The theme the site writes into _static/lc-theme.js (stories/theme.py, theme.browser()), as
// data: tests/test_theme.py checks that this copy is the theme's. The module is a factory.
const THEME = require("./theme.json");
const core = require("../../src/liberal_crisis/site/static/charts-core.js")(THEME);

const chars = (text, size) => text.length * size; // one px per character per unit of size

// ---------------------------------------------------------------------------------------------
// Modes and widths
// ---------------------------------------------------------------------------------------------

test("the page's mode: dark only when it says dark", () => {
  assert.equal(core.modeName("dark"), "dark");
  assert.equal(core.modeName("light"), "light");
  assert.equal(core.modeName("auto"), "light");
  assert.equal(core.modeName(undefined), "light");
});

test("narrow means a phone: below 600 px", () => {
  assert.equal(core.NARROW, 600);
  assert.equal(core.isNarrow(375), true);
  assert.equal(core.isNarrow(599), true);
  assert.equal(core.isNarrow(600), false);
  assert.equal(core.isNarrow(1280), false);
});

test("the colours of each mode (text 4.5:1 and lines 3:1 on the page: tests/test_dark_mode.py)", () => {
  assert.deepEqual(core.MODES.light, { font: "#222222", grid: "#E5E5E5", line: "#888888", hoverbg: "#FFFFFF",
                                       page: "#FFFFFF" });
  assert.deepEqual(core.MODES.dark, { font: "#E6E6E6", grid: "#3A3A3A", line: "#9A9A9A", hoverbg: "#1E1E1E",
                                      page: "#121212" });
});

// ---------------------------------------------------------------------------------------------
// Wrapping
// ---------------------------------------------------------------------------------------------

test("without a canvas a width is 0.56 of the size per character, tags left out", () => {
  const near = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);
  near(core.estimate("abcde", 10), 28);
  near(core.estimate("<b>ab</b>", 10), 11.2);
  assert.equal(core.estimate("", 10), 0);
});

test("wrap breaks between words when the next word would pass the room (width - 16)", () => {
  // width 23 -> room 7 (at size 1 the floor, 4, is lower): "aaa bbb" is 7, fits; "aaa bbb ccc" is 11
  assert.deepEqual(core.wrap("aaa bbb ccc", 23, 1, chars), ["aaa bbb", "ccc"]);
  // room 6: "aaa bbb" is 7, does not fit
  assert.deepEqual(core.wrap("aaa bbb ccc", 22, 1, chars), ["aaa", "bbb", "ccc"]);
  assert.deepEqual(core.wrap("short", 100, 1, chars), ["short"]);
  // a word longer than the room still gets its own line, never an empty one
  assert.deepEqual(core.wrap("abcdefghij xy", 20, 1, chars), ["abcdefghij", "xy"]);
  assert.deepEqual(core.wrap("", 100, 1, chars), []);
});

test("wrap may break after a zero-width space (after an en dash), never at a no-break space", () => {
  // width 22 -> room 6: "ab–\u200bcd" is 6 characters, fits; with " ef" it is 9
  assert.deepEqual(core.wrap("ab–\u200bcd ef", 22, 1, chars), ["ab–\u200bcd", "ef"]);
  // width 21 -> room 5: "ab–\u200bcd" (6) breaks after the dash; "cd ef" (5) fits
  assert.deepEqual(core.wrap("ab–\u200bcd ef", 21, 1, chars), ["ab–", "cd ef"]);
  // width 20 -> room 4: "12\u00a0→\u00a034" (7) stays whole on a line of its own
  assert.deepEqual(core.wrap("ab 12\u00a0→\u00a034", 20, 1, chars), ["ab", "12\u00a0→\u00a034"]);
  // the estimate gives a zero-width space no width: 6 characters at size 10 are 33.6 px
  assert.equal(core.estimate("ab–\u200bcde", 10), 6 * 10 * 0.56);
});

test("wrap keeps at least four characters' room at the font size", () => {
  // width 0, size 2: room max(-16, 8) = 8 -> "ab" (4), "ab ab" (10 > 8)
  assert.deepEqual(core.wrap("ab ab", 0, 2, chars), ["ab", "ab"]);
  // width 30, size 2: room max(14, 8) = 14 -> "ab ab" (10) fits, "ab ab ab" (16) does not
  assert.deepEqual(core.wrap("ab ab ab", 30, 2, chars), ["ab ab", "ab"]);
  // width 20, size 3: room max(4, 12) = 12 -> "ab ab" is 15 > 12
  assert.deepEqual(core.wrap("ab ab", 20, 3, chars), ["ab", "ab"]);
  // width 32, size 3: room 16 -> "ab ab" (15) fits
  assert.deepEqual(core.wrap("ab ab", 32, 3, chars), ["ab ab"]);
  // width 0, size 2: room 8 -> "a a" (6) fits on one line
  assert.deepEqual(core.wrap("a a", 0, 2, chars), ["a a"]);
});

test("a <br> in the text always breaks the line, in any of its spellings", () => {
  assert.deepEqual(core.wrap("a<br>b", 1000, 1, chars), ["a", "b"]);
  assert.deepEqual(core.wrap("a<BR/>b<br />c", 1000, 1, chars), ["a", "b", "c"]);
});

test("wrap without a measure estimates widths", () => {
  // size 10: each character 5.6 px; room = 60 - 16 = 44 -> 7 characters fit (39.2), 8 do not
  assert.deepEqual(core.wrap("abc defg hi", 60, 10), ["abc", "defg hi"]);
});

// ---------------------------------------------------------------------------------------------
// Overrides: colours and sizes for the mode and the screen
// ---------------------------------------------------------------------------------------------

const SCALES = (mode) => Object.fromEntries(Object.entries(THEME.modeScales)
  .map(([axis, scale]) => [axis + ".colorscale", scale[mode]]));

const COLOURS = (m, mode) => Object.assign({
  "font.color": m.font, "title.font.color": m.font, "legend.font.color": m.font,
  "hoverlabel.bgcolor": m.hoverbg, "hoverlabel.font.color": m.font,
  "xaxis.gridcolor": m.grid, "yaxis.gridcolor": m.grid,
  "xaxis.linecolor": m.line, "yaxis.linecolor": m.line,
  "xaxis.tickfont.color": m.font, "yaxis.tickfont.color": m.font,
  "xaxis.title.font.color": m.font, "yaxis.title.font.color": m.font
}, SCALES(mode));

test("marks coloured by mode: each colour axis takes the mode's scale", () => {
  // the pledge's thresholds not met (0) and met (1), a step at the middle (stories/theme.py)
  const light = core.overrides({ width: 800 }, "light", chars);
  const dark = core.overrides({ width: 800 }, "dark", chars);
  assert.deepEqual(light["coloraxis2.colorscale"],
                   [[0, "#DCDCDC"], [0.5, "#DCDCDC"], [0.5, "#8C8C8C"], [1, "#8C8C8C"]]);
  assert.deepEqual(dark["coloraxis2.colorscale"],
                   [[0, "#4D4D4D"], [0.5, "#4D4D4D"], [0.5, "#A6A6A6"], [1, "#A6A6A6"]]);
  assert.equal(dark["coloraxis3.colorscale"], undefined);
});

test("on a desktop: the mode's colours and the title on one line when it fits", () => {
  const o = core.overrides({ width: 800, title: "Seats", titlesize: "17", margint: "80" }, "light", chars);
  assert.deepEqual(o, Object.assign(COLOURS(core.MODES.light, "light"), { "title.text": "Seats" }));
  const d = core.overrides({ width: 800, title: "Seats" }, "dark", chars);
  assert.deepEqual(d, Object.assign(COLOURS(core.MODES.dark, "dark"), { "title.text": "Seats" }));
});

test("on a phone the x-axis title is set at the size it was wrapped for", () => {
  const o = core.overrides({ width: 375, xtitle: "Government defences, from the largest fall in share (rank)", plotw: "279" }, "light", chars);
  assert.equal(o["xaxis.title.font.size"], core.PHONE_FONT_SIZE);
  assert.equal(core.overrides({ width: 800, xtitle: "Rank" }, "light", chars)["xaxis.title.font.size"], undefined);
});

test("every axis of small multiples takes the mode's colours, not the first two only", () => {
  const o = core.overrides({ width: 375, axes: "xaxis2,yaxis2,xaxis10" }, "dark", chars);
  ["xaxis", "yaxis", "xaxis2", "yaxis2", "xaxis10"].forEach((axis) => {
    assert.equal(o[axis + ".gridcolor"], core.MODES.dark.grid, axis);
    assert.equal(o[axis + ".linecolor"], core.MODES.dark.line, axis);
    assert.equal(o[axis + ".tickfont.color"], core.MODES.dark.font, axis);
    assert.equal(o[axis + ".title.font.color"], core.MODES.dark.font, axis);
  });
  assert.equal(o["yaxis3.gridcolor"], undefined);
  assert.equal(core.overrides({ width: 375, axes: "" }, "dark", chars)["xaxis.gridcolor"], core.MODES.dark.grid);
});

test("on a desktop, a long title wraps and the top margin grows by 1.3 lines of its size", () => {
  // size 61, width 700 -> room 684: "aaaa bbbb" is 549, "aaaa bbbb cccc" 854: two lines;
  // 1.3 * 61 = 79.3 -> 79 px more
  const o = core.overrides({ width: 700, title: "aaaa bbbb cccc", titlesize: "61", margint: "80" }, "light", chars);
  assert.equal(o["title.text"], "aaaa bbbb<br>cccc");
  assert.equal(o["margin.t"], 80 + 79);
  // size 40 -> room 684: "aaaa bbbb cccc dddd" is 760: two lines; three with another word
  const t = core.overrides({ width: 700, title: "aaaa bbbb cccc dddd eeee ffff gggg hhhh", titlesize: "40", margint: "80" }, "light", chars);
  assert.equal(t["title.text"], "aaaa bbbb cccc<br>dddd eeee ffff<br>gggg hhhh");
  assert.equal(t["margin.t"], 80 + 52 * 2);
  assert.equal(o["font.size"], undefined); // the desktop keeps its sizes
});

test("on a desktop, a title with no size given is measured at 17 px", () => {
  // width 700 -> room 684: 40 characters at 17 = 680 fit, 41 do not; the top margin grows by 22
  const forty = "a".repeat(19) + " " + "b".repeat(20);
  assert.equal(core.overrides({ width: 700, title: forty }, "light", chars)["title.text"], forty);
  const o = core.overrides({ width: 700, title: forty + "c", margint: "70" }, "light", chars);
  assert.equal(o["title.text"], "a".repeat(19) + "<br>" + "b".repeat(20) + "c");
  assert.equal(o["margin.t"], 70 + 22);
});

test("no title gives an empty one", () => {
  assert.equal(core.overrides({ width: 800 }, "light", chars)["title.text"], "");
});

test("on a phone: smaller type, thin margins, the title at 14 px", () => {
  // width 375 -> room 359; at 14 px 25 characters fit (350), "x" * 30 does not but is one word
  const o = core.overrides({ width: 375, title: "Short title", titlesize: "20", marginr: "0" }, "dark", chars);
  assert.equal(o["font.size"], 12);
  assert.equal(o["title.font.size"], 14);
  assert.equal(o["margin.l"], 40);
  assert.equal(o["margin.r"], 8); // at least 8
  assert.equal(o["margin.t"], 24 + 19); // one line of title
  assert.equal(o["title.text"], "Short title");
  assert.equal(o["font.color"], "#E6E6E6");
  assert.equal(o["xaxis.title.text"], undefined); // no axis title to wrap
});

test("on a phone, the room kept on the right is at most 22% of the width", () => {
  // 375 * 0.22 = 82.5 -> 83 (rounded)
  assert.equal(core.overrides({ width: 375, marginr: "200" }, "light", chars)["margin.r"], 83);
  assert.equal(core.overrides({ width: 375, marginr: "60" }, "light", chars)["margin.r"], 60);
  assert.equal(core.overrides({ width: 375, marginr: "4" }, "light", chars)["margin.r"], 8);
  assert.equal(core.overrides({ width: 375 }, "light", chars)["margin.r"], 8);
});

test("on a phone, the phone form's own top margin and two lines of title push the plot down", () => {
  const title = "a".repeat(20) + " " + "b".repeat(20); // 41 * 14 = 574 > 359: two lines
  // no margin given: 20, and 4 more on a phone
  assert.equal(core.overrides({ width: 375, title: title }, "light", chars)["margin.t"], 24 + 38);
  // a form with room for a level axis title or panel titles (38) keeps it
  assert.equal(core.overrides({ width: 375, title: title, margint: "38" }, "light", chars)["margin.t"], 42 + 38);
  assert.equal(core.overrides({ width: 375, margint: "36" }, "light", chars)["margin.t"], 40);
});

test("on a phone, the x-axis title wraps to the plot's width (60% of the chart until known)", () => {
  // no plot width yet: 0.6 * 375 = 225 -> room 209 at 12 px: 17 characters fit (204)
  const xtitle = "a".repeat(10) + " " + "b".repeat(10); // 21 * 12 = 252 > 209
  const o = core.overrides({ width: 375, xtitle: xtitle }, "light", chars);
  assert.equal(o["xaxis.title.text"], "a".repeat(10) + "<br>" + "b".repeat(10));
  // a known plot width of 300 -> room 284: 21 * 12 = 252 fits
  assert.equal(core.overrides({ width: 375, xtitle: xtitle, plotw: "300" }, "light", chars)["xaxis.title.text"], xtitle);
});

// ---------------------------------------------------------------------------------------------
// What depends on the real width (the phone form itself is made in Python: phone_forms.py)
// ---------------------------------------------------------------------------------------------

test("legend entries wrap to a phone's screen, unless the trace is not in the legend", () => {
  const data = [{ name: "aaaa bbbb", type: "scatter" }, { name: "cccc dddd", showlegend: false }, { name: 3 }];
  // width 30 at size 12: room max(30 - 40 - 16, 48) = 48 -> "aaaa bbbb" (108) breaks
  core.fitWidth({}, data, 30, chars);
  assert.equal(data[0].name, "aaaa<br>bbbb");
  assert.equal(data[1].name, "cccc dddd");
  assert.equal(data[2].name, 3);
  const wide = [{ name: "aaaa bbbb" }];
  core.fitWidth({}, wide, 375, chars); // room 319: 108 fits
  assert.equal(wide[0].name, "aaaa bbbb");
  // 375 - 40 - 16 = 319: 14 + 1 + 14 characters at 12 px = 348 do not fit
  const long = [{ name: "a".repeat(14) + " " + "b".repeat(14) }];
  core.fitWidth({}, long, 375, chars);
  assert.equal(long[0].name, "a".repeat(14) + "<br>" + "b".repeat(14));
  // on a desktop, legends are left to plotly
  const desk = [{ name: "a".repeat(40) + " " + "b".repeat(40) }];
  core.fitWidth({}, desk, 600, chars);
  assert.equal(desk[0].name, "a".repeat(40) + " " + "b".repeat(40));
});

test("a majority mark drawn as a wide line marker shrinks with a phone's screen, to 12 px at least", () => {
  const data = [{ type: "scatter", marker: { symbol: "line-ew-open", size: 76 } },
                { type: "scatter", marker: { symbol: "line-ew", size: 10 } },
                { type: "scatter", marker: { symbol: "circle", size: 76 } },
                { type: "scatter", marker: { symbol: "line-ew", size: "76" } },
                { type: "scatter", marker: { symbol: 3, size: 76 } },
                { type: "scatter", marker: { symbol: "diamond-line-ew", size: 76 } },
                { type: "scatter", marker: { symbol: "line-ns", size: 76 } }];
  core.fitWidth({}, data, 380, chars);
  assert.equal(data[0].marker.size, 38); // 76 * 380 / 760
  assert.equal(data[1].marker.size, 12); // 10 * 0.5 = 5, raised to 12
  assert.equal(data[2].marker.size, 76); // not a line
  assert.equal(data[3].marker.size, "76"); // not a number: left alone
  assert.equal(data[4].marker.size, 76);
  assert.equal(data[5].marker.size, 76); // "line-ew" must start the symbol's name
  assert.equal(data[6].marker.size, 38); // the same mark on horizontal bars
  // one symbol per point: a list, not a line marker's name, is left alone
  const listed = [{ marker: { symbol: ["line-ew"], size: 76 } }];
  core.fitWidth({}, listed, 380, chars);
  assert.equal(listed[0].marker.size, 76);
  const odd = [{ marker: { symbol: "line-ew", size: 25 } }];
  core.fitWidth({}, odd, 380, chars);
  assert.equal(odd[0].marker.size, 13); // 12.5 rounds to 13
  const desk = [{ marker: { symbol: "line-ew", size: 76 } }];
  core.fitWidth({}, desk, 600, chars);
  assert.equal(desk[0].marker.size, 76); // a desktop keeps the declared size
});

test("category names along the bottom wrap to each category's room, at their own size", () => {
  const layout = { xaxis: { tickvals: [0, 1, 2], ticktext: ["aa bb", "c", 7], tickfont: { family: "F", size: 10 } } };
  // width 96: each of 3 slots is (96 - 60) / 3 = 12 px; wrap at slot + 12 = 24 -> room max(8, 40) = 40
  // at 10 px: "aa bb" is 50 > 40 -> two lines
  core.fitWidth(layout, [], 96, chars);
  assert.deepEqual(layout.xaxis.ticktext, ["aa<br>bb", "c", "7"]);
  assert.deepEqual(layout.xaxis.tickfont, { family: "F", size: 10 });
  assert.deepEqual(layout.xaxis.tickvals, [0, 1, 2]);
  // wider: 3 slots of (300 - 60) / 3 = 80 -> wrap at 92, room 76: "aa bbbb" (70) fits,
  // "aaaa bbbb" (90) does not
  const wide = { xaxis: { tickvals: [0, 1, 2], ticktext: ["aa bbbb", "aaaa bbbb", "d"], tickfont: { size: 10 } } };
  core.fitWidth(wide, [], 300, chars);
  assert.deepEqual(wide.xaxis.ticktext, ["aa bbbb", "aaaa<br>bbbb", "d"]);
  // no size given: 12 px on a phone, the theme's 14 on a desktop
  const phone = { xaxis: { tickvals: [0, 1, 2], ticktext: ["aaa bbb", "c", "d"] } };
  core.fitWidth(phone, [], 300, chars); // room 76: "aaa bbb" at 12 is 84
  assert.deepEqual(phone.xaxis.ticktext, ["aaa<br>bbb", "c", "d"]);
  const desk = { xaxis: { tickvals: [0, 1, 2, 3, 4, 5], ticktext: ["aaa bb", "b", "c", "d", "e", "f"] } };
  // 6 slots of (660 - 60) / 6 = 100 -> wrap at 112, room 96: "aaa bb" at 14 is 84, at 16 is 96
  core.fitWidth(desk, [], 660, chars);
  assert.equal(desk.xaxis.ticktext[0], "aaa bb");
  const desk2 = { xaxis: { tickvals: [0, 1, 2, 3, 4, 5], ticktext: ["aaaa bbb", "b", "c", "d", "e", "f"] } };
  core.fitWidth(desk2, [], 660, chars); // "aaaa bbb" at 14 is 112 > 96
  assert.equal(desk2.xaxis.ticktext[0], "aaaa<br>bbb");
  // labels without their values, or no values, are left alone
  const alone = { xaxis: { ticktext: ["aa bb"] } };
  core.fitWidth(alone, [], 96, chars);
  assert.deepEqual(alone.xaxis, { ticktext: ["aa bb"] });
  const none = { xaxis: { ticktext: ["aa bb"], tickvals: [] } };
  core.fitWidth(none, [], 96, chars);
  assert.deepEqual(none.xaxis.ticktext, ["aa bb"]);
});

test("nothing is hidden, turned or moved in the browser: annotations and ranges stay", () => {
  const layout = { annotations: [{ xref: "x", text: "a" }, {}, { xref: "x" }, { xref: "x" }, { xref: "x" }],
                   xaxis: { range: [0, 10] }, yaxis: { title: { text: "Candidate" } } };
  const bars = { type: "bar", orientation: "h", y: ["a"], textposition: "outside" };
  const seven = { type: "bar", x: ["a", "b", "c", "d", "e", "f", "g"] };
  core.fitWidth(layout, [bars, seven], 375, chars);
  assert.deepEqual(layout.annotations, [{ xref: "x", text: "a" }, {}, { xref: "x" }, { xref: "x" }, { xref: "x" }]);
  assert.deepEqual(layout.xaxis, { range: [0, 10] });
  assert.deepEqual(layout.yaxis, { title: { text: "Candidate" } });
  assert.equal(bars.textposition, "outside");
  assert.equal(bars.textangle, undefined);
});

test("on a phone, names down the side wrap to a third of the chart (150 px at most)", () => {
  const layout = { yaxis: { categoryarray: ["aaaa bbbb", 5], tickvals: ["aaaa bbbb"], ticktext: ["aaaa bbbb"] } };
  const bars = { type: "bar", orientation: "h", y: ["aaaa bbbb", 5] };
  const line = { type: "scatter", y: ["aaaa bbbb"] };
  core.fitWidth(layout, [bars, line], 200, chars);
  // room: min(150, 0.34 * 200 = 68) - 16 = 52, at least 40; at 10 px "aaaa bbbb" is 90 -> two lines
  assert.deepEqual(bars.y, ["aaaa<br>bbbb", 5]);
  assert.deepEqual(line.y, ["aaaa<br>bbbb"]); // the same label on every trace
  assert.deepEqual(layout.yaxis.categoryarray, ["aaaa<br>bbbb", 5]);
  assert.deepEqual(layout.yaxis.tickvals, ["aaaa<br>bbbb"]);
  assert.deepEqual(layout.yaxis.ticktext, ["aaaa<br>bbbb"]);
  // labels and lines placed at a category follow its new name; others are left alone
  const placed = { annotations: [{ y: "aaaa bbbb", text: "24" }, { y: "aaaa bbbb", yref: "y" },
                                 { y: "aaaa bbbb", yref: "paper" }, { y: 3 }],
                   shapes: [{ y0: "aaaa bbbb", y1: "aaaa bbbb" }, { yref: "paper", y0: "aaaa bbbb", y1: 1 },
                            { type: "path", path: "M0,0" }] };
  core.fitWidth(placed, [{ type: "bar", orientation: "h", y: ["aaaa bbbb"] }], 200, chars);
  assert.deepEqual(placed.annotations.map((a) => a.y), ["aaaa<br>bbbb", "aaaa<br>bbbb", "aaaa bbbb", 3]);
  assert.deepEqual(placed.shapes, [{ y0: "aaaa<br>bbbb", y1: "aaaa<br>bbbb" }, { yref: "paper", y0: "aaaa bbbb", y1: 1 },
                                   { type: "path", path: "M0,0" }]); // a path has no y0 to give it
  // a chart without labels or lines placed on the axis is drawn as it is
  const bare = {};
  core.fitWidth(bare, [{ type: "bar", orientation: "h", y: ["aaaa bbbb"] }], 200, chars);
  assert.deepEqual(bare, {});
  // room 52: "aa bb" (50) fits on one line
  const short = { type: "bar", orientation: "h", y: ["aa bb"] };
  core.fitWidth({}, [short], 200, chars);
  assert.deepEqual(short.y, ["aa bb"]);
  // a wide phone: 150 px at most
  const name = "a".repeat(14) + " " + "b".repeat(5); // 20 * 10 = 200: past min(150, 0.34 * 500) - 16 = 134
  const wide = { type: "bar", orientation: "h", y: [name] };
  core.fitWidth({}, [wide], 500, chars);
  assert.deepEqual(wide.y, ["a".repeat(14) + "<br>" + "b".repeat(5)]);
  // a category y axis of dots, not bars, too
  const dots = { type: "scatter", y: ["aaaa bbbb"] };
  core.fitWidth({ yaxis: { type: "category" } }, [dots], 200, chars);
  assert.deepEqual(dots.y, ["aaaa<br>bbbb"]);
  // a line on a value axis, vertical bars, a line said to be horizontal, or a desktop: left alone
  const plain = { type: "scatter", y: ["aaaa bbbb"] };
  core.fitWidth({}, [plain], 200, chars);
  assert.deepEqual(plain.y, ["aaaa bbbb"]);
  const upright = { type: "bar", y: ["aaaa bbbb"] };
  core.fitWidth({}, [upright], 200, chars);
  assert.deepEqual(upright.y, ["aaaa bbbb"]);
  const lying = { type: "scatter", orientation: "h", y: ["aaaa bbbb"] };
  core.fitWidth({}, [lying], 200, chars);
  assert.deepEqual(lying.y, ["aaaa bbbb"]);
  const desk = { type: "bar", orientation: "h", y: ["aaaa bbbb"] };
  core.fitWidth({}, [desk], 600, chars);
  assert.deepEqual(desk.y, ["aaaa bbbb"]);
});

// ---------------------------------------------------------------------------------------------
// Hover labels, paths, settings, titles, heights
// ---------------------------------------------------------------------------------------------

test("a hover label's series name moves into the label", () => {
  const data = [{ hovertemplate: "%{y:.1f}%<extra>Liberal</extra>" },
                { hovertemplate: "%{y}<extra></extra>" },
                { hovertemplate: "%{y}" }, {},
                { hovertemplate: "%{x}<extra>two\nlines</extra>" }];
  core.nameInLabel(data);
  assert.equal(data[0].hovertemplate, "Liberal<br>%{y:.1f}%<extra></extra>");
  assert.equal(data[1].hovertemplate, "%{y}<extra></extra>");
  assert.equal(data[2].hovertemplate, "%{y}");
  assert.equal(data[3].hovertemplate, undefined);
  assert.equal(data[4].hovertemplate, "two\nlines<br>%{x}<extra></extra>");
});

test("setPath sets a nested key, making the objects on the way", () => {
  const t = { a: { keep: 1 }, n: null, s: "text" };
  core.setPath(t, "a.b.c", 5);
  core.setPath(t, "n.x", 6);
  core.setPath(t, "s.y", 7);
  core.setPath(t, "top", 8);
  assert.deepEqual(t, { a: { keep: 1, b: { c: 5 } }, n: { x: 6 }, s: { y: 7 }, top: 8 });
});

test("a setting: the figure's own, else its template's, else the default", () => {
  const layout = { margin: { t: 50 }, title: { font: { size: null } },
                   template: { layout: { margin: { t: 70, b: 20 }, title: { font: { size: 17 } }, height: 0 } } };
  assert.equal(core.setting(layout, "margin.t", 80), 50);
  assert.equal(core.setting(layout, "margin.b", 80), 20);
  assert.equal(core.setting(layout, "title.font.size", 12), 17); // null is no setting
  assert.equal(core.setting(layout, "height", 450), 0); // 0 is a setting
  assert.equal(core.setting(layout, "margin.l", 80), 80);
  assert.equal(core.setting({}, "margin.t", 80), 80);
  assert.equal(core.setting({ template: {} }, "margin.t", 80), 80);
  assert.equal(core.setting({ margin: "x" }, "margin.t", 80), 80);
  assert.equal(core.setting({ template: { layout: { title: { text: null } } } }, "title.text", "d"), "d");
  assert.equal(core.setting({ margin: null }, "margin.t", 80), 80); // null on the way
  assert.equal(core.setting({ title: "abc" }, "title.length", 5), 5); // a string is not a node
});

test("a title's text, whatever form it comes in", () => {
  assert.equal(core.titleText("Seats"), "Seats");
  assert.equal(core.titleText({ text: "Seats" }), "Seats");
  assert.equal(core.titleText({}), "");
  assert.equal(core.titleText({ text: 5 }), "");
  assert.equal(core.titleText(undefined), "");
  assert.equal(core.titleText(null), "");
});

test("a phone chart grows until its plot keeps 180 px; a desktop one never needs to", () => {
  assert.equal(core.MIN_PLOT_PHONE, 180);
  assert.equal(core.MIN_PLOT, 0);
  assert.equal(core.grownHeight(375, 420, 150), 450);
  assert.equal(core.grownHeight(375, 420, 149.5), 451); // rounded up
  assert.equal(core.grownHeight(375, 420, 180), null);
  assert.equal(core.grownHeight(375, 420, 200), null);
  assert.equal(core.grownHeight(1000, 420, 10), null);
  assert.equal(core.grownHeight(1000, 420, 0), null);
  assert.equal(core.grownHeight(1000, 420, -5), 425);
});

// ---------------------------------------------------------------------------------------------
// Drawing as the reader nears a chart
// ---------------------------------------------------------------------------------------------

test("an undrawn chart keeps the height of the form its width will draw", () => {
  assert.equal(core.reservedHeight(1280, 420, 666), 420); // desktop form
  assert.equal(core.reservedHeight(600, 400, 666), 400); // 600 px is not a phone
  assert.equal(core.reservedHeight(599, 400, 666), 666); // phone form, its own height
  assert.equal(core.reservedHeight(375, 500, 284), 284); // shorter, too
  assert.equal(core.reservedHeight(375, 420, undefined), 420); // no phone height written
  assert.equal(core.reservedHeight(375, 420, NaN), 420);
  assert.equal(core.reservedHeight(0, 420, 666), null); // not laid out: keeps its height
  assert.equal(core.reservedHeight(1280, NaN, 666), null); // nothing written
});

test("the chart in the window first, then the nearest within a screen, the rest when idle", () => {
  const H = 800; // the window's height
  const box = (top, height = 400) => ({ top, bottom: top + height });
  // in the window: now, whatever its neighbours; the first in the page among several
  assert.deepEqual(core.nextToDraw([box(1700), box(300), box(-100)], H), { index: 1, when: "now" });
  assert.deepEqual(core.nextToDraw([box(-399), box(799)], H), { index: 0, when: "now" }); // 1 px in
  // touching an edge is not in the window: 0 px away, soon
  assert.deepEqual(core.nextToDraw([box(800)], H), { index: 0, when: "soon" });
  assert.deepEqual(core.nextToDraw([box(-400)], H), { index: 0, when: "soon" });
  // below: 100 px away beats above: 300 px away (bottom at -300)
  assert.deepEqual(core.nextToDraw([box(-700), box(900)], H), { index: 1, when: "soon" });
  // above: 50 px away beats below: 100 px away
  assert.deepEqual(core.nextToDraw([box(-450), box(900)], H), { index: 0, when: "soon" });
  // one screen away is still soon; a pixel further waits for the browser to be idle
  assert.deepEqual(core.nextToDraw([box(1600)], H), { index: 0, when: "soon" });
  assert.deepEqual(core.nextToDraw([box(1601)], H), { index: 0, when: "idle" });
  assert.deepEqual(core.nextToDraw([box(-1200)], H), { index: 0, when: "soon" }); // bottom at -800
  assert.deepEqual(core.nextToDraw([box(-1201)], H), { index: 0, when: "idle" });
  // far away: the nearest first, the first in the page among equals
  assert.deepEqual(core.nextToDraw([box(5000), box(3000), box(3000)], H), { index: 1, when: "idle" });
  assert.equal(core.nextToDraw([], H), null); // all drawn
});

test("plotly's options: responsive, no logo, no upload to Plotly's cloud, no selection tools, the tool bar off on a phone", () => {
  assert.deepEqual(core.config({ scrollZoom: false, responsive: false }, 1280), {
    scrollZoom: false, responsive: true, displaylogo: false, showSendToCloud: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"], displayModeBar: "hover"
  });
  assert.equal(core.config(undefined, 375).displayModeBar, false);
  assert.equal(core.config(null, 599).displayModeBar, false);
  assert.equal(core.config({}, 600).displayModeBar, "hover");
});

test("the font measured is the theme's", () => {
  assert.equal(core.FONT, "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif");
});

test("every colour, width and size comes from the theme it is given", () => {
  const other = JSON.parse(JSON.stringify(THEME));
  other.modes.dark.font = "#ABCDEF";
  other.phoneWidth = 400;
  other.font = "serif";
  other.titleSize = 20;
  other.phoneFontSize = 11;
  const c = require("../../src/liberal_crisis/site/static/charts-core.js")(other);
  assert.equal(c.NARROW, 400);
  assert.equal(c.isNarrow(450), false);
  assert.equal(c.FONT, "serif");
  assert.equal(c.TITLE_SIZE, 20);
  assert.equal(c.PHONE_FONT_SIZE, 11);
  assert.equal(c.overrides({ width: 1000, title: "T" }, "dark")["font.color"], "#ABCDEF");
  assert.equal(c.overrides({ width: 300, title: "T" }, "light")["font.size"], 11);
});

// ---------------------------------------------------------------------------------------------
// Data labels that read in either mode (text 4.5:1: tests/test_dark_mode.py)
// ---------------------------------------------------------------------------------------------

// WCAG 2's contrast ratio, written again here so the tests do not lean on the code they check.
const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const lum = (hex) => { const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255); };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const rgbOf = (hex) => { const n = parseInt(hex.slice(1), 16); return [n >> 16, (n >> 8) & 255, n & 255]; };

test("a colour that reads is kept as it is; one that does not is tinted just enough", () => {
  assert.equal(core.readable("#222222", "#FFFFFF", 4.5), "#222222");
  // white on white darkens to #767676, the lightest grey that reads 4.5:1 on white (#777777: 4.48)
  assert.equal(core.readable("#FFFFFF", "#FFFFFF", 4.5), "#767676");
  // black on the dark page (#121212, luminance 0.0061) lightens to a luminance of 0.2023 at least:
  // #7D7D7D (0.2051; #7C7C7C is 0.2016)
  assert.equal(core.readable("#000000", "#121212", 4.5), "#7D7D7D");
  // not a colour it can read: left alone
  assert.equal(core.readable("red", "#FFFFFF", 4.5), "red");
});

test("a party's label keeps its hue: darker on the light page, lighter on the dark one", () => {
  for (const [party, page, darker] of [["#F58220", "#FFFFFF", true], ["#12A4C4", "#FFFFFF", true],
                                       ["#3C78C8", "#FFFFFF", true], ["#D71920", "#121212", false],
                                       ["#3C78C8", "#121212", false]]) {
    const tint = core.readable(party, page, 4.5);
    assert.notEqual(tint, party);
    assert.ok(ratio(tint, page) >= 4.5, `${tint} on ${page}: ${ratio(tint, page)}`);
    // every channel moved the same fraction of the way to black (or white), within rounding
    const [c, t] = [rgbOf(party), rgbOf(tint)];
    const toward = darker ? [0, 0, 0] : [255, 255, 255];
    const f = c.map((v, i) => toward[i] === v ? null : (t[i] - v) / (toward[i] - v)).filter((x) => x !== null);
    assert.ok(Math.max(...f) - Math.min(...f) < 0.02, `${party} -> ${tint}: ${f}`);
    assert.ok(Math.min(...f) >= 0 && Math.max(...f) > 0);
    // just enough: the tint 2/255 of the way less does not read (the way measured on the
    // channel with the longest way to go, the least blurred by rounding)
    const spans = c.map((v, i) => Math.abs(toward[i] - v));
    const j = spans.indexOf(Math.max(...spans));
    const way = (t[j] - c[j]) / (toward[j] - c[j]);
    const less = "#" + c.map((v, i) => Math.round(v + (toward[i] - v) * (way - 2 / 255)))
      .map((v) => v.toString(16).padStart(2, "0")).join("");
    assert.ok(ratio(less, page) < 4.5, `${less} reads ${ratio(less, page)} on ${page}`);
  }
});

test("where the way away from the background cannot reach 4.5:1, the other way is taken", () => {
  // on #737373 (luminance 0.171) black reads 4.43:1, white 4.74:1: a darker grey must go light,
  // to a luminance of 0.946 at least: #F9F9F9 (#F8F8F8 reads 4.47:1)
  assert.equal(core.readable("#707070", "#737373", 4.5), "#F9F9F9");
});

test("a value inside a bar: its own colour if it reads, else dark text or white, whichever reads better", () => {
  assert.equal(core.onFill("#111111", [140, 140, 140], 4.5), "#111111");
  // the Yeas' green: white reads 3.4:1, the page's dark text 4.7:1
  assert.equal(core.onFill("#FFFFFF", [27, 158, 119], 4.5), "#222222");
  // the Nays' purple (luminance 0.186): white reads 4.44:1, so dark text down to a luminance of
  // 0.0025 (#080808)
  assert.equal(core.onFill("#FFFFFF", [117, 112, 179], 4.5), "#080808");
  // no colour of its own (plotly would choose): white on Liberal red reads 5.2:1
  assert.equal(core.onFill(undefined, [215, 25, 32], 4.5), "#FFFFFF");
});

test("the labels' colours in each mode come from the figure's own colours", () => {
  const data = [
    { type: "scatter", mode: "lines", x: [1, 2], y: [1, 2], line: { color: "#F58220" } },
    { type: "scatter", mode: "text", x: [2], y: [2], text: ["NDP"], textfont: { color: "#F58220", size: 13 } },
    { type: "scatter", mode: "text", x: [2], y: [3], text: ["Grey"], textfont: { color: "#222222" } },
    { type: "scatter", mode: "text", x: [2], y: [4], text: ["Plain"] }
  ];
  const sources = core.textSources(data);
  data[1].textfont.color = "#000000"; // plotly changes the figure it draws: the sources do not
  const light = core.textColours(sources, "light");
  const dark = core.textColours(sources, "dark");
  // the line and the text in the layout's font are left to overrides; all listed traces get one
  assert.deepEqual(light.traces, [1, 2]);
  assert.ok(ratio(light.update["textfont.color"][0], "#FFFFFF") >= 4.5);
  assert.notEqual(light.update["textfont.color"][0], "#F58220");
  assert.equal(light.update["textfont.color"][1], "#222222");
  // orange reads 7.2:1 on the dark page: drawn in the party's own colour there
  assert.equal(dark.update["textfont.color"][0], "#F58220");
  // and back: the same tint as the first time
  assert.deepEqual(core.textColours(sources, "light"), light);
});

test("a badge's numeral is measured on the badge, as plotly draws it", () => {
  const badge = (marker) => core.textSources([{ type: "scatter", mode: "markers+text", text: ["1", "12"],
                                                textfont: { color: "#FFFFFF" }, marker }]);
  // opaque dark grey: white reads on it in both modes
  const solid = badge({ color: "#5F5F5F", size: [16, 20], opacity: 1 });
  assert.equal(core.textColours(solid, "light").update["textfont.color"][0], "#FFFFFF");
  assert.equal(core.textColours(solid, "dark").update["textfont.color"][0], "#FFFFFF");
  // badges of several sizes are drawn at 0.7 unless told: #5F5F5F over white is #8F8F8F, where
  // white reads 3.2:1
  const seen = badge({ color: "#5F5F5F", size: [16, 20] });
  assert.notEqual(core.textColours(seen, "light").update["textfont.color"][0], "#FFFFFF");
});

test("values inside bars read on the bar as seen over the page of each mode", () => {
  const sources = core.textSources([
    { type: "bar", x: ["a", "b"], y: [1, 2], text: ["1", "2"], textposition: "inside",
      marker: { color: "#1B9E77" }, textfont: { color: "#FFFFFF" } },
    // half-seen Liberal red: light pink on white, dark red on the dark page
    { type: "bar", x: ["a", "b"], y: [1, 2], text: ["1", "2"], marker: { color: "#D71920", opacity: 0.5 } },
    { type: "bar", x: ["a", "b"], y: [1, 2], text: ["1", "2"], textposition: "outside",
      marker: { color: ["#F58220", "#12A4C4"] }, textfont: { color: ["#F58220", "#12A4C4"] } }
  ]);
  const light = core.textColours(sources, "light"), dark = core.textColours(sources, "dark");
  assert.deepEqual(light.traces, [0, 1, 2]);
  // one colour for every bar (a list of one would colour the first bar only)
  assert.equal(light.update["insidetextfont.color"][0], "#222222");
  assert.equal(light.update["insidetextfont.color"][1], "#222222");
  assert.equal(dark.update["insidetextfont.color"][1], "#FFFFFF");
  // a value coloured by the figure, outside its bar: on the page, a tint per bar
  const outside = light.update["outsidetextfont.color"][2];
  assert.equal(outside.length, 2);
  outside.forEach((c) => assert.ok(ratio(c, "#FFFFFF") >= 4.5, c));
  assert.deepEqual(dark.update["outsidetextfont.color"][2], ["#F58220", "#12A4C4"]);
  // a value the figure does not colour keeps the layout's font outside its bar (overrides)
  assert.equal(light.update["outsidetextfont.color"][1], undefined);
});
