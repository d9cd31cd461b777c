/* Article 4 scenario explorer (static book version).
 * All reasoning is precomputed in Python (treaty_toolkit.explorer.precompute): this script only reads
 * the chosen scenario and readings, looks up the matching rendered pieces and shows them.
 * Safe to load more than once: each explorer is set up a single time. */
(function () {
  "use strict";

  // Sources come as labels marked with their keys (data-cite). The book adds each key's label and
  // link to its bibliography entry as JSON (treaty_toolkit.book.citation_links): make the links.
  function linkSources(box) {
    var json = document.getElementById("treaty-citations");
    var links = json ? JSON.parse(json.textContent) : {};
    Array.prototype.forEach.call(box.querySelectorAll("span[data-cite]"), function (span) {
      var found = links[span.getAttribute("data-cite")];
      if (!found) return;
      var link = document.createElement("a");
      link.className = "reference internal";
      link.href = found.href;
      link.title = found.title;
      link.textContent = found.label;
      span.parentNode.replaceChild(link, span);
    });
  }

  function setUp(root) {
    if (root.getAttribute("data-ready") === "1") return;
    root.setAttribute("data-ready", "1");
    var data = JSON.parse(root.querySelector('script[data-role="outcomes"]').textContent);
    var select = root.querySelector("select");
    var scenarioBox = root.querySelector('[data-role="scenario"]');
    var statusBox = root.querySelector('[data-role="status"]');
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
      linkSources(scenarioBox);
      // The first piece is the one-line summary (the live region); the rest explain each obligation.
      statusBox.innerHTML = data.pieces[shown[0]];
      resultBox.innerHTML = shown.slice(1).map(function (i) { return data.pieces[i]; }).join("");
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
    linkSources(root.querySelector(".art4-controls")); // the intro may cite where its quotations come from
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
