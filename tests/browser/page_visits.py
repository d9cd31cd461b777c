"""Visiting a built page offline in Chromium: what the page tests record about each page.

Shared by test_pages.py (desktop, light) and test_pages_phone.py (phone, dark), which pytest-xdist runs
on different workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from conftest import AXE, open_offline_page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")
PHONE = {"width": 375, "height": 812}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# Runs in the page once it has loaded: waits for MathJax and the widget renderer, then reports.
INSPECT_PAGE = """async (widgetView) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const views = [...document.querySelectorAll(`script[type="${widgetView}"]`)];
  for (let i = 0; i < 50 && views.some(v => !v.parentElement.querySelector('.widget-subarea .jupyter-widgets')); i++) {
    await new Promise(r => setTimeout(r, 100));
  }
  const article = document.querySelector('article') || document.body;
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
  };
}"""

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""


@dataclass
class PageVisit:
    page: str
    log: object
    facts: dict
    violations: list = field(default_factory=list)

    def serious_violations(self):
        return [v for v in self.violations if v["impact"] in BLOCKING_IMPACTS]


def visit(browser, base_url, page_name, **context_args):
    context, page, log = open_offline_page(browser, **context_args)
    try:
        page.goto(base_url + page_name, wait_until="load")  # then INSPECT_PAGE waits for MathJax and widgets
        facts = page.evaluate(INSPECT_PAGE, WIDGET_VIEW)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE, AXE_TAGS)
        return PageVisit(page_name, log, facts, violations)
    finally:
        context.close()


def _report(problems: dict) -> str:
    def short(problem):
        return problem[:5] + [f"... {len(problem) - 5} more"] if isinstance(problem, list) and len(problem) > 5 else problem

    return "\n".join(f"{page}: {short(problem)}" for page, problem in problems.items())


