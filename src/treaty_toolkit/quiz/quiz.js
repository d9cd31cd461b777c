/* Static self-check quizzes: grades in the browser, no kernel and no network.
 * Markup comes from treaty_toolkit/quiz/html.py. What the Python grader defines once travels in the
 * quiz's attributes: the sentences (data-tt-messages) and the number format (data-tt-number); the
 * bank's feedback comes from inert <template>s. tests/quiz_contract.yaml holds the cases both pass.
 * The answer key is in the page (data-tt-key): fine for a self-check quiz. Exam mode (data-tt-mode)
 * holds the feedback back until Submit; it does not hide the key from someone reading the source.
 * "Download my results" writes the saved answers to JSON and CSV files in the browser (a Blob): the format is
 * results.schema.json beside this file, and treaty_toolkit.quiz.results merges and regrades them. */
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

  // Self-check quizzes share the page's running score; an exam keeps its result to itself.
  var SELF_CHECK = '.tt-quiz:not([data-tt-mode="exam"])';

  function updateScores() {
    var forms = document.querySelectorAll(SELF_CHECK + " form.tt-quiz-question");
    var right = document.querySelectorAll(SELF_CHECK + ' form.tt-quiz-question[data-tt-state="correct"]').length;
    document.querySelectorAll(".tt-quiz-score").forEach(function (score) {
      var M = JSON.parse(score.closest(".tt-quiz").getAttribute("data-tt-messages"));
      score.textContent = M.score.replace("{correct}", right).replace("{total}", forms.length);
    });
  }

  /* Memory: one record per quiz on a page, {answers: {question id: answer}, submitted: bool}, under the
   * page's path and the quiz's id, so a question reused in a review keeps its own answer there and
   * resetting one quiz never touches another. */
  function pagePath() {
    return window.location.pathname.replace(/(index)?\.html$/, "");
  }

  function storeKey(quiz) {
    return STORE_PREFIX + pagePath() + "#" + quiz.id;
  }

  function loadRecord(quiz) {
    var s = store();
    try {
      var record = s && JSON.parse(s.getItem(storeKey(quiz)));
      if (record && typeof record.answers === "object" && record.answers) {
        // Attempts and times per question id (records saved before they were kept have neither).
        if (typeof record.attempts !== "object" || !record.attempts) record.attempts = {};
        if (typeof record.times !== "object" || !record.times) record.times = {};
        return record;
      }
    } catch (e) { /* unreadable: start empty */ }
    return { answers: {}, submitted: false, attempts: {}, times: {} };
  }

  function saveRecord(quiz, record) {
    var s = store();
    if (s) s.setItem(storeKey(quiz), JSON.stringify(record));
  }

  function forgetRecord(quiz) {
    var s = store();
    if (s) s.removeItem(storeKey(quiz));
  }

  // Answers saved under the old per-question keys ("tt-quiz:<question id>") are dropped, not migrated:
  // they cannot tell an answer given in a chapter from one given in the review, and re-answering is quick.
  function dropOldKeys() {
    var s = store();
    if (!s) return;
    var old = [];
    for (var i = 0; i < s.length; i++) {
      if (/^tt-quiz:[a-z0-9-]+$/.test(s.key(i))) old.push(s.key(i));
    }
    old.forEach(function (key) { s.removeItem(key); });
  }

  function questionId(form) {
    return form.getAttribute("data-tt-question");
  }

  // One more graded answer to a question, and when (the result files report both).
  function counted(record, id) {
    record.attempts[id] = (record.attempts[id] || 0) + 1;
    record.times[id] = new Date().toISOString();
  }

  /* Each mode wires its controls, then returns how to put saved answers back. */
  function setUpSelfCheck(quiz, forms, M, N, record) {
    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault(); // grading is local; the form is never sent
        var answer = readAnswer(form);
        var result = grade(form, answer, M, N);
        showFeedback(form, result);
        if (result.state !== "empty") {
          record.answers[questionId(form)] = answer;
          counted(record, questionId(form));
          saveRecord(quiz, record);
        }
        updateScores();
      });
    });
    return function restore() {
      forms.forEach(function (form) {
        if (!(questionId(form) in record.answers)) return;
        writeAnswer(form, record.answers[questionId(form)]);
        showFeedback(form, grade(form, readAnswer(form), M, N));
      });
    };
  }

  /* Exam mode: no feedback until the whole quiz is submitted; then every question's feedback and the
   * score, with the answers locked until "Start again". */
  function setUpExam(quiz, forms, M, N, record) {
    var result = quiz.querySelector(".tt-quiz-result");
    var submit = quiz.querySelector(".tt-quiz-submit");

    function lock(locked) {
      forms.forEach(function (form) { form.querySelector("fieldset").disabled = locked; });
      submit.hidden = locked;
    }

    function say(state, text, missing) {
      result.textContent = "";
      var paragraph = document.createElement("p");
      var pieces = text.split("{numbers}");
      paragraph.appendChild(document.createTextNode(pieces[0]));
      (missing || []).forEach(function (index, n) {
        // Each number links to its question, so a keyboard user can go straight there.
        if (n) paragraph.appendChild(document.createTextNode(", "));
        var link = document.createElement("a");
        link.href = "#" + forms[index].id;
        link.textContent = String(index + 1);
        paragraph.appendChild(link);
      });
      paragraph.appendChild(document.createTextNode(pieces.slice(1).join("")));
      result.appendChild(paragraph);
      result.setAttribute("data-tt-state", state);
    }

    // A wrong answer also gets the explanation: a self-check keeps it back for the next try, an exam
    // has no next try (grading.with_explanation in Python).
    function withExplanation(result) {
      var has = result.parts.some(function (part) { return part.template === "explanation"; });
      if (result.state !== "incorrect" || has) return result;
      return { state: result.state, parts: result.parts.concat([{ template: "explanation" }]) };
    }

    function finish() {
      var results = forms.map(function (form) { return grade(form, readAnswer(form), M, N); });
      var missing = [];
      results.forEach(function (r, i) { if (r.state === "empty") missing.push(i); });
      forms.forEach(function (form, i) {
        if (results[i].state === "empty") showFeedback(form, results[i]);
        else if (missing.length) clearFeedback(form); // answered ones stay unmarked until the quiz is submitted
        else showFeedback(form, withExplanation(results[i]));
      });
      if (missing.length) {
        say("empty", missing.length === 1 ? M.unanswered_one : M.unanswered_many, missing);
        return false;
      }
      var right = results.filter(function (r) { return r.state === "correct"; }).length;
      say("done", M.score.replace("{correct}", right).replace("{total}", forms.length));
      lock(true);
      return true;
    }

    forms.forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault(); // Enter in a text field submits its form: an exam waits for Submit
      });
      function remember() {
        clearFeedback(form); // a "no answer yet" note from an earlier Submit no longer applies
        record.answers[questionId(form)] = readAnswer(form);
        saveRecord(quiz, record);
      }
      form.addEventListener("input", remember);
      form.addEventListener("change", remember);
    });
    submit.addEventListener("click", function () {
      record.submitted = finish();
      if (record.submitted) forms.forEach(function (form) { counted(record, questionId(form)); });
      saveRecord(quiz, record);
      if (record.submitted) quiz.querySelector(".tt-quiz-reset").focus(); // Submit is gone; the next step is here
    });
    quiz.querySelector(".tt-quiz-reset").addEventListener("click", function () {
      lock(false);
      result.textContent = "";
      result.removeAttribute("data-tt-state");
    });
    return function restore() {
      forms.forEach(function (form) {
        if (questionId(form) in record.answers) writeAnswer(form, record.answers[questionId(form)]);
      });
      if (record.submitted) finish();
    };
  }

  /* --- Download my results: the saved answers as results.schema.json and as CSV, made here ---------- */

  // Characters that would hide or reorder text (controls, bidi overrides, zero-width): left out of the name.
  var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

  // The answer as the file holds it (see the schema): what the student gave, in the page's terms.
  function fileAnswer(type, stored) {
    if (type === "truefalse") return stored === 0; // option 0 is "True"
    if (type === "ordering") return stored.map(Number);
    if (type === "multiple") return stored.slice().sort(function (a, b) { return a - b; });
    if (type === "numeric") return String(stored);
    return stored;
  }

  function resultsDocument(quiz, forms, M, N, record, D, name) {
    var answers = forms.map(function (form) {
      var id = questionId(form);
      var stored = id in record.answers ? record.answers[id] : null;
      var state = stored === null ? "empty" : grade(form, stored, M, N).state;
      var answered = state !== "empty";
      return {
        question: id,
        type: form.getAttribute("data-tt-type"),
        answer: answered ? fileAnswer(form.getAttribute("data-tt-type"), stored) : null,
        correct: state === "correct",
        attempts: answered ? record.attempts[id] || 1 : 0,
        time: answered && record.times[id] ? record.times[id] : null
      };
    });
    var right = answers.filter(function (a) { return a.correct; }).length;
    return {
      format: D.format, format_version: D.version, page: pagePath(), quiz: quiz.id, name: name,
      exported: new Date().toISOString(), score: { correct: right, total: answers.length }, answers: answers
    };
  }

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : (typeof value === "string" ? value : JSON.stringify(value));
    // A spreadsheet would run a cell starting with = + - @ as a formula: such text (not a number) gets a quote.
    if (/^[=+\-@\t\r]/.test(text) && isNaN(Number(text))) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function resultsCsv(doc, columns) {
    var lines = [columns.join(",")];
    doc.answers.forEach(function (a) {
      var row = { page: doc.page, quiz: doc.quiz, name: doc.name };
      lines.push(columns.map(function (c) { return csvCell(c in row ? row[c] : a[c]); }).join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n"; // the mark makes spreadsheets read it as UTF-8
  }

  function save(fileName, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  /* Wires the download; returns what to call when an exam is submitted or started again. */
  function setUpDownload(quiz, forms, M, N, record, exam) {
    var box = quiz.querySelector(".tt-quiz-download");
    var D = JSON.parse(box.getAttribute("data-tt-download"));
    var button = box.querySelector(".tt-quiz-download-button");
    var field = box.querySelector("input");
    var status = box.querySelector(".tt-quiz-download-status");
    var wait = box.querySelector(".tt-quiz-download-wait");

    function refresh() {
      if (!exam) return;
      button.disabled = !record.submitted; // an exam's file says which answers are right: not before Submit
      wait.hidden = record.submitted;
      if (!record.submitted) status.textContent = "";
    }

    button.addEventListener("click", function () {
      var typed = field.value.trim();
      var name = typed.replace(INVISIBLE, "").trim().slice(0, 80);
      var slug = name.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 40);
      var cleaned = name !== typed || slug !== name.normalize("NFKC").toLowerCase().replace(/\s+/g, "-");
      var base = "results-" + (slug ? slug + "-" : "") + quiz.id.replace(/^tt-quiz-/, "");
      var doc = resultsDocument(quiz, forms, M, N, record, D, name);
      save(base + ".json", JSON.stringify(doc, null, 1) + "\n", "application/json");
      save(base + ".csv", resultsCsv(doc, D.columns), "text/csv;charset=utf-8");
      status.textContent = D[cleaned ? "name_cleaned" : "saved"].replace("{json}", base + ".json").replace("{csv}", base + ".csv");
    });
    if (exam) quiz.querySelector(".tt-quiz-submit").addEventListener("click", refresh); // after the exam's own handler
    return refresh;
  }

  function setUp(quiz) {
    if (quiz.getAttribute("data-tt-ready")) return;
    quiz.setAttribute("data-tt-ready", "true");
    var M = JSON.parse(quiz.getAttribute("data-tt-messages"));
    var N = JSON.parse(quiz.getAttribute("data-tt-number"));
    var forms = Array.prototype.slice.call(quiz.querySelectorAll("form.tt-quiz-question"));
    var record = loadRecord(quiz);
    var exam = quiz.getAttribute("data-tt-mode") === "exam";
    var restore = (exam ? setUpExam : setUpSelfCheck)(quiz, forms, M, N, record);
    var refreshDownload = setUpDownload(quiz, forms, M, N, record, exam);
    var reset = quiz.querySelector(".tt-quiz-reset");
    reset.addEventListener("click", function () {
      forms.forEach(function (form) {
        writeAnswer(form, null);
        clearFeedback(form);
      });
      record.answers = {};
      record.submitted = false;
      record.attempts = {};
      record.times = {};
      forgetRecord(quiz);
      updateScores();
      refreshDownload();
    });
    try {
      restore();
    } catch (e) {
      reset.click(); // a saved answer these controls cannot take: start this quiz empty
    }
    refreshDownload();
  }

  function setUpAll() {
    dropOldKeys();
    document.querySelectorAll(".tt-quiz").forEach(setUp);
    updateScores();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
