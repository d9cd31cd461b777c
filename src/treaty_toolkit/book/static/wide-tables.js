/* Wide tables say that they scroll. pydata-sphinx-theme 0.17.1 lets a table that is wider than the text
   column scroll sideways (and makes the box focusable), but nothing shows that columns are hidden: on a
   phone that is most tables. Each such table gets a short note above it, which goes again when the table
   fits (a wider window, a rotated phone). */
(() => {
  const NOTE = "tt-scroll-note";
  // The note, in the language of the text around the table (an edition's page may be shown in English
  // for now), from the block the book writes (book/words.py).
  const WORDS = JSON.parse(document.getElementById("tt-book-words").textContent);
  const noteFor = (box) => (WORDS[(box.closest("[lang]") || document.documentElement).lang] || WORDS.en).wide_table;

  // The box that scrolls a table: its nearest ancestor that scrolls sideways (theme, notebook output, page).
  function scrollingBox(table) {
    for (let box = table.parentElement; box && box.tagName !== "ARTICLE"; box = box.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) return box;
    }
    return null;
  }

  function markWideTables() {
    const boxes = new Set([...document.querySelectorAll("article table")].map(scrollingBox).filter(Boolean));
    boxes.forEach((box) => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      const before = box.previousElementSibling;
      const note = before && before.classList.contains(NOTE) ? before : null;
      if (wide && !note) {
        const p = document.createElement("p");
        p.className = NOTE;
        p.textContent = noteFor(box);
        box.before(p);
      } else if (!wide && note) {
        note.remove();
      }
      box.classList.toggle("tt-scrolls", wide);
    });
  }

  let pending;
  const later = () => { clearTimeout(pending); pending = setTimeout(markWideTables, 200); };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markWideTables);
  else markWideTables();
  window.addEventListener("resize", later);
  // Opening a folded answer lays out the tables inside it for the first time.
  document.addEventListener("toggle", later, true);
  // Widgets and web fonts can change widths after the DOM is ready: check again once both have settled,
  // then say so on <html>, so a test (or another script) knows the notes are final.
  window.addEventListener("load", () => document.fonts.ready.then(() => {
    markWideTables();
    document.documentElement.dataset.wideTables = "checked";
  }));
})();
