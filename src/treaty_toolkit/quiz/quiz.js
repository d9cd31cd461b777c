/* Static self-check quizzes: grades in the browser, no kernel and no network.
 * Markup comes from treaty_toolkit/quiz/html.py. What the Python grader defines once travels in the
 * quiz's attributes: the sentences (data-tt-messages) and the number format (data-tt-number); the
 * bank's feedback comes from inert <template>s. tests/quiz_contract.yaml holds the cases both pass.
 * The answer key is in the page (data-tt-key): fine for a self-check quiz, not for an exam. */
(function () {
  "use strict";

  var STORE_PREFIX = "tt-quiz:";

  function store() {
    try {
      var s = window.localStorage;
      s.getItem(STORE_PREFIX);
      return s;
    } catch (e) {
      return null; // storage disabled (private mode, file://): the quiz still works, without memory
    }
  }

  function parseNumber(text, format) {
    text = String(text).trim();
    if (!new RegExp(format.pattern).test(text)) return null;
    return parseFloat(text.replace(new RegExp(format.separators, "g"), ""));
  }

  function withinTolerance(value, answer, tolerance) {
    // Same slack as grading.within_tolerance in Python.
    return Math.abs(value - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
  }

  function inputs(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input, select"));
  }

  function readAnswer(form) {
    var type = form.getAttribute("data-tt-type");
    var fields = inputs(form);
    if (type === "numeric") return fields[0].value;
    if (type === "ordering") return fields.map(function (s) { return s.value; });
    var checked = fields.filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
    return type === "multiple" ? checked : (checked.length ? checked[0] : null);
  }

  function writeAnswer(form, answer) {
    var type = form.getAttribute("data-tt-type");
    var fields = inputs(form);
    if (type === "numeric") { fields[0].value = answer == null ? "" : answer; return; }
    if (type === "ordering") {
      fields.forEach(function (s, i) { s.value = answer && answer[i] != null ? answer[i] : ""; });
      return;
    }
    var chosen = Array.isArray(answer) ? answer : (answer == null ? [] : [answer]);
    fields.forEach(function (i) { i.checked = chosen.indexOf(Number(i.value)) !== -1; });
  }

  /* Returns {state: "correct" | "incorrect" | "empty", parts: [text or {template: name}]}. */
  function grade(form, answer, M, N) {
    var type = form.getAttribute("data-tt-type");
    var key = JSON.parse(form.getAttribute("data-tt-key"));
    var explanation = { template: "explanation" };
    function empty(name) { return { state: "empty", parts: [M[name]] }; }
    function right() { return { state: "correct", parts: [M.correct].concat(Array.prototype.slice.call(arguments)) }; }
    function wrong() { return { state: "incorrect", parts: [M.incorrect].concat(Array.prototype.slice.call(arguments)) }; }

    if (type === "single") {
      if (answer === null) return empty("empty_choice");
      var option = { template: "option-" + answer };
      return key.correct.indexOf(answer) !== -1 ? right(option, explanation) : wrong(option);
    }
    if (type === "truefalse") {
      if (answer === null) return empty("empty_choice");
      var saidTrue = answer === 0;
      var feedback = template(form, "option-" + answer) ? { template: "option-" + answer } : explanation;
      return saidTrue === key.answer ? right(feedback) : wrong(feedback);
    }
    if (type === "multiple") {
      if (!answer.length) return empty("empty_multiple");
      var keyed = key.correct;
      var same = answer.length === keyed.length && answer.every(function (i) { return keyed.indexOf(i) !== -1; });
      if (same) return right(explanation);
      var hints = [];
      answer.filter(function (i) { return keyed.indexOf(i) === -1; }).forEach(function (i) {
        hints.push(template(form, "option-" + i) ? { template: "option-" + i } : M.wrong_option);
      });
      if (keyed.some(function (i) { return answer.indexOf(i) === -1; })) hints.push(M.missed_option);
      return wrong.apply(null, hints.filter(function (h, n) { return hints.indexOf(h) === n; }));
    }
    if (type === "numeric") {
      if (!String(answer).trim()) return empty("empty_number");
      var value = parseNumber(answer, N);
      if (value === null) return empty("invalid_number");
      if (withinTolerance(value, key.answer, key.tolerance)) return right(explanation);
      return wrong(value > key.answer ? M.too_high : M.too_low);
    }
    // ordering: answer[i] is the position chosen for the i-th shown item
    if (answer.some(function (p) { return p === ""; })) return empty("empty_order");
    var unique = answer.filter(function (p, n) { return answer.indexOf(p) === n; });
    if (unique.length !== answer.length) return empty("duplicate_order");
    var count = answer.filter(function (p, i) { return Number(p) === key.positions[i]; }).length;
    if (count === answer.length) return right(explanation);
    return wrong(M.order_count.replace("{right}", count).replace("{total}", answer.length));
  }

  function template(form, name) {
    return form.querySelector('template[data-tt-feedback="' + name + '"]');
  }

  function showFeedback(form, result) {
    var region = form.querySelector(".tt-quiz-feedback");
    region.textContent = "";
    var lead = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = result.parts[0];
    lead.appendChild(strong);
    region.appendChild(lead);
    // Parts stay in grade()'s order: a sentence goes on the current paragraph, feedback from the bank
    // (a template) follows as its own blocks, and a sentence after it starts a new paragraph.
    var paragraph = lead;
    result.parts.slice(1).forEach(function (part) {
      if (typeof part === "string") {
        if (!paragraph) {
          paragraph = document.createElement("p");
          region.appendChild(paragraph);
          paragraph.appendChild(document.createTextNode(part));
        } else {
          paragraph.appendChild(document.createTextNode(" " + part));
        }
        return;
      }
      var tpl = template(form, part.template);
      if (tpl) {
        region.appendChild(tpl.content.cloneNode(true)); // our own sanitized markup, cloned
        paragraph = null;
      }
    });
    region.setAttribute("data-tt-state", result.state);
    form.setAttribute("data-tt-state", result.state);
  }

  function clearFeedback(form) {
    var region = form.querySelector(".tt-quiz-feedback");
    region.textContent = "";
    region.removeAttribute("data-tt-state");
    form.removeAttribute("data-tt-state");
  }

  function updateScores() {
    var forms = document.querySelectorAll("form.tt-quiz-question");
    var right = document.querySelectorAll('form.tt-quiz-question[data-tt-state="correct"]').length;
    document.querySelectorAll(".tt-quiz-score").forEach(function (score) {
      var M = JSON.parse(score.closest(".tt-quiz").getAttribute("data-tt-messages"));
      score.textContent = M.score.replace("{correct}", right).replace("{total}", forms.length);
    });
  }

  function check(form, M, N, remember) {
    var answer = readAnswer(form);
    var result = grade(form, answer, M, N);
    showFeedback(form, result);
    var s = store();
    if (s && remember && result.state !== "empty") {
      s.setItem(STORE_PREFIX + form.getAttribute("data-tt-question"), JSON.stringify(answer));
    }
    updateScores();
  }

  function setUp(quiz) {
    if (quiz.getAttribute("data-tt-ready")) return;
    quiz.setAttribute("data-tt-ready", "true");
    var M = JSON.parse(quiz.getAttribute("data-tt-messages"));
    var N = JSON.parse(quiz.getAttribute("data-tt-number"));
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form.tt-quiz-question"));
    var s = store();
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault(); // grading is local; the form is never sent
        check(form, M, N, true);
      });
      var saved = s && s.getItem(STORE_PREFIX + form.getAttribute("data-tt-question"));
      if (saved) {
        try {
          writeAnswer(form, JSON.parse(saved));
          check(form, M, N, false);
        } catch (e) {
          s.removeItem(STORE_PREFIX + form.getAttribute("data-tt-question"));
        }
      }
    });
    var reset = quiz.querySelector(".tt-quiz-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        forms.forEach(function (form) {
          writeAnswer(form, null);
          clearFeedback(form);
          if (s) s.removeItem(STORE_PREFIX + form.getAttribute("data-tt-question"));
        });
        updateScores();
      });
    }
  }

  function setUpAll() {
    document.querySelectorAll(".tt-quiz").forEach(setUp);
    updateScores();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
