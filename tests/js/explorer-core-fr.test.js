// The swing explorer's words and numbers in the French edition (<html lang="fr-CA">): the same
// module (src/liberal_crisis/site/static/explorer-core.js) made with the language the page's
// <html lang> gives. Run: node --test tests/js/
//
// Expected values are written by hand from the house style (CONTRIBUTING, "Style maison": a
// no-break space before ":" and "%", a decimal comma, the singular below 2), never copied from a
// run. The parties' names are the French edition's JSON (formats.PARTY_FORMS_FR).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const THEME = require("./theme.json");
const factory = require("../../src/liberal_crisis/site/static/explorer-core.js");
const fr = factory(THEME, "fr-CA");
const en = factory(THEME, "en-CA");

const NBSP = "\u00a0";
const NAMES = {
  LPC: { name: "Libéral", plural: "Libéraux" },
  CPC: { name: "Conservateur", plural: "Conservateurs" },
  NDP: { name: "NPD", plural: "NPD" },
  BQ: { name: "Bloc Québécois", plural: "Bloc Québécois" },
  GPC: { name: "Vert", plural: "Verts" },
  PPC: { name: "Parti populaire", plural: "Parti populaire" },
  IND: { name: "Indépendant", plural: "Indépendants" }
};
const seats = (o) => Object.assign({ LPC: 0, CPC: 0, NDP: 0, BQ: 0, GPC: 0, PPC: 0 }, o);

test("the language comes from <html lang>: French for fr and fr-CA, English otherwise", () => {
  assert.equal(fr.FR, true);
  assert.equal(factory(THEME, "fr").FR, true);
  assert.equal(en.FR, false);
  assert.equal(factory(THEME).FR, false);
  assert.equal(factory(THEME, "").FR, false);
  assert.equal(factory(THEME, "frisian-ish").FR, false); // "fr" must be the whole subtag
  assert.equal(en.pct(40), "40.0");
});

test("la phrase : le parti en tête, l'écart à la majorité, les autres par sièges", () => {
  assert.equal(fr.sentence(seats({ LPC: 160, CPC: 119, NDP: 25, BQ: 32, GPC: 2 }), 0, NAMES, 170, 338),
               "Libéraux 160 sièges, à 10 sièges de la majorité (170 sur 338 requis). " +
               "Conservateurs 119, Bloc Québécois 32, NPD 25, Verts 2. 0 circonscription change de mains.");
  assert.equal(fr.sentence(seats({ CPC: 170, LPC: 168 }), 1, NAMES, 170, 338),
               "Conservateurs 170 sièges, majoritaires (170 sur 338 requis). Libéraux 168. " +
               "1 circonscription change de mains.");
  assert.equal(fr.sentence(seats({ CPC: 169, LPC: 168 }), 2, NAMES, 170, 338),
               "Conservateurs 169 sièges, à 1 siège de la majorité (170 sur 338 requis). Libéraux 168. " +
               "2 circonscriptions changent de mains.");
});

test("la phrase : égalité en tête, circonscriptions à égalité", () => {
  assert.equal(fr.sentence(seats({ LPC: 150, CPC: 150, BQ: 20 }), 3, NAMES, 170, 338),
               "Libéraux et Conservateurs 150 sièges chacun, aucune majorité (170 sur 338 requis). " +
               "Bloc Québécois 20. 3 circonscriptions changent de mains.");
  assert.equal(fr.sentence(seats({ LPC: 200, CPC: 135, TIE: 1 }), 5, NAMES, 170, 336),
               "Libéraux 200 sièges, majoritaires (170 sur 336 requis). Conservateurs 135. " +
               "1 circonscription à égalité. 5 circonscriptions changent de mains.");
  assert.equal(fr.sentence(seats({ LPC: 200, CPC: 134, TIE: 2 }), 0, NAMES, 170, 336),
               "Libéraux 200 sièges, majoritaires (170 sur 336 requis). Conservateurs 134. " +
               "2 circonscriptions à égalité. 0 circonscription change de mains.");
  assert.equal(fr.partyName(NAMES, "TIE"), "Égalité");
  assert.equal(en.partyName(NAMES, "TIE"), "Tie");
});

test("le résumé des changements, avec une espace insécable avant le deux-points", () => {
  assert.equal(fr.changesSummary(0), "Aucune circonscription ne change de mains");
  assert.equal(fr.changesSummary(1), "1 circonscription change de mains" + NBSP + ": la liste");
  assert.equal(fr.changesSummary(12), "12 circonscriptions changent de mains" + NBSP + ": la liste");
});

test("les parts : virgule décimale, et la note quand le total n'est plus 100", () => {
  assert.equal(fr.pct(40), "40,0");
  assert.equal(fr.pct(33.333), "33,3");
  assert.equal(fr.rescaleNote(Float64Array.from([40, 35, 25])), "");
  assert.equal(fr.rescaleNote(Float64Array.from([39.96, 35, 25])), ""); // reads 100,0
  assert.equal(fr.rescaleNote(Float64Array.from([50, 35, 25])),
               "Après le glissement, les parts de ces candidats totalisent 110,0" + NBSP +
               "%; les parts projetées sont ramenées à un total de 100" + NBSP + "%.");
});

test("le verdict d'une circonscription", () => {
  assert.equal(fr.ridingVerdict(NAMES, "LPC", "LPC"),
               "2021" + NBSP + ": Libéral. Projection" + NBSP + ": Libéral (aucun changement).");
  assert.equal(fr.ridingVerdict(NAMES, "LPC", "CPC"),
               "2021" + NBSP + ": Libéral. Projection" + NBSP + ": Conservateur (change de mains).");
  assert.equal(fr.ridingVerdict(NAMES, "LPC", "TIE"),
               "2021" + NBSP + ": Libéral. Projection" + NBSP + ": Égalité (change de mains).");
});

test("la recherche : ce qu'elle dit au-dessus des résultats", () => {
  assert.equal(fr.matchHint(9, "a"), "9 circonscriptions correspondent" + NBSP + ": précisez.");
  assert.equal(fr.matchHint(8, "a"), "8 circonscriptions correspondent" + NBSP + ":");
  assert.equal(fr.matchHint(2, "a"), "2 circonscriptions correspondent" + NBSP + ":");
  assert.equal(fr.matchHint(1, "avalon"), "");
  assert.equal(fr.matchHint(0, "zzz"), "Aucune circonscription de 2021 ne porte ce nom.");
  assert.equal(fr.matchHint(0, " – "), "");
});

test("le formulaire : la légende et l'aide de chaque méthode", () => {
  const u = fr.methodText("uniform"), p = fr.methodText("proportional");
  assert.equal(u.legend, "Variation de la part de chaque parti (points)");
  assert.equal(p.legend, "Coefficient de la part de chaque parti (1 = aucun changement)");
  assert.equal(u.hint, "Points ajoutés à la part du parti en 2021 dans chaque circonscription " +
                       "où il était présent (jamais sous 0).");
  assert.equal(p.hint, "La part du parti en 2021 est multipliée par ce nombre dans chaque " +
                       "circonscription où il était présent.");
  // the inputs' numbers stay as the browser reads them (type="number")
  assert.deepEqual([u.step, u.min, u.max, p.step, p.min, p.max],
                   ["0.1", "-100", "100", "0.01", "0", "10"]);
});

test("le graphique : l'axe des sièges, la ligne de majorité, chaque barre nommée", () => {
  const m = fr.MODES.light;
  const layout = fr.layoutFor(m, false, 250, 172);
  // the seats run along the bars, which lie down (main, #20)
  assert.equal(layout.xaxis.title.text, "Sièges");
  assert.equal(layout.annotations[0].text, "Majorité" + NBSP + ": 172");
  const english = en.layoutFor(m, false, 250, 172);
  assert.equal(english.xaxis.title.text, "Seats");
  assert.equal(english.annotations[0].text, "Majority: 172");
  // each bar's name: the French name, a no-break space before the colon, then its seats
  const trace = fr.barTrace(seats({ LPC: 160, CPC: 119 }), {}, NAMES, m);
  assert.deepEqual(trace.y.slice(0, 3), ["Libéral" + NBSP + ": 160", "Conservateur" + NBSP + ": 119",
                                         "NPD" + NBSP + ": 0"]);
  assert.deepEqual(en.barTrace(seats({ LPC: 160 }), {}, NAMES, m).y[0], "Libéral: 160");
});
