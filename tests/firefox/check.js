// The chart pages in Firefox, as a reader sees them: run by tests/test_firefox.py, which asserts
// on what this prints. Debian's firefox-esr is driven over WebDriver BiDi by puppeteer-core (no
// driver, no browser download), launched once for every page and width.
//
// Usage: node check.js BASE_URL, with on its input
//   {"firefox": path, "widths": [1366, 375], "desktop": [1366], "pages": {rel: [chart ids]}}
// (at a "desktop" width a chart has a tool bar, to be seen on hover; on a phone it has none)
// Prints {"version": ..., "views": {width: {rel: found}}}, where found is:
//   drawn     chart ids whose plot is drawn with data (a mark of a trace with a size)
//   atRest    chart ids whose tool bar can be seen while the pointer is elsewhere
//   hover     chart ids whose tool bar cannot be seen with the pointer over the chart
//   focus     chart ids whose tool bar cannot be seen with a tool bar button focused
//   after     chart ids whose tool bar can still be seen after the pointer left
//   overflow  how far the page scrolls sideways (px; 0 when it fits)
//   errors    console errors and uncaught exceptions
"use strict";

const puppeteer = require("puppeteer-core");

const HEIGHT = { 1366: 900, 375: 740 };

function readStdin() {
  return new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (chunk) => { text += chunk; });
    process.stdin.on("end", () => resolve(JSON.parse(text)));
  });
}

// In the page: whether a chart's plot is drawn, and whether a reader can see its tool bar (a
// button with a size, not hidden, at an opacity, through every ancestor up to the chart, of at
// least 0.5; its 0.3 s fade is waited out by polling).
function probes() {
  window.lcDrawn = (id) => {
    const el = document.getElementById(id);
    if (!el || !el.querySelector(".main-svg")) return false;
    return [...el.querySelectorAll(".main-svg g.trace path, .main-svg g.trace rect")].some((m) => {
      const r = m.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    });
  };
  window.lcToolBarSeen = (id) => {
    const el = document.getElementById(id);
    return [...el.querySelectorAll(".modebar-btn")].some((b) => {
      const r = b.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(b).visibility === "hidden") return false;
      let opacity = 1;
      for (let n = b; n && n !== el.parentElement; n = n.parentElement) {
        opacity *= parseFloat(getComputedStyle(n).opacity);
      }
      return opacity >= 0.5;
    });
  };
}

async function until(page, fn, args, timeout) {
  try {
    await page.waitForFunction(fn, { timeout, polling: 50 }, ...args);
    return true;
  } catch (e) {
    if (e.name !== "TimeoutError") throw e;
    return false;
  }
}

async function visit(page, url, ids, desktop, errors) {
  errors.length = 0;
  await page.mouse.move(1, 1); // over the page's header, away from every chart
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(probes);
  const found = { drawn: [], atRest: [], hover: [], focus: [], after: [], overflow: 0, errors };
  // Each chart scrolled to, as a reader would (a chart may be drawn only once it is near); once
  // one is missing, the page's others get a second each (a broken page fails in minutes).
  let wait = 10000;
  for (const id of ids) {
    await page.evaluate((i) => document.getElementById(i)?.scrollIntoView({ block: "center" }), id);
    if (await until(page, (i) => window.lcDrawn(i), [id], wait)) found.drawn.push(id);
    else wait = 1000;
  }
  for (const id of found.drawn) {
    if (await page.evaluate((i) => window.lcToolBarSeen(i), id)) found.atRest.push(id);
  }
  if (desktop) {
    for (const id of found.drawn) {
      await page.hover("#" + id);
      if (!(await until(page, (i) => window.lcToolBarSeen(i), [id], 2000))) found.hover.push(id);
      await page.mouse.move(1, 1);
    }
    // Keyboard: a tool bar button focused (the first chart of the page is enough).
    const first = found.drawn[0];
    if (first) {
      await page.evaluate((i) => document.getElementById(i).querySelector(".modebar-btn")?.focus(),
                          first);
      const seen = await until(page, (i) => window.lcToolBarSeen(i), [first], 2000);
      if (!seen) found.focus.push(first);
      await page.evaluate(() => document.activeElement?.blur());
    }
    const gone = (list) => list.every((i) => !window.lcToolBarSeen(i));
    if (!(await until(page, gone, [found.drawn], 2000))) {
      for (const id of found.drawn) {
        if (await page.evaluate((i) => window.lcToolBarSeen(i), id)) found.after.push(id);
      }
    }
  }
  found.overflow = await page.evaluate(() => {
    const root = document.scrollingElement || document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  found.errors = errors.slice();
  return found;
}

(async () => {
  const base = process.argv[2];
  const request = await readStdin();
  const browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: request.firefox,
    headless: true,
    // Scroll bars over the page, as on a phone, on Linux (GTK) and on Windows 11, and as headless
    // Chromium draws them: a 375 px window is then a 375 px page, as in the Chromium tests.
    extraPrefsFirefox: { "ui.useOverlayScrollbars": 1 },
  });
  const out = { version: await browser.version(), views: {} };
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e.message || e)));
    for (const width of request.widths) {
      await page.setViewport({ width, height: HEIGHT[width] || 800 });
      out.views[width] = {};
      for (const [rel, ids] of Object.entries(request.pages)) {
        const desktop = request.desktop.includes(width);
        out.views[width][rel] = await visit(page, `${base}/${rel}`, ids, desktop, errors);
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e.stack || e) + "\n");
  process.exit(1);
});
