// policypress: the resident's self-check, one question at a time (GOV.UK "smart answer" style).
// The site may hold several documents, each with its own self-check calculator; the page embeds
// each one's declaration, dates and words as JSON. The questions are the union of their inputs
// (an input's name is its question: the same name, the same question), each asked only while one
// of the documents that declares it may still need it (the input's `ask_if`, data of the
// calculator). At the end every document's calculator runs through window.policypress.calc (from
// policypress-calc.js) on its own parameters, and the answer is explained per document: those in
// force on the day first, the others as history, as of their last day. Answers live in the URL
// fragment (#answers=<json>&step=<name>), which browsers never send to a server, so a reload or
// the browser's Back button restores the step.
(function () {
  "use strict";

  /**
   * @typedef {{zh: string, en: string}} Text
   * @typedef {{value: string, label: Text}} Option
   * @typedef {{name: string, type: string, label: Text, help?: Text | null, unit?: Text | null, required?: boolean,
   *   default?: any, options: Option[], minimum: number | null, maximum: number | null, ask_if?: any, how_to_write?: string}} Field
   * @typedef {{title: string, apply: string, hotline: string}} ClauseWords
   * @typedef {{id: string, calculator: string, number: string, title: string, effective: string, last_day: string | null,
   *   expires: string | null, hotline: string, hotline_label: string, link: string, declaration: {inputs: Field[]}, clauses: Record<string, ClauseWords>}} Doc
   * @typedef {Record<string, any>} Answers by input name; null: asked, and left "not sure" or empty
   * @typedef {Record<string, string>} FieldErrors by input name, in the page's language
   */

  var appNode = document.querySelector(".pp-sc-app");
  var configNode = document.querySelector(".pp-sc-config");
  if (!appNode || !configNode) return;
  var app = /** @type {HTMLElement} */ (appNode);
  var config = JSON.parse(configNode.textContent || "null");
  /** @type {Record<string, string>} */
  var words = config.strings;
  /** @type {"zh" | "en"} */
  var lang = config.lang;
  /** @type {Doc[]} */
  var DOCS = config.documents;
  /** @type {string[]} */
  var AREAS = config.areas || [];
  /** @type {string[]} */
  var AREA_INPUTS = config.area_inputs || [];
  var baseMeta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-base"]'));
  var base = new URL(baseMeta ? baseMeta.content : "./", document.baseURI).href;
  var own = Object.prototype.hasOwnProperty;
  var MAX_FRAGMENT = 20000; // characters of answers read from the address, at most
  var DAY_INPUT = "date"; // every calculator's "rules of which day" (core.calculator.DATE): the page decides it

  /** @type {Record<string, Field>} each input by name (the first document's words); look names up with isField() */
  var FIELDS = Object.create(null);
  DOCS.forEach(function (doc) {
    doc.declaration.inputs.forEach(function (field) { if (!own.call(FIELDS, field.name)) FIELDS[field.name] = field; });
  });

  /** @param {string} name @returns {boolean} whether a calculator has an input called `name` */
  function isField(name) {
    return own.call(FIELDS, name);
  }
  var ASKABLE = ["bool", "choice", "int", "money", "date", "text"]; // rows and multi are for the full calculator page

  /** @param {Field} field @returns {boolean} answered by choosing one of the site's areas */
  function isArea(field) { return AREA_INPUTS.indexOf(field.name) >= 0 && AREAS.length > 0; }

  /** @param {Field} field @returns {boolean} answered with radio buttons */
  function isRadio(field) { return field.type === "bool" || field.type === "choice" || isArea(field); }

  // --- the day, and each document on it -------------------------------------------------------

  /** @param {number} n */
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** @param {Date} date */
  function isoDay(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }

  var TODAY = isoDay(new Date());

  // The day the reader asks about: today, or the day a link gave (a staff card's, say).
  /** @param {Answers} a @returns {string} */
  function calcDay(a) {
    var given = typeof a[DAY_INPUT] === "string" ? normaliseDate(a[DAY_INPUT]) : null;
    return given || TODAY;
  }

  /** @param {Doc} doc @param {Answers} a @returns {"in_force" | "not_yet" | "history"} where the document stands on the day */
  function whenOf(doc, a) {
    var day = calcDay(a);
    if (day < doc.effective) return "not_yet";
    if (doc.last_day && day > doc.last_day) return "history";
    return "in_force";
  }

  /** @param {Doc} doc @param {Answers} a @returns {string} the day whose rules the document's calculator uses */
  function dayOf(doc, a) {
    var when = whenOf(doc, a);
    return when === "not_yet" ? doc.effective : when === "history" ? /** @type {string} */ (doc.last_day) : calcDay(a);
  }

  /** @param {Answers} a @returns {Doc[]} in force on the day first, then those not yet in force, then history */
  function ordered(a) {
    return ["in_force", "not_yet", "history"].reduce(function (/** @type {Doc[]} */ list, when) {
      return list.concat(DOCS.filter(function (doc) { return whenOf(doc, a) === when; }));
    }, []);
  }

  // --- which questions are asked, and when ---------------------------------------------------
  // An input's ask_if (calculators/core/inputs.py ASK_IF) on the answers so far and the age on
  // the document's day; a question is asked while any document that declares it may need it.

  // `maybe`: for the count of questions ahead, a question not reached yet may be answered either
  // way, so "is" holds for it too.
  /** @param {any} condition @param {Answers} a @param {number | null} age @param {boolean} [maybe] @returns {boolean} */
  function holds(condition, a, age, maybe) {
    if (!condition || typeof condition !== "object") return true;
    return Object.keys(condition).every(function (key) {
      var value = condition[key];
      if (key === "never" || key === "with") return false;
      if (key === "all") return value.every(function (/** @type {any} */ c) { return holds(c, a, age, maybe); });
      if (key === "any") return value.some(function (/** @type {any} */ c) { return holds(c, a, age, maybe); });
      if (key === "is") return Object.keys(value).every(function (name) { return a[name] === value[name] || (!!maybe && !own.call(a, name)); });
      if (key === "is_not") return Object.keys(value).every(function (name) { return a[name] !== value[name]; });
      if (key === "given") return a[value] !== undefined && a[value] !== null && a[value] !== "";
      if (key === "age_at_least") return age === null || age >= value;
      if (key === "age_below") return age === null || age < value;
      if (key === "age_at_most") return age === null || age <= value;
      return true; // a form this page does not know: ask, rather than leave out what may matter
    });
  }

  /** @type {Record<string, string>} an input shown on the step of another question (the age with the date of birth) */
  var ASKED_WITH = Object.create(null);
  /** @type {string[]} the questions, in the order of the documents (in force first), each once */
  var QUESTIONS = [];
  ordered({}).forEach(function (doc) {
    doc.declaration.inputs.forEach(function (field) {
      var condition = field.ask_if || {};
      if (condition.with && !own.call(ASKED_WITH, field.name)) ASKED_WITH[field.name] = condition.with;
      else if (ASKABLE.indexOf(field.type) >= 0 && field.name !== DAY_INPUT && !condition.never && !condition.with && QUESTIONS.indexOf(field.name) < 0) QUESTIONS.push(field.name);
    });
  });

  /** @param {string} name @param {Answers} a @param {boolean} [maybe] whether it may yet be asked (see holds) */
  function asked(name, a, maybe) {
    return DOCS.some(function (doc) {
      var field = doc.declaration.inputs.filter(function (f) { return f.name === name; })[0];
      return !!field && ASKABLE.indexOf(field.type) >= 0 && holds(field.ask_if, a, ageOn(a, dayOf(doc, a)), maybe);
    });
  }

  /** @param {string} name @param {Answers} a @returns {Doc[]} the documents that ask question `name`, given the answers so far */
  function askedFor(name, a) {
    return DOCS.filter(function (doc) {
      var field = doc.declaration.inputs.filter(function (f) { return f.name === name; })[0];
      return !!field && ASKABLE.indexOf(field.type) >= 0 && holds(field.ask_if, a, ageOn(a, dayOf(doc, a)));
    });
  }

  /** @param {Answers} a @returns {number} about how many questions there are in all, given the answers so far */
  function expectedCount(a) {
    return QUESTIONS.filter(function (name) { return asked(name, a) || asked(name, a, true); }).length;
  }

  /** @param {Answers} a @returns {string[]} the questions that matter, given the answers so far */
  function relevant(a) {
    return QUESTIONS.filter(function (name) { return asked(name, a); });
  }

  // --- dates, ages and numbers ----------------------------------------------------------------

  // "1963-3-1", "1963/03/01", "1963.3.1", "1963年3月1日" → "1963-03-01"; null if it is no real date.
  /** @param {string} text @returns {string | null} */
  function normaliseDate(text) {
    var m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(text).trim());
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
    return y + "-" + pad(mo) + "-" + pad(d);
  }

  /** @param {string} birth YYYY-MM-DD @param {string} day YYYY-MM-DD @returns {number} whole years on `day` */
  function yearsOn(birth, day) {
    var years = +day.slice(0, 4) - +birth.slice(0, 4);
    return day.slice(5) < birth.slice(5) ? years - 1 : years;
  }

  /** @param {Answers} a @param {string} day @returns {number | null} the age on `day`, from the date of birth or the age given */
  function ageOn(a, day) {
    var birth = typeof a.birth_date === "string" ? normaliseDate(a.birth_date) : null;
    if (birth) return yearsOn(birth, day);
    if (a.age !== undefined && a.age !== null && /^\d+$/.test(String(a.age).trim())) return parseInt(a.age, 10);
    return null;
  }

  /** @param {string} text */
  function toHalfWidth(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); }).replace(/\u3000/g, " ");
  }

  // Numbers as people write them, read as calculators/core/inputs.py parse_number reads them:
  // 80000, 80,000, 8万, 8万元, 1.5万, 五十八, 三万五, 58岁. Returns the figure as digits, or null.
  var CN_DIGITS = { "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9 };
  var CN_SMALL = { "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000 };
  var CN_LARGE = { "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8 };
  var YUAN = ["元整", "块钱", "元", "块", "圆", "yuan", "rmb", "cny"];

  /** @param {string} written @returns {number | null} */
  function readFigure(written) {
    var tokens = written.match(/\d+(?:\.\d+)?|[\s\S]/g) || [];
    if (tokens.length === 1 && /^\d/.test(tokens[0])) return parseFloat(tokens[0]);
    var total = 0, section = 0;
    /** @type {number | null} */
    var number = null;
    /** @type {number | null} */
    var lastUnit = null;
    /** @type {number | null} */
    var small = null;
    var spokenTail = false, zero = false;
    for (var i = 0; i < tokens.length; i += 1) {
      var token = tokens[i];
      if (/^\d/.test(token) || own.call(CN_DIGITS, token)) {
        var isCn = own.call(CN_DIGITS, token);
        var value = isCn ? /** @type {Record<string, number>} */ (CN_DIGITS)[token] : parseFloat(token);
        if (number !== null) return null;
        if (isCn && value === 0) { zero = true; continue; }
        number = value;
        spokenTail = isCn && lastUnit !== null && !zero;
      } else if (own.call(CN_SMALL, token)) {
        var unit = /** @type {Record<string, number>} */ (CN_SMALL)[token];
        if (small !== null && unit >= small) return null;
        section += (number !== null ? number : 1) * unit;
        number = null; lastUnit = unit; small = unit; spokenTail = false; zero = false;
      } else if (own.call(CN_LARGE, token)) {
        var large = /** @type {Record<string, number>} */ (CN_LARGE)[token];
        section += number !== null ? number : 0;
        if (section === 0) return null;
        total += section * large;
        section = 0; number = null; lastUnit = large; small = null; spokenTail = false; zero = false;
      } else {
        return null;
      }
    }
    if (number !== null) section += spokenTail && lastUnit !== null && lastUnit >= 100 ? number * lastUnit / 10 : number;
    return total + section;
  }

  /** @param {Field} field @param {string} raw @returns {string | null} the number as digits ("80000", "1500.5"), or null */
  function readNumber(field, raw) {
    var written = toHalfWidth(raw).replace(/\s+/g, "").replace(/,/g, "").toLowerCase().replace(/^[¥￥]+/, "");
    /** @type {string[]} */
    var units = [];
    if (field.unit) [field.unit.zh, field.unit.en].forEach(function (w) { if (w && w.trim()) units.push(w.trim().toLowerCase()); });
    units.slice().forEach(function (w) { if (w.charAt(0) === "周") units.push(w.slice(1)); });
    if (field.type === "money") units = units.concat(YUAN);
    units.sort(function (x, y) { return y.length - x.length; });
    for (var i = 0; i < units.length; i += 1) {
      var w = units[i];
      if (written.length > w.length && written.slice(-w.length) === w) { written = written.slice(0, -w.length); break; }
    }
    if (!written || written.length > 60 || written.charAt(0) === "-") return null;
    var number = readFigure(written);
    if (number === null || !isFinite(number)) return null;
    var cents = Math.round(number * 100);
    if (Math.abs(number * 100 - cents) > 1e-6) return null; // more than two decimals
    if (field.type === "int") return cents % 100 === 0 ? String(cents / 100) : null;
    return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  }

  // --- words -----------------------------------------------------------------------------------

  /** @param {string} key @param {Record<string, unknown>} [values] */
  function say(key, values) {
    var text = (own.call(words, key) && words[key]) || key;
    var given = values || {};
    Object.keys(given).forEach(function (name) { text = text.split("{" + name + "}").join(String(given[name])); });
    return text;
  }

  /** @param {unknown} iso a day, YYYY-MM-DD @returns {string} it in the page's language: 2020年5月15日, 15 May 2020 */
  function dayWords(iso) {
    var match = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
    if (!match) return String(iso);
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return day.toLocaleDateString(lang === "zh" ? "zh-CN" : "en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  /** @param {Text | null | undefined} value @returns {string} a {zh, en} value in the page's language */
  function ownText(value) { return value ? value[lang] : ""; }

  /** @param {unknown} text */
  function esc(text) {
    return String(text === undefined || text === null ? "" : text).replace(/[&<>"']/g, function (c) {
      return /** @type {Record<string, string>} */ ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c];
    });
  }

  // --- state in the URL fragment ---------------------------------------------------------------
  // answers: {name: value}; a name present with null was asked and left "not sure" or empty.

  /** @typedef {{answers: Answers, step: string | null, back: string | null}} State */
  /** @type {State} */
  var state = { answers: {}, step: null, back: null };
  /** @type {FieldErrors | null} the calculator's field errors, shown on the step they belong to */
  var pendingErrors = null;
  var stage = "idle";

  /** @param {Answers} answers @param {string} step @param {string | null} [back] */
  function fragment(answers, step, back) {
    return "#answers=" + encodeURIComponent(JSON.stringify(answers)) + "&step=" + encodeURIComponent(step) + (back ? "&back=" + back : "");
  }

  /** @param {string} text @returns {string | null} decoded, or null if it is not valid percent-encoding */
  function decoded(text) {
    try { return decodeURIComponent(text); } catch (error) { return null; }
  }

  // The address is anyone's: only the calculator's inputs are kept (own names: "__proto__" is
  // none), only values a question gives (null, true/false, text), and a step is only ever one of
  // the questions (restore() checks it). Anything else is left out, never shown as HTML.
  /** @returns {State | null} */
  function readFragment() {
    var hash = location.hash;
    if (hash.length > MAX_FRAGMENT) return { answers: {}, step: null, back: null };
    var match = /^#answers=([^&]*)(?:&step=([^&]*))?(?:&back=([^&]*))?/.exec(hash);
    if (!match) return null;
    /** @type {Answers} */
    var answers = {};
    try {
      var raw = JSON.parse(decoded(match[1]) || "null");
      if (raw && typeof raw === "object" && !Array.isArray(raw)) {
        Object.keys(raw).forEach(function (name) {
          var value = raw[name];
          if (isField(name) && (value === null || typeof value === "boolean" || typeof value === "string")) answers[name] = value;
        });
      }
    } catch (error) {
      answers = {};
    }
    var step = match[2] ? decoded(match[2]) : null;
    return { answers: answers, step: step, back: match[3] === "summary" ? "summary" : null };
  }

  /** @param {string} step @param {string | null} [back] */
  function go(step, back) {
    var target = fragment(state.answers, step, back);
    if (location.hash === target) restore(true);
    else location.hash = target; // a history entry: the browser's Back button goes back a step
  }

  // --- moving between questions ----------------------------------------------------------------

  /** @param {string} name @param {Answers} a */
  function visited(name, a) { return own.call(a, name); }

  /** @param {Answers} a @returns {string} the first question not yet answered, or "summary" */
  function firstUnanswered(a) {
    var list = relevant(a);
    for (var i = 0; i < list.length; i += 1) if (!visited(list[i], a)) return list[i];
    return "summary";
  }

  /** @param {string} name @param {Answers} a @param {string | null} back */
  function nextAfter(name, a, back) {
    if (back === "summary") return firstUnanswered(a); // after a change: only what now needs asking
    var list = relevant(a);
    var index = list.indexOf(name);
    return index >= 0 && index + 1 < list.length ? list[index + 1] : firstUnanswered(a);
  }

  /** @param {string} name @param {Answers} a @returns {string | null} */
  function previousOf(name, a) {
    var list = relevant(a);
    var index = name === "summary" ? list.length : list.indexOf(name);
    return index > 0 ? list[index - 1] : null;
  }

  // The answers a document's calculator gets: those of questions that still matter ("not sure"
  // left out), those given by a link for inputs never asked here, and the document's day.
  /** @param {Answers} a @param {Doc} doc */
  function inputsOf(a, doc) {
    /** @type {Answers} */
    var inputs = {};
    var sent = relevant(a).reduce(function (/** @type {string[]} */ list, name) { return list.concat(withAlternatives(name)); }, []);
    doc.declaration.inputs.forEach(function (field) {
      var key = field.name;
      var never = !!(field.ask_if && field.ask_if.never);
      if ((sent.indexOf(key) >= 0 || never) && key !== DAY_INPUT && a[key] !== null && a[key] !== undefined && a[key] !== "") inputs[key] = a[key];
    });
    // The calculators know the document's own dates: with no day given, they take today's rules,
    // or those of its last (first) day, and say so first. A day they cannot know (a link's, or the
    // day before a replacement the site holds) is given.
    var when = whenOf(doc, a);
    var known = when === "in_force" || when === "not_yet" || doc.last_day === doc.expires;
    if (calcDay(a) !== TODAY || !known) inputs[DAY_INPUT] = dayOf(doc, a);
    return inputs;
  }

  // --- rendering -------------------------------------------------------------------------------

  /** @param {string} name @returns {string[]} the question and the inputs asked with it */
  function withAlternatives(name) {
    return [name].concat(Object.keys(ASKED_WITH).filter(function (k) { return ASKED_WITH[k] === name; }));
  }

  /** @param {string} href @param {string} label */
  function backLink(href, label) {
    return '<p class="pp-sc-back"><a href="' + esc(href) + '">' + esc(label) + "</a></p>";
  }

  /** @param {string} text */
  function heading(text) {
    return '<h2 class="pp-sc-question" id="pp-sc-question" tabindex="-1">' + esc(text) + "</h2>";
  }

  /** @param {string} name */
  function errorSlot(name) {
    return '<p class="pp-sc-error" id="pp-sc-error-' + esc(name) + '" data-error-for="' + esc(name) + '" aria-live="assertive"></p>';
  }

  /** @param {string} name @param {string} value @param {string} label @param {boolean} checked */
  function radio(name, value, label, checked) {
    return '<label class="pp-sc-radio"><input type="radio" name="' + esc(name) + '" value="' + esc(value) + '"' +
      (checked ? " checked" : "") + "><span>" + esc(label) + "</span></label>";
  }

  /** @param {Field} field @param {unknown} value @param {string | null} labelledBy @param {string | null} describedBy */
  function textInput(field, value, labelledBy, describedBy) {
    var kind = field.type === "int" ? ' inputmode="numeric"' : field.type === "money" ? ' inputmode="decimal"' : "";
    var extra = field.name === "birth_date" ? ' autocomplete="bday"' : ' autocomplete="off"';
    var described = (describedBy ? describedBy + " " : "") + "pp-sc-error-" + field.name;
    var html = '<div class="pp-sc-input-row"><input type="text" class="pp-sc-input pp-sc-input--' + esc(field.type) + '" id="pp-sc-input-' + esc(field.name) +
      '" name="' + esc(field.name) + '" value="' + esc(value === null || value === undefined ? "" : value) + '"' + kind + extra +
      (labelledBy ? ' aria-labelledby="' + labelledBy + '"' : "") + ' aria-describedby="' + described + '" spellcheck="false">';
    if (field.unit) html += '<span class="pp-unit">' + esc(ownText(field.unit)) + "</span>";
    html += "</div>";
    return html;
  }

  /** @param {Field} field @returns {{value: string, label: string}[]} the answers of a question answered by choosing */
  function choices(field) {
    if (field.type === "bool") return [{ value: "true", label: say("yes") }, { value: "false", label: say("no") }];
    if (isArea(field)) return AREAS.map(function (area) { return { value: area, label: area }; });
    return field.options.map(function (/** @type {Option} */ o) { return { value: o.value, label: ownText(o.label) }; });
  }

  // Before the questions: a document not in force on the day is said on the first screen, and a
  // question asked only for such documents says so briefly, so nobody answers a long
  // questionnaire to learn only at the end that the result is history.
  /** @param {string} name @param {number} number @param {Answers} a @returns {string} HTML */
  function standingNotes(name, number, a) {
    /** @type {string[]} */
    var html = [];
    if (number === 1) {
      ordered(a).forEach(function (doc) {
        var when = whenOf(doc, a);
        if (when === "in_force") return;
        html.push('<p class="pp-note pp-history pp-sc-standing pp-sc-standing--' + esc(when) + '" data-document="' + esc(doc.id) + '">' +
          esc(say(when === "history" ? "questions_history" : "questions_not_yet", { number: doc.number, date: dayWords(dayOf(doc, a)) })) + "</p>");
      });
      return html.join("");
    }
    var docs = askedFor(name, a);
    if (!docs.length || docs.some(function (doc) { return whenOf(doc, a) === "in_force"; })) return "";
    ["history", "not_yet"].forEach(function (when) {
      var these = docs.filter(function (doc) { return whenOf(doc, a) === when; });
      if (!these.length) return;
      var numbers = these.map(function (doc) { return doc.number; }).join(lang === "zh" ? "、" : ", ");
      html.push('<p class="pp-sc-hint pp-sc-standing-brief pp-sc-standing--' + esc(when) + '">' + esc(say("question_" + when, { numbers: numbers })) + "</p>");
    });
    return html.join("");
  }

  /** @param {string} name a question (one of QUESTIONS) @param {boolean} focus */
  function renderQuestion(name, focus) {
    var field = FIELDS[name];
    var a = state.answers;
    var list = relevant(a);
    var number = list.indexOf(name) + 1;
    var previous = state.back === "summary" ? "summary" : previousOf(name, a);
    var html = [];
    if (previous) html.push(backLink(fragment(a, previous), say("back")));
    html.push(standingNotes(name, number, a));
    // method="dialog": a submission never goes anywhere, even if the handler below were missing.
    html.push('<form class="pp-sc-form" method="dialog" novalidate autocomplete="off"><fieldset class="pp-sc-field" aria-describedby="' + (field.help ? "pp-sc-help-" + esc(name) + " " : "") + "pp-sc-error-" + esc(name) + '">');
    // "about": a later answer may make a question needless, or needed.
    html.push('<legend class="pp-sc-legend"><span class="pp-sc-progress">' + esc(say("question_n_of", { n: number, total: Math.max(number, expectedCount(a)) })) + "</span>" + heading(ownText(field.label)) + "</legend>");
    if (field.help) html.push('<p class="pp-help pp-sc-help" id="pp-sc-help-' + esc(name) + '">' + esc(ownText(field.help)) + "</p>");
    var value = visited(name, a) ? a[name] : field.default;
    if (isRadio(field)) {
      html.push(errorSlot(name) + '<div class="pp-sc-radios' + (isArea(field) ? " pp-sc-radios--areas" : "") + '">');
      choices(field).forEach(function (o) { html.push(radio(name, o.value, o.label, value !== null && value !== undefined && String(value) === o.value)); });
      if (!field.required) html.push(radio(name, "", say(isArea(field) ? "area_not_said" : "not_sure"), visited(name, a) && value === null));
      html.push("</div>");
    } else {
      var example = /\d{4}-\d{2}-\d{2}/.test(ownText(field.help)); // the help may already show how to write it
      if (field.type === "date" && !example) html.push('<p class="pp-sc-hint" id="pp-sc-hint-' + esc(name) + '">' + esc(say("date_format")) + "</p>");
      if (!field.required && name !== "birth_date" && ownText(field.help).indexOf(say("optional_said")) < 0) html.push('<p class="pp-sc-hint">' + esc(say("optional")) + "</p>");
      var describedBy = (field.help ? "pp-sc-help-" + name + " " : "") + (field.type === "date" && !example ? "pp-sc-hint-" + name : "");
      html.push(errorSlot(name) + textInput(field, value, "pp-sc-question", describedBy.trim()));
      Object.keys(ASKED_WITH).forEach(function (other) {
        if (ASKED_WITH[other] !== name || !isField(other)) return;
        var alt = FIELDS[other];
        html.push('<div class="pp-sc-alternative"><label for="pp-sc-input-' + esc(other) + '">' + esc(say("or_age")) + "</label>");
        html.push(errorSlot(other) + textInput(alt, a[other], null, null) + "</div>");
      });
    }
    html.push("</fieldset>");
    html.push('<button type="submit" class="md-button md-button--primary pp-sc-continue">' + esc(say("continue")) + "</button></form>");
    app.innerHTML = html.join("");

    var form = app.querySelector("form");
    if (!form) return;
    var question = form;
    question.addEventListener("submit", function (event) { event.preventDefault(); submitQuestion(question, name); });
    question.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.type === "radio") { event.preventDefault(); submitQuestion(question, name); }
    });
    // A wrong answer is caught where it is typed: checked when the reader leaves the field.
    question.querySelectorAll("input.pp-sc-input").forEach(function (node) {
      var input = /** @type {HTMLInputElement} */ (node);
      input.addEventListener("change", function () { checkTyped(question, name); });
    });
    if (pendingErrors) {
      showErrors(question, pendingErrors);
      pendingErrors = null;
    } else if (focus) {
      focusHeading();
    }
  }

  function focusHeading() {
    var title = /** @type {HTMLElement | null} */ (app.querySelector("#pp-sc-question"));
    if (title) title.focus();
  }

  /** @param {HTMLFormElement} form @param {string} name @returns {HTMLInputElement[]} the controls called `name` (no selector is built from it) */
  function controls(form, name) {
    var found = form.elements.namedItem(name);
    if (!found) return [];
    if (found instanceof RadioNodeList) return /** @type {HTMLInputElement[]} */ (Array.prototype.slice.call(found));
    return [/** @type {HTMLInputElement} */ (found)];
  }

  /** @param {ParentNode} root @param {string} attribute a constant @param {string} value @returns {HTMLElement | null} */
  function byAttribute(root, attribute, value) {
    var nodes = root.querySelectorAll("[" + attribute + "]");
    for (var i = 0; i < nodes.length; i += 1) {
      if (nodes[i].getAttribute(attribute) === value) return /** @type {HTMLElement} */ (nodes[i]);
    }
    return null;
  }

  // Check an answer's form (and what can be known without the rules: a birth date not in the
  // future, an age within bounds) before moving on; the calculators check the rest at the end.
  /** @param {Field} field @param {string} raw @returns {{value?: string | null, error?: string}} */
  function checkValue(field, raw) {
    var label = ownText(field.label);
    if (raw === "") return { value: null };
    if (field.type === "date") {
      var day = normaliseDate(raw);
      if (!day) return { error: say("error_date", { label: label }) };
      if (field.name === "birth_date") {
        if (day > TODAY) return { error: say("error_birth_future", { date: dayWords(day) }) };
        var ageField = Object.keys(ASKED_WITH).filter(function (k) { return ASKED_WITH[k] === field.name && isField(k); }).map(function (k) { return FIELDS[k]; })[0];
        var years = yearsOn(day, TODAY);
        if (ageField && ageField.maximum !== null && years > ageField.maximum) return { error: say("error_birth_old", { age: years, limit: ageField.maximum }) };
      }
      return { value: day };
    }
    if (field.type === "int" || field.type === "money") {
      var number = readNumber(field, raw);
      if (number === null) return { error: field.how_to_write || say(field.type === "int" ? "error_int" : "error_money", { label: label }) };
      var figure = parseFloat(number);
      if (field.minimum !== null && figure < field.minimum) return { error: say("error_min", { label: label, limit: field.minimum }) };
      if (field.maximum !== null && figure > field.maximum) return { error: say("error_max", { label: label, limit: field.maximum }) };
      return { value: number };
    }
    return { value: raw };
  }

  // The typed answers of the current question, checked as soon as the reader leaves a field.
  /** @param {HTMLFormElement} form @param {string} name */
  function checkTyped(form, name) {
    /** @type {FieldErrors} */
    var errors = {};
    withAlternatives(name).forEach(function (key) {
      var input = controls(form, key)[0];
      var result = checkValue(FIELDS[key], input ? input.value.trim() : "");
      if (result.error) errors[key] = result.error;
    });
    showErrors(form, errors, false);
  }

  /** @param {HTMLFormElement} form @param {string} name */
  function submitQuestion(form, name) {
    var field = FIELDS[name];
    /** @type {FieldErrors} */
    var errors = {};
    /** @type {Answers} */
    var values = {};
    if (isRadio(field)) {
      var checked = controls(form, name).filter(function (input) { return input.checked; })[0];
      if (!checked && field.required) errors[name] = say("error_choose");
      else values[name] = !checked || checked.value === "" ? null : field.type === "bool" ? checked.value === "true" : checked.value;
    } else {
      withAlternatives(name).forEach(function (key) {
        var input = controls(form, key)[0];
        var result = checkValue(FIELDS[key], input ? input.value.trim() : "");
        if (result.error) errors[key] = result.error;
        else values[key] = result.value;
      });
      if (!Object.keys(errors).length) {
        if (field.required && values[name] === null) errors[name] = say("error_required", { label: ownText(field.label) });
        // The calculators need one of the date of birth and the age.
        if (name === "birth_date" && values.birth_date === null && values.age === null) errors.birth_date = say("error_birth");
      }
    }
    if (Object.keys(errors).length) {
      showErrors(form, errors);
      return;
    }
    Object.keys(values).forEach(function (key) { state.answers[key] = values[key]; });
    var next = nextAfter(name, state.answers, state.back);
    go(next, state.back === "summary" && next !== "summary" ? "summary" : null); // after a change, back to the summary
  }

  // errors: {input name: text}; each shown next to its field, what was typed stays as it was.
  /** @param {HTMLFormElement} form @param {FieldErrors} errors @param {boolean} [focus] move the focus to the first wrong field (default) */
  function showErrors(form, errors, focus) {
    form.querySelectorAll(".pp-sc-error").forEach(function (slot) { slot.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    /** @type {HTMLInputElement[]} */
    var invalid = [];
    Object.keys(errors).forEach(function (key) {
      var slot = byAttribute(form, "data-error-for", key) || form.querySelector(".pp-sc-error");
      if (!slot) return;
      slot.textContent = slot.textContent ? slot.textContent + " " + errors[key] : errors[key];
      var inputs = controls(form, key);
      inputs.forEach(function (node) { node.setAttribute("aria-invalid", "true"); });
      invalid = invalid.concat(inputs);
    });
    var fieldset = form.querySelector(".pp-sc-field");
    if (fieldset) fieldset.classList.toggle("pp-sc-field--error", Object.keys(errors).length > 0);
    if (invalid.length && focus !== false) invalid[0].focus();
  }

  /** @param {string} name @param {Answers} a */
  function answerText(name, a) {
    var field = FIELDS[name];
    var value = a[name];
    if (name === "birth_date") {
      var parts = [];
      if (value) parts.push(value);
      if (a.age !== null && a.age !== undefined && a.age !== "") parts.push(say("age_answer", { age: a.age }));
      return parts.length ? parts.join(lang === "zh" ? "；" : "; ") : say("no_answer");
    }
    if (value === null || value === undefined || value === "") return field.type === "bool" || field.type === "choice" ? say("not_sure") : say("no_answer");
    if (field.type === "bool") return say(value ? "yes" : "no");
    if (field.type === "choice") {
      var option = field.options.filter(function (o) { return o.value === value; })[0];
      return option ? ownText(option.label) : value;
    }
    return field.unit ? value + " " + ownText(field.unit) : value;
  }

  function statusSlot() {
    return '<p class="pp-runtime-status pp-sc-status" role="status"></p>';
  }

  function paintStage() {
    app.querySelectorAll(".pp-sc-status").forEach(function (node) {
      node.textContent = stage === "idle" || stage === "ready" ? "" : say("stage_" + stage);
      node.className = "pp-runtime-status pp-sc-status pp-runtime-status--" + stage;
    });
  }

  /** @param {boolean} focus @param {string} [generalError] */
  function renderSummary(focus, generalError) {
    var a = state.answers;
    var list = relevant(a).filter(function (name) { return visited(name, a); });
    var html = [];
    var previous = previousOf("summary", a);
    if (previous) html.push(backLink(fragment(a, previous), say("back")));
    html.push(heading(say("check_answers")));
    html.push('<p class="pp-sc-lead-text">' + esc(say("check_answers_lead")) + "</p>");
    html.push('<dl class="pp-sc-summary">');
    list.forEach(function (name) {
      var label = ownText(FIELDS[name].label);
      html.push('<div class="pp-sc-row" data-question="' + esc(name) + '"><dt>' + esc(label) + '</dt><dd class="pp-sc-answer">' + esc(answerText(name, a)) +
        '</dd><dd class="pp-sc-change"><a href="' + esc(fragment(a, name, "summary")) + '">' + esc(say("change")) +
        '<span class="pp-visually-hidden">' + esc(lang === "zh" ? "：" + label : ": " + label) + "</span></a></dd></div>");
    });
    html.push("</dl>");
    html.push('<p class="pp-sc-error" data-error-for="_" aria-live="assertive">' + esc(generalError || "") + "</p>");
    html.push('<p><button type="button" class="md-button md-button--primary pp-sc-continue pp-sc-see">' + esc(say("see_result")) + "</button></p>");
    html.push(statusSlot());
    app.innerHTML = html.join("");
    paintStage();
    var see = app.querySelector(".pp-sc-see");
    if (see) see.addEventListener("click", function () { go("result"); });
    if (focus) focusHeading();
  }

  /** @param {Doc} doc @param {string} clause */
  function clauseLink(doc, clause) {
    return base + "documents/" + encodeURIComponent(doc.id) + "/" + encodeURIComponent(clause) + "/";
  }

  /** @typedef {Record<string, any>} Measure one of a self-check calculator's measures */
  /** @typedef {{doc: Doc, when: string, result: any}} Answer a document's result, and how it stands on the day */

  /** @param {Measure} measure */
  function reasons(measure) {
    /** @type {string[]} */
    var items = [];
    [["met", "✓"], ["unknown", "?"], ["unmet", "✗"]].forEach(function (kind) {
      (measure[kind[0]] || []).forEach(function (/** @type {Text} */ reason) {
        items.push('<li class="pp-condition pp-condition--' + kind[0] + '"><span class="pp-mark" aria-hidden="true">' + kind[1] +
          '</span><span class="pp-visually-hidden">' + esc(say(kind[0])) + ": </span>" + esc(ownText(reason)) + "</li>");
      });
    });
    return items.length ? '<ul class="pp-explanation">' + items.join("") + "</ul>" : "";
  }

  /** @param {Measure} m @returns {boolean} paid to (or run by) an employer: the person benefits through one */
  function forEmployer(m) { return m.recipient === "employer"; }

  // What matters first: what it is, how much (with how to read the figure), where and how to
  // apply and whom to call; then why (the conditions), then the rest.
  /** @param {Doc} doc @param {string} when @param {Measure} m */
  function measureHtml(doc, when, m) {
    var clause = own.call(doc.clauses, m.clause) ? doc.clauses[m.clause] : null;
    var title = ownText(m.title) || (clause ? clause.title : m.clause);
    var html = ['<section class="pp-sc-measure pp-sc-measure--' + esc(m.status) + (forEmployer(m) ? " pp-sc-measure--employer" : "") + '" data-measure="' + esc(m.measure) + '">'];
    var label = typeof m.measure === "number" ? esc(say("measure_n", { n: m.measure })) + '<span class="pp-sc-sep">' + (lang === "zh" ? "：" : ": ") + "</span>" : "";
    html.push("<h4>" + label + esc(title) + "</h4>");
    if (forEmployer(m)) html.push('<p class="pp-sc-employer"><strong>' + esc(say("employer_tag")) + "</strong>" + esc(say(m.status === "eligible" ? "employer_note_eligible" : m.status === "possibly" ? "employer_note_possibly" : "employer_note_not_eligible")) + "</p>");
    if (m.amount && ownText(m.amount)) {
      var calc = m.amount.calculator && config.calculators.indexOf(m.amount.calculator) >= 0
        ? ' <a href="' + esc(base + "calculators/" + m.amount.calculator + "/") + '">' + esc(say("see_calculator")) + "</a>"
        : "";
      var kind = typeof m.amount.kind === "string" && own.call(words, "amount_kind_" + m.amount.kind) ? say("amount_kind_" + m.amount.kind) : "";
      // The words may already say how to read the figure ("约 57,310 元"): then no second badge.
      if (kind && ownText(m.amount).toLowerCase().indexOf(kind.toLowerCase()) >= 0) kind = "";
      var tag = kind ? ' <span class="pp-amount-kind pp-amount-kind--' + esc(m.amount.kind) + '">' + esc(kind) + "</span>" : "";
      html.push('<p class="pp-sc-amount"><strong>' + esc(say(forEmployer(m) ? "amount_employer" : "amount")) + "</strong>" + esc(ownText(m.amount)) + tag + calc + "</p>");
    }
    if (m.status !== "not_eligible" && when !== "history") {
      var apply = m.how_to_apply && ownText(m.how_to_apply) ? ownText(m.how_to_apply) : clause ? clause.apply : "";
      if (apply) html.push('<p class="pp-sc-apply"><strong>' + esc(say("how_to_apply")) + "</strong>" + esc(apply) + "</p>");
      var hotline = clause ? clause.hotline : doc.hotline;
      if (apply.indexOf(hotline) < 0) html.push('<p class="pp-sc-hotline"><strong>' + esc(say("hotline")) + "</strong>" + esc(hotline) + "</p>");
    }
    html.push(reasons(m));
    (m.notes || []).forEach(function (/** @type {Text} */ note) { html.push('<p class="pp-note">' + esc(ownText(note)) + "</p>"); });
    html.push('<p class="pp-sc-clause"><a href="' + esc(clauseLink(doc, m.link || m.clause)) + '">' + esc(say("see_clause")) + " →</a></p>");
    html.push("</section>");
    return html.join("");
  }

  /** @param {boolean} focus @returns {HTMLElement} where the result goes */
  function renderResultShell(focus) {
    var html = [backLink(fragment(state.answers, "summary"), say("change_answers")), heading(say("result"))];
    html.push('<div class="pp-sc-output" aria-live="polite" aria-busy="true"><p class="pp-sc-working">' + esc(say("working")) + "</p>" + statusSlot() + "</div>");
    app.innerHTML = html.join("");
    paintStage();
    if (focus) focusHeading();
    return /** @type {HTMLElement} */ (app.querySelector(".pp-sc-output"));
  }

  /** @param {Answer} answer @returns {Measure[]} the measures the person may get (eligible or possibly) themselves */
  function forThePerson(answer) {
    return answer.result.measures.filter(function (/** @type {Measure} */ m) { return m.status !== "not_eligible" && !forEmployer(m); });
  }

  /** @param {Answer} answer @param {boolean} hoisted its first note is already shown above, for the whole page */
  function documentHtml(answer, hoisted) {
    var doc = answer.doc, result = answer.result, when = answer.when;
    var history = when === "in_force" ? "" : when; // "history" or "not_yet"
    var html = ['<section class="pp-sc-doc pp-sc-doc--' + esc(when) + '" data-document="' + esc(doc.id) + '" aria-labelledby="pp-sc-doc-' + esc(doc.id) + '">'];
    html.push('<h3 class="pp-sc-doc-title" id="pp-sc-doc-' + esc(doc.id) + '"><a href="' + esc(new URL(doc.link, location.href).href) + '">' + esc(doc.number) + "</a> " + esc(doc.title) +
      ' <span class="pp-sc-doc-state pp-sc-doc-state--' + esc(when) + '">' + esc(say(when === "in_force" ? "doc_in_force" : when === "history" ? "doc_history" : "doc_not_yet")) + "</span></h3>");
    /** @type {Text[]} */
    var notes = Array.isArray(result.notes) ? result.notes : [];
    if (history && result.in_force_on_date === false && notes.length) {
      if (!hoisted) html.push('<p class="pp-note pp-history">' + esc(ownText(notes[0])) + "</p>");
      notes = notes.slice(1);
    }
    if (history) {
      // The day its figures are of, and the reader's age then, said plainly.
      var age = typeof result.age === "number" ? result.age : ageOn(state.answers, result.date_used);
      var asOf = say(history === "history" ? "as_of_last_day" : "as_of_first_day", { date: dayWords(result.date_used) });
      html.push('<p class="pp-sc-asof">' + esc(age === null ? asOf : asOf + say(history === "history" ? "age_then" : "age_by_then", { age: age })) + "</p>");
    }
    var mine = forThePerson(answer);
    var counts = {
      eligible: mine.filter(function (m) { return m.status === "eligible"; }).length,
      possibly: mine.filter(function (m) { return m.status === "possibly"; }).length,
      date: dayWords(result.date_used),
    };
    html.push('<p class="pp-sc-lead-text">' + esc(say(history ? "result_lead_" + history : "result_lead", counts)) + "</p>");
    if (!history) html.push('<p class="pp-sc-doc-hotline">' + esc(say("doc_hotline", { label: doc.hotline_label, number: doc.hotline })) + "</p>");
    /** @param {string} kind @param {Measure[]} measures @param {string} title */
    function group(kind, measures, title) {
      if (!measures.length) return;
      var heading = esc(say("group_count", { group: title, count: measures.length }));
      var body = measures.map(function (m) { return measureHtml(doc, when, m); }).join("");
      if (kind === "not_eligible") html.push('<details class="pp-sc-group pp-sc-group--' + kind + '"><summary><h3>' + heading + "</h3></summary>" + body + "</details>");
      else html.push('<div class="pp-sc-group pp-sc-group--' + kind + '"><h3>' + heading + "</h3>" + body + "</div>");
    }
    ["eligible", "possibly"].forEach(function (status) {
      group(status, mine.filter(function (m) { return m.status === status; }), say(history ? "group_" + history + "_" + status : "group_" + status));
    });
    group("employer", result.measures.filter(function (/** @type {Measure} */ m) { return m.status !== "not_eligible" && forEmployer(m); }), say("group_employer"));
    group("not_eligible", result.measures.filter(function (/** @type {Measure} */ m) { return m.status === "not_eligible"; }),
      say(history ? "group_" + history + "_not_eligible" : "group_not_eligible"));
    if (result.assumptions && result.assumptions.length) {
      html.push('<h4>' + esc(say("assumptions")) + '</h4><ul class="pp-sc-assumptions">');
      result.assumptions.forEach(function (/** @type {Text} */ item) { html.push("<li>" + esc(ownText(item)) + "</li>"); });
      html.push("</ul>");
    }
    if (notes.length) {
      html.push("<h4>" + esc(say("notes")) + "</h4>");
      notes.forEach(function (note) { html.push('<p class="pp-note">' + esc(ownText(note)) + "</p>"); });
    }
    html.push("</section>");
    return html.join("");
  }

  /** @param {HTMLElement} output @param {Answer[]} answers each document's, in order @param {boolean} restored */
  function renderResult(output, answers, restored) {
    var html = [];
    var day = calcDay(state.answers);
    var inForce = answers.filter(function (x) { return x.when === "in_force"; });
    var helped = inForce.some(function (x) { return forThePerson(x).length > 0; });
    var hoisted = false;
    if (!helped) {
      // Nothing in force on the day for this person: said first. With one document, its own
      // sentence (it has expired, or is not yet in force) says it best.
      var only = answers.length === 1 ? answers[0] : null;
      var notes = only && Array.isArray(only.result.notes) ? only.result.notes : [];
      if (only && only.when !== "in_force" && only.result.in_force_on_date === false && notes.length) {
        html.push('<p class="pp-note pp-history">' + esc(ownText(notes[0])) + "</p>");
        hoisted = true;
      } else {
        html.push('<p class="pp-note pp-history pp-sc-none">' + esc(say(inForce.length ? "none_for_you" : "none_in_force", { date: dayWords(day) })) + "</p>");
      }
    }
    answers.forEach(function (answer) { html.push(documentHtml(answer, hoisted)); });
    var disclaimer = answers.length ? answers[0].result.disclaimer : null;
    if (disclaimer) html.push('<p class="pp-disclaimer"><strong>' + esc(ownText(disclaimer)) + "</strong></p>");
    html.push('<p class="pp-sc-actions"><a class="md-button" href="' + esc(fragment(state.answers, "summary")) + '">' + esc(say("change_answers")) +
      '</a> <a class="md-button" href="' + esc(fragment({}, QUESTIONS[0])) + '">' + esc(say("start_again")) + "</a></p>");
    output.innerHTML = html.join("");
    output.removeAttribute("aria-busy");
    // policypress-modes.js offers to read it aloud (and in elder mode does, unless the page was just opened).
    output.dispatchEvent(new CustomEvent("pp:result", { bubbles: true, detail: { restored: !!restored } }));
  }

  // The calculator's field errors: back to the first question they concern, errors shown there.
  /** @param {Record<string, Text>} errors */
  function showCalculatorErrors(errors) {
    /** @type {Record<string, FieldErrors>} */
    var byStep = Object.create(null);
    Object.keys(errors).forEach(function (key) {
      var name = key.split("[")[0].split(".")[0];
      var step = own.call(ASKED_WITH, name) ? ASKED_WITH[name] : name;
      if (QUESTIONS.indexOf(step) < 0 || !asked(step, state.answers)) step = "_";
      byStep[step] = byStep[step] || Object.create(null);
      byStep[step][name] = ownText(errors[key]);
    });
    var first = relevant(state.answers).filter(function (name) { return byStep[name]; })[0];
    if (first) {
      pendingErrors = byStep[first];
      go(first, "summary");
    } else {
      var all = Object.keys(byStep).map(function (step) { return Object.keys(byStep[step]).map(function (k) { return byStep[step][k]; }).join(" "); });
      state.step = "summary";
      history.replaceState(history.state, "", fragment(state.answers, "summary"));
      renderSummary(true, all.join(" "));
    }
  }

  // The runtime cannot start or run: say so where the result would be, with where to look instead.
  /** @param {HTMLElement} output */
  function showFailure(output) {
    var groups = '<a href="' + esc(base + "groups/") + '">' + esc(say("groups")) + "</a>";
    output.innerHTML = '<p class="pp-failure">' + esc(say("failed")).split("{groups}").join(groups) + "</p>";
    output.removeAttribute("aria-busy");
    document.querySelectorAll(".pp-runtime-failed").forEach(function (node) { /** @type {HTMLElement} */ (node).hidden = true; }); // said here instead
  }

  var runs = 0;

  /** @param {boolean} focus */
  function runCalculator(focus) {
    var output = renderResultShell(focus);
    var run = (runs += 1);
    var runtime = window.policypress;
    if (!runtime || typeof runtime.calc !== "function") {
      showFailure(output);
      return;
    }
    var calc = runtime.calc;
    var a = state.answers;
    var docs = ordered(a);
    // One after another: the runtime runs one calculation at a time anyway.
    /** @type {Answer[]} */
    var answers = [];
    docs.reduce(function (/** @type {Promise<any>} */ chain, doc) {
      return chain.then(function () {
        return calc(doc.calculator, inputsOf(a, doc), doc.id).then(function (result) { answers.push({ doc: doc, when: whenOf(doc, a), result: result }); });
      });
    }, Promise.resolve()).then(function () {
      if (run !== runs || state.step !== "result") return; // the reader has moved on
      /** @type {Record<string, Text>} */
      var errors = {};
      answers.forEach(function (x) { if (x.result.errors) Object.keys(x.result.errors).forEach(function (k) { if (!own.call(errors, k)) errors[k] = x.result.errors[k]; }); });
      if (Object.keys(errors).length) showCalculatorErrors(errors);
      else renderResult(output, answers, !focus);
    }).catch(function () {
      if (run === runs) showFailure(output);
    });
  }

  /** @param {boolean} focus */
  function render(focus) {
    var step = state.step;
    if (step === "summary") renderSummary(focus);
    else if (step === "result") runCalculator(focus);
    else if (step !== null) renderQuestion(step, focus);
  }

  // Read the fragment and show its step; a step that no longer matters gives the next that does.
  /** @param {boolean} focus */
  function restore(focus) {
    var saved = readFragment();
    if (!saved) {
      if (state.step && location.hash) return; // an anchor of the page (e.g. "skip to content"): keep the current step
      saved = { answers: {}, step: null, back: null };
    }
    state.answers = saved.answers;
    state.back = saved.back;
    var step = saved.step;
    if (step === null || (step !== "summary" && step !== "result" && (QUESTIONS.indexOf(step) < 0 || !asked(step, state.answers)))) step = firstUnanswered(state.answers);
    if ((step === "summary" || step === "result") && firstUnanswered(state.answers) !== "summary") step = firstUnanswered(state.answers);
    state.step = step;
    render(focus);
  }

  window.addEventListener("hashchange", function () { restore(true); });

  if (window.policypress && typeof window.policypress.onStage === "function") {
    window.policypress.onStage(function (/** @type {string} */ current) {
      stage = current;
      paintStage();
    });
  }

  restore(false);
})();
