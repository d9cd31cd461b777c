"""Files the book writes beside its pages are written again only when what they are made from changed."""

from __future__ import annotations

from types import SimpleNamespace

from treaty_toolkit.book.generated_files import write_unless_current


def test_files_are_written_once_per_state_of_their_inputs(tmp_path):
    app = SimpleNamespace(doctreedir=str(tmp_path / "doctrees"))
    source, folder = tmp_path / "bank.yaml", tmp_path / "out"
    source.write_text("one", encoding="utf-8")
    writes = []

    def write():
        writes.append(source.read_text(encoding="utf-8"))
        folder.mkdir(exist_ok=True)
        (folder / "export.xml").write_text(writes[-1], encoding="utf-8")

    assert write_unless_current(app, "exports", folder, [source], write)
    assert not write_unless_current(app, "exports", folder, [source], write)  # nothing changed
    source.write_text("two", encoding="utf-8")
    assert write_unless_current(app, "exports", folder, [source], write)  # an input changed
    (folder / "export.xml").unlink()
    assert write_unless_current(app, "exports", folder, [source], write)  # the output went missing
    assert write_unless_current(app, "other", folder, [source], write)  # another writer's own record
    assert writes == ["one", "two", "two", "two"]


def test_an_unreadable_input_always_writes(tmp_path):
    app = SimpleNamespace(doctreedir=str(tmp_path / "doctrees"))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "x").write_text("x", encoding="utf-8")
    calls = []
    for _ in range(2):
        assert write_unless_current(app, "exports", folder, [tmp_path / "missing.yaml"], lambda: calls.append(1))
    assert calls == [1, 1]
