// policypress: the resident's self-check, one question at a time (GOV.UK "smart answer" style).
// The questions are the inputs the `eligibility` calculator declares (the page embeds the
// declaration and its own words as JSON); this script only decides which to ask, checks each
// answer's form, and at the end runs the calculator through window.policypress.calc (from
// policypress-calc.js). Answers live in the URL fragment (#answers=<json>&step=<name>), which
// browsers never send to a server, so a reload or the browser's Back button restores the step.
(function () {
  "use strict";

  /**
   * @typedef {{zh: string, en: string}} Text
   * @typedef {{value: string, label: Text}} Option
   * @typedef {{name: string, type: string, label: Text, help?: Text | null, unit?: Text | null, required?: boolean,
   *   default?: any, options: Option[], minimum: number | null, maximum: number | null}} Field
   * @typedef {Record<string, any>} Answers by input name; null: asked, and left "not sure" or empty
   * @typedef {Record<string, string>} FieldErrors by input name, in the page's language
   * @typedef {(a: Answers) => boolean} Condition
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
  var baseMeta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="policypress-base"]'));
  var base = new URL(baseMeta ? baseMeta.content : "./", document.baseURI).href;
  var own = Object.prototype.hasOwnProperty;
  var MAX_FRAGMENT = 20000; // characters of answers read from the address, at most

  /** @type {Record<string, Field>} the calculator's inputs by name; look names up with isField() */
  var FIELDS = Object.create(null);
  config.declaration.inputs.forEach(function (/** @type {Field} */ field) { FIELDS[field.name] = field; });

  /** @param {string} name @returns {boolean} whether the calculator has an input called `name` */
  function isField(name) {
    return own.call(FIELDS, name);
  }
  var ASKABLE = ["bool", "choice", "int", "money", "date", "text"]; // rows and multi are for the full calculator page

  // --- which questions are asked, and when ---------------------------------------------------
  // One entry per input of the calculator: the condition under which its question is asked,
  // given the answers so far (`a`). An input not listed here is always asked; `never` ones are
  // left to the calculator's default. The calculator decides everything else.

  function always() { return true; }
  function never() { return false; }
  /** @type {Condition} */
  function poor(a) { return a.registered_poor === true; } // all measures but 7 are for registered poor people
  /** @type {Condition} */
  function workingAge(a) { var age = ageOf(a); return age === null || (age >= config.working_age[0] && age < config.working_age[1]); }
  /** @type {Condition} */
  function pastWorkingAge(a) { var age = ageOf(a); return age !== null && age >= config.working_age[1]; }
  /** @type {Condition} */
  function mayWork(a) { return poor(a) && workingAge(a) && a.able_to_work !== "no"; }

  /** @type {Record<string, Condition>} */
  var ASKED_WHEN = {
    registered_poor: always,
    birth_date: always, // the calculator needs an age; `age` is the alternative on the same step
    age: never, // asked with birth_date (see ASKED_WITH)
    sex: poor,
    able_to_work: function (/** @type {Answers} */ a) { return poor(a) && workingAge(a); },
    has_disability_certificate: poor,
    disability_grade: function (/** @type {Answers} */ a) { return poor(a) && a.has_disability_certificate === true; },
    hard_to_place: mayWork,
    employment_wish: mayWork,
    wants_training: mayWork,
    business_registered_on: function (/** @type {Answers} */ a) { return mayWork(a) && a.employment_wish === "self_employed"; },
    college_graduate: always, // measure 7 is open to everyone, poor or not
    technical_school: function (/** @type {Answers} */ a) { return poor(a) && !pastWorkingAge(a); },
    insured_pension: poor,
    insured_medical: poor,
    relocated: poor,
    critical_illness_costs: function (/** @type {Answers} */ a) { return poor(a) && a.insured_medical !== false; },
    county: function (/** @type {Answers} */ a) { return mayWork(a) && (a.hard_to_place !== false || a.employment_wish === "self_employed"); },
    date: never, // today's rules (the notice's last day once it has expired); staff pick a day on the calculator page
  };
  /** @type {Record<string, string>} */
  var ASKED_WITH = { age: "birth_date" }; // shown on the step of another question

  /** @type {string[]} */
  var QUESTIONS = config.declaration.inputs
    .filter(function (/** @type {Field} */ f) { return ASKABLE.indexOf(f.type) >= 0 && !own.call(ASKED_WITH, f.name); })
    .map(function (/** @type {Field} */ f) { return f.name; });

  /** @param {string} name @param {Answers} a */
  function asked(name, a) {
    return (own.call(ASKED_WHEN, name) ? ASKED_WHEN[name] : always)(a);
  }

  /** @param {Answers} a @returns {string[]} the questions that matter, given the answers so far */
  function relevant(a) {
    return QUESTIONS.filter(function (name) { return asked(name, a); });
  }

  // --- dates and ages --------------------------------------------------------------------------

  /** @param {number} n */
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** @param {Date} date */
  function isoDay(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }

  // "1963-3-1", "1963/03/01", "1963.3.1", "1963年3月1日" → "1963-03-01"; null if it is no real date.
  /** @param {string} text @returns {string | null} */
  function normaliseDate(text) {
    var m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
    return y + "-" + pad(mo) + "-" + pad(d);
  }

  // The day whose rules the calculator uses when none is given: today, kept within the notice.
  /** @param {Answers} a @returns {string} */
  function ruleDay(a) {
    var given = typeof a.date === "string" ? normaliseDate(a.date) : null;
    if (given) return given;
    var day = isoDay(new Date());
    if (day < config.notice.effective) day = config.notice.effective;
    if (config.notice.expires && day > config.notice.expires) day = config.notice.expires;
    return day;
  }

  /** @param {Answers} a @returns {number | null} */
  function ageOf(a) {
    var birth = typeof a.birth_date === "string" ? normaliseDate(a.birth_date) : null;
    if (birth) {
      var day = ruleDay(a);
      var years = +day.slice(0, 4) - +birth.slice(0, 4);
      return day.slice(5) < birth.slice(5) ? years - 1 : years;
    }
    if (a.age !== undefined && a.age !== null && /^\d+$/.test(String(a.age).trim())) return parseInt(a.age, 10);
    return null;
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

  // The answers the calculator gets: those of questions that still matter, "not sure" left out.
  /** @param {Answers} a */
  function inputsOf(a) {
    /** @type {Answers} */
    var inputs = {};
    relevant(a).forEach(function (name) {
      withAlternatives(name).forEach(function (key) {
        if (a[key] !== null && a[key] !== undefined && a[key] !== "") inputs[key] = a[key];
      });
    });
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
    if (field.name === "county" && config.areas.length) extra += ' list="pp-sc-areas"';
    var described = (describedBy ? describedBy + " " : "") + "pp-sc-error-" + field.name;
    var html = '<div class="pp-sc-input-row"><input type="text" class="pp-sc-input pp-sc-input--' + esc(field.type) + '" id="pp-sc-input-' + esc(field.name) +
      '" name="' + esc(field.name) + '" value="' + esc(value === null || value === undefined ? "" : value) + '"' + kind + extra +
      (labelledBy ? ' aria-labelledby="' + labelledBy + '"' : "") + ' aria-describedby="' + described + '" spellcheck="false">';
    if (field.unit) html += '<span class="pp-unit">' + esc(ownText(field.unit)) + "</span>";
    html += "</div>";
    if (field.name === "county" && config.areas.length) {
      html += '<datalist id="pp-sc-areas">' + config.areas.map(function (/** @type {string} */ area) { return '<option value="' + esc(area) + '">'; }).join("") + "</datalist>";
    }
    return html;
  }

  /** @param {string} name a question (one of QUESTIONS) @param {boolean} focus */
  function renderQuestion(name, focus) {
    var field = FIELDS[name];
    var a = state.answers;
    var number = relevant(a).indexOf(name) + 1;
    var previous = state.back === "summary" ? "summary" : previousOf(name, a);
    var html = [];
    if (previous) html.push(backLink(fragment(a, previous), say("back")));
    // method="dialog": a submission never goes anywhere, even if the handler below were missing.
    html.push('<form class="pp-sc-form" method="dialog" novalidate autocomplete="off"><fieldset class="pp-sc-field" aria-describedby="' + (field.help ? "pp-sc-help-" + esc(name) + " " : "") + "pp-sc-error-" + esc(name) + '">');
    html.push('<legend class="pp-sc-legend"><span class="pp-sc-progress">' + esc(say("question_n", { n: number })) + "</span>" + heading(ownText(field.label)) + "</legend>");
    if (field.help) html.push('<p class="pp-help pp-sc-help" id="pp-sc-help-' + esc(name) + '">' + esc(ownText(field.help)) + "</p>");
    var value = visited(name, a) ? a[name] : field.default;
    if (field.type === "bool" || field.type === "choice") {
      html.push(errorSlot(name) + '<div class="pp-sc-radios">');
      var options = field.type === "bool"
        ? [{ value: "true", label: say("yes") }, { value: "false", label: say("no") }]
        : field.options.map(function (/** @type {Option} */ o) { return { value: o.value, label: ownText(o.label) }; });
      options.forEach(function (o) { html.push(radio(name, o.value, o.label, value !== null && value !== undefined && String(value) === o.value)); });
      if (!field.required) html.push(radio(name, "", say("not_sure"), visited(name, a) && value === null));
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

  // Check an answer's form before moving on; the calculator checks the rest at the end.
  /** @param {Field} field @param {string} raw @returns {{value?: string | null, error?: string}} */
  function checkValue(field, raw) {
    var label = ownText(field.label);
    if (raw === "") return { value: null };
    if (field.type === "date") {
      var day = normaliseDate(raw);
      return day ? { value: day } : { error: say("error_date", { label: label }) };
    }
    if (field.type === "int" || field.type === "money") {
      var cleaned = raw.replace(/[,，\s]/g, "");
      var pattern = field.type === "int" ? /^\d+$/ : /^\d+(\.\d{1,2})?$/;
      if (!pattern.test(cleaned)) return { error: say(field.type === "int" ? "error_int" : "error_money", { label: label }) };
      var number = parseFloat(cleaned);
      if (field.minimum !== null && number < field.minimum) return { error: say("error_min", { label: label, limit: field.minimum }) };
      if (field.maximum !== null && number > field.maximum) return { error: say("error_max", { label: label, limit: field.maximum }) };
      return { value: cleaned };
    }
    return { value: raw };
  }

  /** @param {HTMLFormElement} form @param {string} name */
  function submitQuestion(form, name) {
    var field = FIELDS[name];
    /** @type {FieldErrors} */
    var errors = {};
    /** @type {Answers} */
    var values = {};
    if (field.type === "bool" || field.type === "choice") {
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
        // The calculator needs one of the date of birth and the age.
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
  /** @param {HTMLFormElement} form @param {FieldErrors} errors */
  function showErrors(form, errors) {
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
    if (fieldset) fieldset.classList.add("pp-sc-field--error");
    if (invalid.length) invalid[0].focus();
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

  /** @param {string} clause */
  function clauseLink(clause) {
    return base + "documents/" + encodeURIComponent(config.document) + "/" + encodeURIComponent(clause) + "/";
  }

  /** @typedef {Record<string, any>} Measure one of the eligibility calculator's measures */

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

  /** @param {Measure} m */
  function measureHtml(m) {
    var html = ['<section class="pp-sc-measure pp-sc-measure--' + esc(m.status) + '" data-measure="' + esc(m.measure) + '">'];
    html.push("<h4>" + esc(say("measure_n", { n: m.measure })) + '<span class="pp-sc-sep">' + (lang === "zh" ? "：" : ": ") + "</span>" + esc(ownText(m.title)) + "</h4>");
    html.push(reasons(m));
    if (m.amount && ownText(m.amount)) {
      var calc = m.amount.calculator && config.calculators.indexOf(m.amount.calculator) >= 0
        ? ' <a href="' + esc(base + "calculators/" + m.amount.calculator + "/") + '">' + esc(say("see_calculator")) + "</a>"
        : "";
      var kind = typeof m.amount.kind === "string" && own.call(words, "amount_kind_" + m.amount.kind) ? say("amount_kind_" + m.amount.kind) : "";
      var tag = kind ? ' <span class="pp-amount-kind pp-amount-kind--' + esc(m.amount.kind) + '">' + esc(kind) + "</span>" : "";
      html.push('<p class="pp-sc-amount"><strong>' + esc(say("amount")) + "</strong>" + esc(ownText(m.amount)) + tag + calc + "</p>");
    }
    (m.notes || []).forEach(function (/** @type {Text} */ note) { html.push('<p class="pp-note">' + esc(ownText(note)) + "</p>"); });
    if (m.status !== "not_eligible" && m.how_to_apply) html.push('<p class="pp-sc-apply"><strong>' + esc(say("how_to_apply")) + "</strong>" + esc(ownText(m.how_to_apply)) + "</p>");
    html.push('<p class="pp-sc-clause"><a href="' + esc(clauseLink(m.link || m.clause)) + '">' + esc(say("see_clause")) + " →</a></p>");
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

  /** @param {HTMLElement} output @param {any} result the eligibility calculator's @param {boolean} restored */
  function renderResult(output, result, restored) {
    var html = [];
    // A day outside the notice (it has expired, or is not yet in force): its first note says so,
    // above everything else, and the rest is worded as history (or as what it will give).
    var when = result.in_force_on_date !== false ? "" : result.date_reason && result.date_reason.code === "notice_not_yet_in_force" ? "not_yet" : "history";
    /** @type {Text[]} */
    var notes = Array.isArray(result.notes) ? result.notes : [];
    if (when && notes.length) {
      html.push('<p class="pp-note pp-history">' + esc(ownText(notes[0])) + "</p>");
      notes = notes.slice(1);
    }
    var counts = { eligible: result.counts.eligible, possibly: result.counts.possibly, date: dayWords(result.date_used) };
    html.push('<p class="pp-sc-lead-text">' + esc(say(when ? "result_lead_" + when : "result_lead", counts)) + "</p>");
    ["eligible", "possibly", "not_eligible"].forEach(function (status) {
      var measures = result.measures.filter(function (/** @type {Measure} */ m) { return m.status === status; });
      if (!measures.length) return;
      var title = esc(say("group_count", { group: say(when ? "group_" + when + "_" + status : "group_" + status), count: measures.length }));
      var body = measures.map(measureHtml).join("");
      if (status === "not_eligible") {
        html.push('<details class="pp-sc-group pp-sc-group--' + status + '"><summary><h3>' + title + "</h3></summary>" + body + "</details>");
      } else {
        html.push('<div class="pp-sc-group pp-sc-group--' + status + '"><h3>' + title + "</h3>" + body + "</div>");
      }
    });
    if (result.assumptions && result.assumptions.length) {
      html.push('<h3>' + esc(say("assumptions")) + '</h3><ul class="pp-sc-assumptions">');
      result.assumptions.forEach(function (/** @type {Text} */ item) { html.push("<li>" + esc(ownText(item)) + "</li>"); });
      html.push("</ul>");
    }
    if (notes.length) {
      html.push("<h3>" + esc(say("notes")) + "</h3>");
      notes.forEach(function (note) { html.push('<p class="pp-note">' + esc(ownText(note)) + "</p>"); });
    }
    html.push('<p class="pp-disclaimer"><strong>' + esc(ownText(result.disclaimer)) + "</strong></p>");
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
    runtime.calc(config.calculator, inputsOf(state.answers)).then(function (result) {
      if (run !== runs || state.step !== "result") return; // the reader has moved on
      if (result.errors) showCalculatorErrors(result.errors);
      else renderResult(output, result, !focus);
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
