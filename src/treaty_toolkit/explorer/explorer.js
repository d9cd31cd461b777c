/* Article 4 scenario explorer (static book version).
 * All reasoning is precomputed in Python (treaty_toolkit.explorer.precompute): this script only reads
 * the chosen scenario and readings, looks up the matching rendered pieces and shows them.
 * Safe to load more than once: each explorer is set up a single time. */
(function () {
  "use strict";

  function setUp(root) {
    if (root.getAttribute("data-ready") === "1") return;
    root.setAttribute("data-ready", "1");
    var data = JSON.parse(root.querySelector('script[data-role="outcomes"]').textContent);
    var select = root.querySelector("select");
    var scenarioBox = root.querySelector('[data-role="scenario"]');
    var resultBox = root.querySelector('[data-role="result"]');

    // One letter per condition ("s" strict / "b" broad), in the engine's order: e.g. "sbsss".
    function readingKey() {
      return data.conditions.map(function (condition) {
        var checked = root.querySelector('input[name="' + root.id + "-" + condition + '"]:checked');
        return checked ? checked.value.charAt(0) : "s";
      }).join("");
    }

    function show() {
      var key = readingKey();
      var shown = data.outcomes[select.value][key];
      scenarioBox.innerHTML = data.scenarios[select.value];
      resultBox.innerHTML = shown.map(function (i) { return data.pieces[i]; }).join("");
      root.setAttribute("data-shown", select.value + ":" + key);
    }

    function preset(reading) {
      data.conditions.forEach(function (condition) {
        root.querySelector("#" + root.id + "-" + condition + "-" + reading).checked = true;
      });
      show();
    }

    root.addEventListener("change", show);
    Array.prototype.forEach.call(root.querySelectorAll("button[data-preset]"), function (button) {
      button.addEventListener("click", function () { preset(button.getAttribute("data-preset")); });
    });
    root.querySelector(".art4-presets").hidden = false; // the buttons only work with this script
    show(); // the browser may have restored earlier choices
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-art4-explorer]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
