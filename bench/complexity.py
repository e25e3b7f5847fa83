"""Cyclomatic complexity of ``quizapp/`` (radon): the highest, the mean, and every function
at ``REPORT_FROM`` or more. Exits 1 when any function reaches ``LIMIT``.

Run from the repository root:  python bench/complexity.py [path ...]   (or ``make complexity``)

The limit keeps every function small enough to read at once: a function that needs 20 or more
paths is several steps that deserve names.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 20
REPORT_FROM = 15


@dataclass(frozen=True)
class Block:
    path: str
    line: int
    name: str
    complexity: int


def _shown(path: Path) -> Path:
    """``path`` from the repository root when it is inside it."""
    full = path.resolve()
    return full.relative_to(ROOT) if full.is_relative_to(ROOT) else path


def blocks(paths: list[Path]) -> list[Block]:
    """Every function, method and class of the Python files under ``paths``, with the figure
    ``radon cc`` gives it (so the mean is the one ``radon cc -a`` prints)."""
    found = []
    for root in paths:
        for path in sorted(root.rglob("*.py") if root.is_dir() else [root]):
            shown = _shown(path)
            for block in cc_visit(path.read_text(encoding="utf-8")):
                name = block.fullname if hasattr(block, "fullname") else block.name
                found.append(Block(str(shown), block.lineno, name, block.complexity))
    return found


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT / "quizapp"]
    found = blocks(paths)
    if not found:
        print("No functions found.")
        return 0
    highest = max(found, key=lambda b: b.complexity)
    mean = sum(b.complexity for b in found) / len(found)
    print(f"{len(found)} blocks; highest {highest.complexity} ({highest.path}:{highest.name});")
    print(f"mean {mean:.2f}; limit {LIMIT}.")
    high = sorted(
        (b for b in found if b.complexity >= REPORT_FROM), key=lambda b: (-b.complexity, b.path)
    )
    for block in high:
        mark = "  OVER" if block.complexity >= LIMIT else ""
        print(f"{block.complexity:4d}  {block.path}:{block.line} {block.name}{mark}")
    over = [b for b in found if b.complexity >= LIMIT]
    if over:
        print(f"{len(over)} over the limit: split them into named steps.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
