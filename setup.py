"""Build step: put the top-level folders the app serves from into the wheel.

`templates/`, `static/`, `migrations/` and `seed/` stay at the top of the repository (where
designers, operators and tests expect them); building copies them into the package as
``quizapp/bundle/<folder>``, which :data:`quizapp.RESOURCES` finds once installed. Everything
else about the package is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED_FOLDERS = ("templates", "static", "migrations", "seed")
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc")


class BuildPyWithResources(build_py):
    """``build_py`` that also copies the resource folders into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the folders from the checkout itself
        target = Path(self.build_lib) / "quizapp" / "bundle"
        for folder in BUNDLED_FOLDERS:
            shutil.rmtree(target / folder, ignore_errors=True)
            shutil.copytree(HERE / folder, target / folder, ignore=SKIPPED)


setup(cmdclass={"build_py": BuildPyWithResources})
