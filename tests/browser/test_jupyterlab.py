"""End to end in a real JupyterLab: open a notebook that calls quiz(), run it, answer the live widget.

The server runs on 127.0.0.1 with a random port and token, in a temporary root folder holding a copy
of tests/fixtures/quizzes/quiz-notebook.ipynb, with its own config/settings folders (so nothing from
the machine's Jupyter setup leaks in) and the news feed disabled. It is stopped by its PID afterwards.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import open_offline_page, wait_until  # tests/browser/conftest.py

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes" / "quiz-notebook.ipynb"
JUPYTER = Path(sys.executable).with_name("jupyter")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def jupyter_lab(tmp_path):
    """A running `jupyter lab`; yields (base URL, token). Stopped by PID in teardown."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy(NOTEBOOK, root / "quiz.ipynb")
    port, token = free_port(), secrets.token_hex(16)
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
    )
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(
        [str(JUPYTER), "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("jupyter lab did not start:\n" + (tmp_path / "lab.log").read_text())
            time.sleep(0.5)
        yield base, token
    finally:
        server.send_signal(signal.SIGTERM)  # the server shuts its kernels down on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # the group we started (start_new_session)
            server.wait()
        log.close()


def _sends_index(frame, index: int) -> bool:
    """Whether a websocket frame carries a widget update that sets ``index`` (frames may be text or bytes)."""
    text = frame.decode("utf-8", "replace") if isinstance(frame, bytes) else frame
    return re.search(r'"method":\s*"update"', text) is not None and re.search(rf'"index":\s*{index}\b', text) is not None


def test_quiz_widget_in_jupyterlab(browser, jupyter_lab):
    base, token = jupyter_lab
    context, page, log = open_offline_page(browser, viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(90_000)
    sent = []  # what the page sends the kernel, frame by frame
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.goto(f"{base}/lab/tree/quiz.ipynb?token={token}")
    status = page.locator("#jp-main-statusbar").get_by_text("Idle")
    status.wait_for()
    for answer in ("No",):  # the news toast, in case this JupyterLab asks anyway
        toast_button = page.locator(".jp-toast-button", has_text=answer)
        if toast_button.count():
            toast_button.first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()
    quiz = page.locator(".jp-OutputArea-output .widget-vbox").first
    quiz.wait_for()
    status.wait_for()

    # the true/false question: first a wrong answer, then the keyed one
    # check() clicks and then confirms the radio button is selected before the answer is checked.
    page.locator(".widget-radio-box").first.get_by_role("radio", name="False").check()
    checks = page.get_by_role("button", name="Check answer")
    checks.first.click()
    page.locator(".widget-html-content", has_text=re.compile(r"^\s*✘\W*Not quite\.")).first.wait_for()
    before = len(sent)
    page.locator(".widget-radio-box").first.get_by_role("radio", name="True").check()
    # ipywidgets holds a changed answer back while the kernel is still busy with the widget's last change,
    # but sends a click at once (jupyter-widgets/ipywidgets#1382), so a quick Check can be graded against the
    # old answer. Press it once the new answer ("True" is option 0) has gone to the kernel, as it has by the
    # time a reader's hand reaches the button.
    wait_until(page, lambda: any(_sends_index(frame, 0) for frame in sent[before:]), "the new answer never reached the kernel")
    checks.first.click()
    correct = page.locator(".widget-html-content", has_text=re.compile(r"^\s*✔\W*Correct\."))  # not the score line
    correct.first.wait_for()
    assert correct.count() == 1
    # the numeric question: typed answer, graded in the kernel
    page.get_by_label("Your answer (days)").fill("168")
    checks.nth(1).click()
    correct.nth(1).wait_for()
    # The score is its own widget, updated by a second message from the kernel: wait for it, then count.
    score = page.locator(".widget-html-content", has_text="Score in this quiz: 2 of 2 correct")
    score.first.wait_for()
    assert score.count() == 1
    assert not log.blocked_requests, log.blocked_requests
    context.close()
