"""Anki's own library (the ``anki`` package) as a reader of the decks we write."""

from __future__ import annotations

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def into_anki(tmp_path, data: bytes, name: str = "anki") -> Collection:
    """A new Anki collection with the package ``data`` imported, scheduling included."""
    package = tmp_path / f"{name}.apkg"
    package.write_bytes(data)
    col = Collection(str(tmp_path / f"{name}.anki2"))
    options = ImportAnkiPackageOptions(with_scheduling=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
    return col


def anki_notes(col: Collection) -> list:
    """Every note of the collection."""
    return [col.get_note(nid) for nid in col.find_notes("")]
