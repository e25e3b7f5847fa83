"""Benchmarks and drills, each a module run from the repository root, e.g.
``.venv/bin/python -m bench.load``, so that ``quizapp``, ``tests.builders`` and the shared
helpers here import without touching ``sys.path``."""
