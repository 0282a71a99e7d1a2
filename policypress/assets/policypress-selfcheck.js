// policypress: the resident's self-check, one question at a time (GOV.UK "smart answer" style).
// The questions are the inputs the `eligibility` calculator declares (the page embeds the
// declaration and its own words as JSON); this script only decides which to ask, checks each
// answer's form, and at the end runs the calculator through window.policypress.calc (from
// policypress-calc.js). Answers live in the URL fragment (#answers=<json>&step=<name>), which
// browsers never send to a server, so a reload or the browser's Back button restores the step.
(function () {
  "use strict";

  var app = document.querySelector(".pp-sc-app");
  var configNode = document.querySelector(".pp-sc-config");
  if (!app || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var words = config.strings;
  var lang = config.lang;
  var baseMeta = document.querySelector('meta[name="policypress-base"]');
  var base = new URL(baseMeta ? baseMeta.content : "./", document.baseURI).href;

  var FIELDS = {};
  config.declaration.inputs.forEach(function (field) { FIELDS[field.name] = field; });
  var ASKABLE = ["bool", "choice", "int", "money", "date", "text"]; // rows and multi are for the full calculator page

  // --- which questions are asked, and when ---------------------------------------------------
  // One entry per input of the calculator: the condition under which its question is asked,
  // given the answers so far (`a`). An input not listed here is always asked; `never` ones are
  // left to the calculator's default. The calculator decides everything else.

  function always() { return true; }
  function never() { return false; }
  function poor(a) { return a.registered_poor === true; } // all measures but 7 are for registered poor people
  function workingAge(a) { var age = ageOf(a); return age === null || (age >= config.working_age[0] && age < config.working_age[1]); }
  function pastWorkingAge(a) { var age = ageOf(a); return age !== null && age >= config.working_age[1]; }
  function mayWork(a) { return poor(a) && workingAge(a) && a.able_to_work !== "no"; }

  var ASKED_WHEN = {
    registered_poor: always,
    birth_date: always, // the calculator needs an age; `age` is the alternative on the same step
    age: never, // asked with birth_date (see ASKED_WITH)
    sex: poor,
    able_to_work: function (a) { return poor(a) && workingAge(a); },
    has_disability_certificate: poor,
    disability_grade: function (a) { return poor(a) && a.has_disability_certificate === true; },
    hard_to_place: mayWork,
    employment_wish: mayWork,
    wants_training: mayWork,
    business_registered_on: function (a) { return mayWork(a) && a.employment_wish === "self_employed"; },
    college_graduate: always, // measure 7 is open to everyone, poor or not
    technical_school: function (a) { return poor(a) && !pastWorkingAge(a); },
    insured_pension: poor,
    insured_medical: poor,
    relocated: poor,
    critical_illness_costs: function (a) { return poor(a) && a.insured_medical !== false; },
    county: function (a) { return mayWork(a) && (a.hard_to_place !== false || a.employment_wish === "self_employed"); },
    date: never, // today's rules (the notice's last day once it has expired); staff pick a day on the calculator page
  };
  var ASKED_WITH = { age: "birth_date" }; // shown on the step of another question

  var QUESTIONS = config.declaration.inputs
    .filter(function (f) { return ASKABLE.indexOf(f.type) >= 0 && !ASKED_WITH[f.name]; })
    .map(function (f) { return f.name; });

  function asked(name, a) {
    return (ASKED_WHEN[name] || always)(a);
  }

  function relevant(a) {
    return QUESTIONS.filter(function (name) { return asked(name, a); });
  }

  // --- dates and ages --------------------------------------------------------------------------

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function isoDay(date) { return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()); }

  // "1963-3-1", "1963/03/01", "1963.3.1", "1963年3月1日" → "1963-03-01"; null if it is no real date.
  function normaliseDate(text) {
    var m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
    return y + "-" + pad(mo) + "-" + pad(d);
  }

  // The day whose rules the calculator uses when none is given: today, kept within the notice.
  function ruleDay(a) {
    if (a.date && normaliseDate(a.date)) return normaliseDate(a.date);
    var day = isoDay(new Date());
    if (day < config.notice.effective) day = config.notice.effective;
    if (config.notice.expires && day > config.notice.expires) day = config.notice.expires;
    return day;
  }

  function ageOf(a) {
    var birth = a.birth_date ? normaliseDate(a.birth_date) : null;
    if (birth) {
      var day = ruleDay(a);
      var years = +day.slice(0, 4) - +birth.slice(0, 4);
      return day.slice(5) < birth.slice(5) ? years - 1 : years;
    }
    if (a.age !== undefined && a.age !== null && /^\d+$/.test(String(a.age).trim())) return parseInt(a.age, 10);
    return null;
  }

  // --- words -----------------------------------------------------------------------------------

  function say(key, values) {
    var text = words[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  function own(value) { return value ? value[lang] : ""; } // a {zh, en} value in the page's language

  function esc(text) {
    return String(text === undefined || text === null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // --- state in the URL fragment ---------------------------------------------------------------
  // answers: {name: value}; a name present with null was asked and left "not sure" or empty.

  var state = { answers: {}, step: null, back: null };
  var pendingErrors = null; // the calculator's field errors, shown on the step they belong to
  var stage = "idle";

  function fragment(answers, step, back) {
    return "#answers=" + encodeURIComponent(JSON.stringify(answers)) + "&step=" + encodeURIComponent(step) + (back ? "&back=" + back : "");
  }

  function readFragment() {
    var hash = location.hash;
    var match = /^#answers=([^&]*)(?:&step=([^&]*))?(?:&back=([^&]*))?/.exec(hash);
    if (!match) return null;
    var answers = {};
    try {
      var raw = JSON.parse(decodeURIComponent(match[1]));
      Object.keys(raw || {}).forEach(function (name) {
        var value = raw[name];
        if (FIELDS[name] && (value === null || typeof value === "boolean" || typeof value === "string")) answers[name] = value;
      });
    } catch (error) {
      answers = {};
    }
    var step = match[2] ? decodeURIComponent(match[2]) : null;
    return { answers: answers, step: step, back: match[3] === "summary" ? "summary" : null };
  }

  function go(step, back) {
    var target = fragment(state.answers, step, back);
    if (location.hash === target) restore(true);
    else location.hash = target; // a history entry: the browser's Back button goes back a step
  }

  // --- moving between questions ----------------------------------------------------------------

  function visited(name, a) { return Object.prototype.hasOwnProperty.call(a, name); }

  function firstUnanswered(a) {
    var list = relevant(a);
    for (var i = 0; i < list.length; i += 1) if (!visited(list[i], a)) return list[i];
    return "summary";
  }

  function nextAfter(name, a, back) {
    if (back === "summary") return firstUnanswered(a); // after a change: only what now needs asking
    var list = relevant(a);
    var index = list.indexOf(name);
    return index >= 0 && index + 1 < list.length ? list[index + 1] : firstUnanswered(a);
  }

  function previousOf(name, a) {
    var list = relevant(a);
    var index = name === "summary" ? list.length : list.indexOf(name);
    return index > 0 ? list[index - 1] : null;
  }

  // The answers the calculator gets: those of questions that still matter, "not sure" left out.
  function inputsOf(a) {
    var inputs = {};
    relevant(a).forEach(function (name) {
      [name].concat(Object.keys(ASKED_WITH).filter(function (k) { return ASKED_WITH[k] === name; })).forEach(function (key) {
        if (a[key] !== null && a[key] !== undefined && a[key] !== "") inputs[key] = a[key];
      });
    });
    return inputs;
  }

  // --- rendering -------------------------------------------------------------------------------

  function backLink(href, label) {
    return '<p class="pp-sc-back"><a href="' + esc(href) + '">' + esc(label) + "</a></p>";
  }

  function heading(text) {
    return '<h2 class="pp-sc-question" id="pp-sc-question" tabindex="-1">' + esc(text) + "</h2>";
  }

  function errorSlot(name) {
    return '<p class="pp-sc-error" id="pp-sc-error-' + esc(name) + '" data-error-for="' + esc(name) + '" aria-live="assertive"></p>';
  }

  function radio(name, value, label, checked) {
    return '<label class="pp-sc-radio"><input type="radio" name="' + esc(name) + '" value="' + esc(value) + '"' +
      (checked ? " checked" : "") + "><span>" + esc(label) + "</span></label>";
  }

  function textInput(field, value, labelledBy, describedBy) {
    var kind = field.type === "int" ? ' inputmode="numeric"' : field.type === "money" ? ' inputmode="decimal"' : "";
    var extra = field.name === "birth_date" ? ' autocomplete="bday"' : ' autocomplete="off"';
    if (field.name === "county" && config.areas.length) extra += ' list="pp-sc-areas"';
    var described = (describedBy ? describedBy + " " : "") + "pp-sc-error-" + field.name;
    var html = '<div class="pp-sc-input-row"><input type="text" class="pp-sc-input pp-sc-input--' + esc(field.type) + '" id="pp-sc-input-' + esc(field.name) +
      '" name="' + esc(field.name) + '" value="' + esc(value === null || value === undefined ? "" : value) + '"' + kind + extra +
      (labelledBy ? ' aria-labelledby="' + labelledBy + '"' : "") + ' aria-describedby="' + described + '" spellcheck="false">';
    if (field.unit) html += '<span class="pp-unit">' + esc(own(field.unit)) + "</span>";
    html += "</div>";
    if (field.name === "county" && config.areas.length) {
      html += '<datalist id="pp-sc-areas">' + config.areas.map(function (area) { return '<option value="' + esc(area) + '">'; }).join("") + "</datalist>";
    }
    return html;
  }

  function renderQuestion(name, focus) {
    var field = FIELDS[name];
    var a = state.answers;
    var number = relevant(a).indexOf(name) + 1;
    var previous = state.back === "summary" ? "summary" : previousOf(name, a);
    var html = [];
    if (previous) html.push(backLink(fragment(a, previous), say("back")));
    html.push('<form class="pp-sc-form" novalidate autocomplete="off"><fieldset class="pp-sc-field" aria-describedby="' + (field.help ? "pp-sc-help-" + esc(name) + " " : "") + "pp-sc-error-" + esc(name) + '">');
    html.push('<legend class="pp-sc-legend"><span class="pp-sc-progress">' + esc(say("question_n", { n: number })) + "</span>" + heading(own(field.label)) + "</legend>");
    if (field.help) html.push('<p class="pp-help pp-sc-help" id="pp-sc-help-' + esc(name) + '">' + esc(own(field.help)) + "</p>");
    var value = visited(name, a) ? a[name] : field.default;
    if (field.type === "bool" || field.type === "choice") {
      html.push(errorSlot(name) + '<div class="pp-sc-radios">');
      var options = field.type === "bool"
        ? [{ value: "true", label: say("yes") }, { value: "false", label: say("no") }]
        : field.options.map(function (o) { return { value: o.value, label: own(o.label) }; });
      options.forEach(function (o) { html.push(radio(name, o.value, o.label, value !== null && value !== undefined && String(value) === o.value)); });
      if (!field.required) html.push(radio(name, "", say("not_sure"), visited(name, a) && value === null));
      html.push("</div>");
    } else {
      var example = /\d{4}-\d{2}-\d{2}/.test(own(field.help)); // the help may already show how to write it
      if (field.type === "date" && !example) html.push('<p class="pp-sc-hint" id="pp-sc-hint-' + esc(name) + '">' + esc(say("date_format")) + "</p>");
      if (!field.required && name !== "birth_date" && own(field.help).indexOf(say("optional_said")) < 0) html.push('<p class="pp-sc-hint">' + esc(say("optional")) + "</p>");
      var describedBy = (field.help ? "pp-sc-help-" + name + " " : "") + (field.type === "date" && !example ? "pp-sc-hint-" + name : "");
      html.push(errorSlot(name) + textInput(field, value, "pp-sc-question", describedBy.trim()));
      Object.keys(ASKED_WITH).forEach(function (other) {
        if (ASKED_WITH[other] !== name || !FIELDS[other]) return;
        var alt = FIELDS[other];
        html.push('<div class="pp-sc-alternative"><label for="pp-sc-input-' + esc(other) + '">' + esc(say("or_age")) + "</label>");
        html.push(errorSlot(other) + textInput(alt, a[other], null, null) + "</div>");
      });
    }
    html.push("</fieldset>");
    html.push('<button type="submit" class="md-button md-button--primary pp-sc-continue">' + esc(say("continue")) + "</button></form>");
    app.innerHTML = html.join("");

    var form = app.querySelector("form");
    form.addEventListener("submit", function (event) { event.preventDefault(); submitQuestion(form, name); });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.type === "radio") { event.preventDefault(); submitQuestion(form, name); }
    });
    if (pendingErrors) {
      showErrors(form, pendingErrors);
      pendingErrors = null;
    } else if (focus) {
      app.querySelector("#pp-sc-question").focus();
    }
  }

  // Check an answer's form before moving on; the calculator checks the rest at the end.
  function checkValue(field, raw) {
    var label = own(field.label);
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

  function submitQuestion(form, name) {
    var field = FIELDS[name];
    var errors = {};
    var values = {};
    if (field.type === "bool" || field.type === "choice") {
      var checked = form.querySelector('input[name="' + name + '"]:checked');
      if (!checked && field.required) errors[name] = say("error_choose");
      else values[name] = !checked || checked.value === "" ? null : field.type === "bool" ? checked.value === "true" : checked.value;
    } else {
      [name].concat(Object.keys(ASKED_WITH).filter(function (k) { return ASKED_WITH[k] === name; })).forEach(function (key) {
        var input = form.querySelector('[name="' + key + '"]');
        var result = checkValue(FIELDS[key], input ? input.value.trim() : "");
        if (result.error) errors[key] = result.error;
        else values[key] = result.value;
      });
      if (!Object.keys(errors).length) {
        if (field.required && values[name] === null) errors[name] = say("error_required", { label: own(field.label) });
        // The calculator needs one of the date of birth and the age.
        if (name === "birth_date" && values.birth_date === null && values.age === null) errors.birth_date = say("error_birth");
      }
    }
    if (Object.keys(errors).length) {
      showErrors(form, Object.keys(errors).reduce(function (all, key) { all[key] = errors[key]; return all; }, {}));
      return;
    }
    Object.keys(values).forEach(function (key) { state.answers[key] = values[key]; });
    var next = nextAfter(name, state.answers, state.back);
    go(next, state.back === "summary" && next !== "summary" ? "summary" : null); // after a change, back to the summary
  }

  // errors: {input name: text}; each shown next to its field, what was typed stays as it was.
  function showErrors(form, errors) {
    form.querySelectorAll(".pp-sc-error").forEach(function (slot) { slot.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    var first = null;
    Object.keys(errors).forEach(function (key) {
      var slot = form.querySelector('[data-error-for="' + key + '"]') || form.querySelector(".pp-sc-error");
      if (!slot) return;
      slot.textContent = slot.textContent ? slot.textContent + " " + errors[key] : errors[key];
      var input = form.querySelector('[name="' + key + '"]');
      if (input) {
        form.querySelectorAll('[name="' + key + '"]').forEach(function (node) { node.setAttribute("aria-invalid", "true"); });
        first = first || input;
      }
    });
    form.querySelector(".pp-sc-field").classList.add("pp-sc-field--error");
    if (first) first.focus();
  }

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
      return option ? own(option.label) : value;
    }
    return field.unit ? value + " " + own(field.unit) : value;
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
      var label = own(FIELDS[name].label);
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
    app.querySelector(".pp-sc-see").addEventListener("click", function () { go("result"); });
    if (focus) app.querySelector("#pp-sc-question").focus();
  }

  function clauseLink(clause) {
    return base + "documents/" + config.document + "/" + clause + "/";
  }

  function reasons(measure) {
    var items = [];
    [["met", "✓"], ["unknown", "?"], ["unmet", "✗"]].forEach(function (kind) {
      (measure[kind[0]] || []).forEach(function (reason) {
        items.push('<li class="pp-condition pp-condition--' + kind[0] + '"><span class="pp-mark" aria-hidden="true">' + kind[1] +
          '</span><span class="pp-visually-hidden">' + esc(say(kind[0])) + ": </span>" + esc(own(reason)) + "</li>");
      });
    });
    return items.length ? '<ul class="pp-explanation">' + items.join("") + "</ul>" : "";
  }

  function measureHtml(m) {
    var html = ['<section class="pp-sc-measure pp-sc-measure--' + esc(m.status) + '" data-measure="' + esc(m.measure) + '">'];
    html.push("<h4>" + esc(say("measure_n", { n: m.measure })) + '<span class="pp-sc-sep">' + (lang === "zh" ? "：" : ": ") + "</span>" + esc(own(m.title)) + "</h4>");
    html.push(reasons(m));
    if (m.amount && own(m.amount)) {
      var calc = m.amount.calculator && config.calculators.indexOf(m.amount.calculator) >= 0
        ? ' <a href="' + esc(base + "calculators/" + m.amount.calculator + "/") + '">' + esc(say("see_calculator")) + "</a>"
        : "";
      html.push('<p class="pp-sc-amount"><strong>' + esc(say("amount")) + "</strong>" + esc(own(m.amount)) + calc + "</p>");
    }
    (m.notes || []).forEach(function (note) { html.push('<p class="pp-note">' + esc(own(note)) + "</p>"); });
    if (m.status !== "not_eligible" && m.how_to_apply) html.push('<p class="pp-sc-apply"><strong>' + esc(say("how_to_apply")) + "</strong>" + esc(own(m.how_to_apply)) + "</p>");
    html.push('<p class="pp-sc-clause"><a href="' + esc(clauseLink(m.link || m.clause)) + '">' + esc(say("see_clause")) + " →</a></p>");
    html.push("</section>");
    return html.join("");
  }

  function renderResultShell(focus) {
    var html = [backLink(fragment(state.answers, "summary"), say("change_answers")), heading(say("result"))];
    html.push('<div class="pp-sc-output" aria-live="polite" aria-busy="true"><p class="pp-sc-working">' + esc(say("working")) + "</p>" + statusSlot() + "</div>");
    app.innerHTML = html.join("");
    paintStage();
    if (focus) app.querySelector("#pp-sc-question").focus();
    return app.querySelector(".pp-sc-output");
  }

  function renderResult(output, result, restored) {
    var html = [];
    html.push('<p class="pp-sc-lead-text">' + esc(say("result_lead", { eligible: result.counts.eligible, possibly: result.counts.possibly })) + "</p>");
    ["eligible", "possibly", "not_eligible"].forEach(function (status) {
      var measures = result.measures.filter(function (m) { return m.status === status; });
      if (!measures.length) return;
      var title = esc(say("group_count", { group: say("group_" + status), count: measures.length }));
      var body = measures.map(measureHtml).join("");
      if (status === "not_eligible") {
        html.push('<details class="pp-sc-group pp-sc-group--' + status + '"><summary><h3>' + title + "</h3></summary>" + body + "</details>");
      } else {
        html.push('<div class="pp-sc-group pp-sc-group--' + status + '"><h3>' + title + "</h3>" + body + "</div>");
      }
    });
    if (result.assumptions && result.assumptions.length) {
      html.push('<h3>' + esc(say("assumptions")) + '</h3><ul class="pp-sc-assumptions">');
      result.assumptions.forEach(function (item) { html.push("<li>" + esc(own(item)) + "</li>"); });
      html.push("</ul>");
    }
    if (result.notes && result.notes.length) {
      html.push("<h3>" + esc(say("notes")) + "</h3>");
      result.notes.forEach(function (note) { html.push('<p class="pp-note">' + esc(own(note)) + "</p>"); });
    }
    html.push('<p class="pp-disclaimer"><strong>' + esc(own(result.disclaimer)) + "</strong></p>");
    html.push('<p class="pp-sc-actions"><a class="md-button" href="' + esc(fragment(state.answers, "summary")) + '">' + esc(say("change_answers")) +
      '</a> <a class="md-button" href="' + esc(fragment({}, QUESTIONS[0])) + '">' + esc(say("start_again")) + "</a></p>");
    output.innerHTML = html.join("");
    output.removeAttribute("aria-busy");
    // policypress-modes.js offers to read it aloud (and in elder mode does, unless the page was just opened).
    output.dispatchEvent(new CustomEvent("pp:result", { bubbles: true, detail: { restored: !!restored } }));
  }

  // The calculator's field errors: back to the first question they concern, errors shown there.
  function showCalculatorErrors(errors) {
    var byStep = {};
    Object.keys(errors).forEach(function (key) {
      var name = key.split("[")[0].split(".")[0];
      var step = ASKED_WITH[name] || name;
      if (QUESTIONS.indexOf(step) < 0 || !asked(step, state.answers)) step = "_";
      byStep[step] = byStep[step] || {};
      byStep[step][name] = own(errors[key]);
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
  function showFailure(output) {
    var groups = '<a href="' + esc(base + "groups/") + '">' + esc(say("groups")) + "</a>";
    output.innerHTML = '<p class="pp-failure">' + esc(say("failed")).split("{groups}").join(groups) + "</p>";
    output.removeAttribute("aria-busy");
    document.querySelectorAll(".pp-runtime-failed").forEach(function (node) { node.hidden = true; }); // said here instead
  }

  var runs = 0;

  function runCalculator(focus) {
    var output = renderResultShell(focus);
    var run = (runs += 1);
    if (!window.policypress || typeof window.policypress.calc !== "function") {
      showFailure(output);
      return;
    }
    window.policypress.calc(config.calculator, inputsOf(state.answers)).then(function (result) {
      if (run !== runs || state.step !== "result") return; // the reader has moved on
      if (result.errors) showCalculatorErrors(result.errors);
      else renderResult(output, result, !focus);
    }).catch(function () {
      if (run === runs) showFailure(output);
    });
  }

  function render(focus) {
    var step = state.step;
    if (step === "summary") renderSummary(focus);
    else if (step === "result") runCalculator(focus);
    else renderQuestion(step, focus);
  }

  // Read the fragment and show its step; a step that no longer matters gives the next that does.
  function restore(focus) {
    var saved = readFragment();
    if (!saved) {
      if (state.step && location.hash) return; // an anchor of the page (e.g. "skip to content"): keep the current step
      saved = { answers: {}, step: null, back: null };
    }
    state.answers = saved.answers;
    state.back = saved.back;
    var step = saved.step;
    if (step !== "summary" && step !== "result" && (QUESTIONS.indexOf(step) < 0 || !asked(step, state.answers))) step = firstUnanswered(state.answers);
    if ((step === "summary" || step === "result") && firstUnanswered(state.answers) !== "summary") step = firstUnanswered(state.answers);
    state.step = step;
    render(focus);
  }

  window.addEventListener("hashchange", function () { restore(true); });

  if (window.policypress && typeof window.policypress.onStage === "function") {
    window.policypress.onStage(function (current) {
      stage = current;
      paintStage();
    });
  }

  restore(false);
})();
