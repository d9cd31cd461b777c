"""Remember validated inputs across processes: pickles keyed on a hash of the files they came from.

Every notebook of the book validates the data package and the quiz banks; both take seconds. What was
validated once is stored under ``$TREATY_TOOLKIT_CACHE`` (default ``~/.cache/treaty-toolkit``; an
empty value switches the disk cache off) and in this process. Changing any input file changes the
key, so a malformed file is always validated and reported, never served from the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

_MEMO: dict[str, object] = {}


def cache_dir() -> Path | None:
    configured = os.environ.get("TREATY_TOOLKIT_CACHE")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "treaty-toolkit"


def fingerprint(kind: str, paths: list[Path], version: str) -> str | None:
    """A hash of ``kind``, ``version`` and every file's name and bytes; None if a file cannot be read."""
    digest = hashlib.sha256(f"{kind}:{version}".encode())
    try:
        for path in paths:
            digest.update(Path(path).name.encode() + b"\0" + Path(path).read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def remembered(kind: str, key: str | None, compute):
    """``compute()``'s result for ``key``: from this process, the disk cache, or computed and stored.

    ``compute`` raising (a validation error) stores nothing. With ``key`` None nothing is cached.
    """
    if key is None:
        return compute()
    name = f"{kind}-{key}"
    if name in _MEMO:
        return _MEMO[name]
    value = _read(name)
    if value is None:
        value = compute()
        _write(name, value)
    _MEMO[name] = value
    return value


def _read(name: str):
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"{name}.pickle").open("rb") as handle:
            return pickle.load(handle)  # written by _write below, in the user's own cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def _write(name: str, value) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{name}.{os.getpid()}.tmp"
        with partial.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(folder / f"{name}.pickle")  # atomic: parallel notebooks never read half a file
    except (OSError, pickle.PicklingError):
        pass  # no disk cache then; loading still works
