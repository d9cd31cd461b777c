"""Visiting a built page offline in Chromium: what the page tests record about each page.

Shared by test_pages.py (desktop, light) and test_pages_phone.py (phone, dark), over both editions. Each page is its own
test (its id ends in the page name, so pytest-xdist may run it on any worker; see tests/conftest.py) and one
failing page hides no other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from conftest import AXE, edition_pages

from treaty_toolkit.project import toc_docnames

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")
PHONE = {"width": 375, "height": 812}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Known when tests are collected, so each page is a test of its own: every page of every edition
# (English "intro.html", Korean "ko/intro.html").
TOC_PAGES = edition_pages(toc_docnames(Path(__file__).resolve().parents[2]))

# Runs in the page once it has loaded: waits for MathJax and the widget renderer, then reports.
INSPECT_PAGE = """async (widgetView) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const views = [...document.querySelectorAll(`script[type="${widgetView}"]`)];
  for (let i = 0; i < 50 && views.some(v => !v.parentElement.querySelector('.widget-subarea .jupyter-widgets')); i++) {
    await new Promise(r => setTimeout(r, 100));
  }
  // The wide-table notes are final once their script has run after load and web fonts.
  for (let i = 0; i < 50 && document.documentElement.dataset.wideTables !== 'checked'; i++) {
    await new Promise(r => setTimeout(r, 100));
  }
  const article = document.querySelector('article') || document.body;
  const tableHolders = new Set();
  for (const table of article.querySelectorAll('table')) {
    for (let box = table.parentElement; box && box !== article; box = box.parentElement) tableHolders.add(box);
  }
  const hidden = el => el.closest('[aria-hidden="true"]') !== null;
  const label = el => (el.getAttribute('aria-label') || '').trim()
      || (el.querySelector(':scope > title') || {textContent: ''}).textContent.trim()
      || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).map(id => (document.getElementById(id) || {textContent: ''}).textContent).join('').trim();
  return {
    // Decorative images are hidden from assistive technology (aria-hidden, role=presentation): skip those.
    imagesWithoutAlt: [...document.querySelectorAll('img')]
        .filter(img => !hidden(img) && img.getAttribute('role') !== 'presentation' && !(img.getAttribute('alt') || '').trim())
        .map(img => img.outerHTML.slice(0, 160)),
    svgImagesWithoutName: [...document.querySelectorAll('svg[role="img"]')].filter(svg => !hidden(svg) && !label(svg))
        .map(svg => svg.outerHTML.slice(0, 160)),
    mathElements: document.querySelectorAll('.math').length,
    unrenderedMath: [...document.querySelectorAll('.math')].filter(m => !m.querySelector('mjx-container'))
        .map(m => m.textContent.slice(0, 80)),
    rawTeXInText: ['\\\\(', '\\\\)', '\\\\[', '\\\\]', '$$'].filter(d => article.innerText.includes(d)),
    widgetViews: views.length,
    unrenderedWidgets: views.filter(v => !v.parentElement.querySelector('.widget-subarea .jupyter-widgets'))
        .map(v => v.textContent.slice(0, 120)),
    overflowPx: document.documentElement.scrollWidth - window.innerWidth,
    // Boxes in the text that scroll a table sideways: each must say so in the note right above it. Only a
    // table's ancestors can hold one, so only they have their style read (in page order).
    wideTableNotesFinal: document.documentElement.dataset.wideTables === 'checked',
    silentWideTables: [...article.querySelectorAll('*')].filter(box => tableHolders.has(box))
        .filter(box => ['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth + 1
            && !(box.previousElementSibling || {classList: {contains: () => false}}).classList.contains('tt-scroll-note'))
        .map(box => box.querySelector('table').textContent.trim().replace(/\\s+/g, ' ').slice(0, 60)),
    notesAboveFittingTables: [...article.querySelectorAll('.tt-scroll-note')]
        .filter(note => !note.nextElementSibling || note.nextElementSibling.scrollWidth <= note.nextElementSibling.clientWidth + 1).length,
    scrollNotes: [...article.querySelectorAll('.tt-scroll-note')]
        .map(note => ({text: note.textContent, lang: note.closest('[lang]').lang})),
  };
}"""

# Awaited in the page before axe runs: the page has loaded and no colour is fading. The theme's buttons
# fade to the dark palette (a CSS transition) once its script has set the mode, and contrast measured
# mid-fade is neither colour's. At most 3 s.
SETTLE = """
  if (document.readyState !== 'complete') { await new Promise(r => addEventListener('load', r, {once: true})); }
  const fades = document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null));
  await Promise.race([Promise.all(fades), new Promise(r => setTimeout(r, 3000))]);
"""

RUN_AXE = """async (tags) => {""" + SETTLE + """
  // Only violations are reported: the other result types' node details are skipped (axe's own advice for speed).
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""


@dataclass
class PageVisit:
    page: str
    log: object
    facts: dict
    violations: list = field(default_factory=list)

    def load_problems(self) -> dict:
        """Console errors, page errors, blocked or failed requests."""
        return {name: value for name, value in vars(self.log).items() if value}

    def wide_table_problems(self) -> list:
        """Tables that scroll sideways without the note above them, and notes above tables that fit."""
        problems = [] if self.facts["wideTableNotesFinal"] else ["the wide-table script did not finish within 5 s"]
        problems += [f"no note above: {label!r}" for label in self.facts["silentWideTables"]]
        if self.facts["notesAboveFittingTables"]:
            problems.append(f"{self.facts['notesAboveFittingTables']} note(s) above tables that fit")
        # The note speaks the language of the text it sits in: Hangul in Korean text, none in English
        # (a Korean edition's page shown in English for now has an English article).
        problems += [f"note not in the language around it ({note['lang']}): {note['text']!r}"
                     for note in self.facts["scrollNotes"] if bool(HANGUL.search(note["text"])) != (note["lang"] == "ko")]
        return problems

    def serious_violations(self) -> list:
        return [v for v in self.violations if v["impact"] in BLOCKING_IMPACTS]


def visit(tabs, base_url, page_name, **context_args):
    """Load the page on a lent tab of this kind (see conftest.LentTabs), wait for it to settle, run axe."""
    with tabs.lend(**context_args) as (page, log):
        page.goto(base_url + page_name, wait_until="load")  # then INSPECT_PAGE waits for MathJax and widgets
        facts = page.evaluate(INSPECT_PAGE, WIDGET_VIEW)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE, AXE_TAGS)
        return PageVisit(page_name, log, facts, violations)


def report(page: str, problems: dict) -> str:
    """Every kind of problem found on one page, each kind on its own line (long lists shortened)."""
    def short(problem):
        return problem[:5] + [f"... {len(problem) - 5} more"] if isinstance(problem, list) and len(problem) > 5 else problem

    return f"{page}:\n" + "\n".join(f"  {kind}: {short(problem)}" for kind, problem in problems.items() if problem)
