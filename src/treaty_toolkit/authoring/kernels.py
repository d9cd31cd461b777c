"""Kernels that cannot collide: each one talks to its client over Unix sockets in a folder of its own.

Over TCP, jupyter_client (8.x) finds free ports by binding and releasing them, and the kernel binds them
a second or so later. Kernels started side by side in other processes (the book build runs notebooks on
every core; the test suite runs in several workers) can be handed the same port in that gap; the kernel
that loses cannot bind, hangs, and the client gives up after its 60-second start-up timeout, failing the
build. Unix sockets named inside a private folder leave nothing to share.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from traitlets.config import Config


@contextmanager
def private_sockets() -> Iterator[Config]:
    """Configuration for a ``NotebookClient`` (its ``config``) whose kernel uses a private socket folder.

    On systems without Unix sockets (Windows) the configuration is empty: TCP, as before.
    """
    if os.name != "posix":
        yield Config()
        return
    with tempfile.TemporaryDirectory(prefix="kernel-") as folder:
        yield Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(folder, "socket")}})
