"""Kernels started side by side cannot collide, and a parallel run that never starts does not fail the build."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from treaty_toolkit.authoring.kernels import private_sockets
from treaty_toolkit.authoring.notebooks import execute
from treaty_toolkit.book import execution

REPORT_CONNECTION = "import json\nfrom ipykernel import get_connection_info\nprint(get_connection_info())"


def _notebook(code: str, kernel: str = "python3") -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    return nb


@pytest.mark.kernel
def test_a_kernel_talks_over_unix_sockets_in_a_folder_of_its_own(tmp_path):
    nb = execute(_notebook(REPORT_CONNECTION), tmp_path)
    connection = json.loads(nb.cells[0].outputs[0]["text"])
    assert connection["transport"] == "ipc"
    folder = Path(connection["ip"]).parent
    assert folder.name.startswith("kernel-")
    assert not folder.exists(), "the socket folder is removed with the kernel"


def test_two_open_configurations_never_share_an_address():
    with private_sockets() as first, private_sockets() as second:
        addresses = {config.KernelManager.ip for config in (first, second)}
        assert len(addresses) == 2
        assert all(Path(address).parent.is_dir() for address in addresses)


@pytest.mark.kernel
def test_parallel_runs_use_private_sockets(tmp_path):
    """The book's worker runs a notebook the way the build does, in another process."""
    path = tmp_path / "page.ipynb"
    with ProcessPoolExecutor(max_workers=1) as pool:
        executed, seconds, error = pool.submit(execution._execute, (str(path), _notebook(REPORT_CONNECTION), 60, False)).result()
    assert error is None
    assert json.loads(executed.cells[0].outputs[0]["text"])["transport"] == "ipc"


@pytest.mark.kernel
def test_a_run_whose_kernel_never_starts_is_left_to_myst_nb(tmp_path, monkeypatch):
    """The failure raised by the worker is caught; nothing is cached, so myst-nb runs the page itself."""
    path = tmp_path / "page.ipynb"
    pool = ProcessPoolExecutor(max_workers=1)
    future = pool.submit(execution._execute, (str(path), _notebook("1", kernel="no-such-kernel"), 60, False))
    cached = []
    monkeypatch.setattr(execution, "_cache", cached.append)  # reached only to store a finished run
    app = SimpleNamespace(treaty_runs={"page": (str(path), future)}, treaty_pool=pool)
    execution.wait_for_run(app, "page", [""])
    assert future.exception() is not None, "the worker really failed"
    assert cached == [] and app.treaty_runs == {} and app.treaty_pool is None
