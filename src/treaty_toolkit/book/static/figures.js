/* Figures open full size (treaty_toolkit.book.figures links every image to its file).
 * A click, tap or Enter on a figure shows the file in a dialog at its natural size, where its text is
 * legible; on a narrow screen the dialog scrolls sideways. Escape, the Close button or a click beside
 * the figure closes it, and focus returns to the figure. Without this script the link opens the file. */
(function () {
  "use strict";
  var dialog, shown, opener;
  // The dialog's words, in the page's language (the dialog belongs to the page, not to the article),
  // from the block the book writes (book/words.py).
  var all = JSON.parse(document.getElementById("tt-book-words").textContent);
  var words = all[document.documentElement.lang] || all.en;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "tt-figure-dialog";
    dialog.setAttribute("aria-label", words.figure_dialog);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "tt-figure-close";
    close.textContent = words.figure_close;
    close.addEventListener("click", function () { dialog.close(); });
    var frame = document.createElement("div");
    frame.className = "tt-figure-frame";
    frame.tabIndex = 0; // so the arrow keys scroll a figure wider than the screen
    frame.setAttribute("role", "group");
    frame.setAttribute("aria-label", words.figure_frame);
    shown = document.createElement("img");
    frame.appendChild(shown);
    dialog.appendChild(close);
    dialog.appendChild(frame);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
    document.body.appendChild(dialog);
  }

  function open(link, event) {
    var image = link.querySelector("img");
    if (!image || typeof HTMLDialogElement === "undefined") return; // the browser opens the file
    event.preventDefault();
    if (!dialog) build();
    opener = link;
    shown.alt = image.alt;
    shown.src = link.href;
    dialog.showModal();
    dialog.querySelector(".tt-figure-close").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.tt-figure-link") : null;
    if (link) open(link, event);
  });
})();
