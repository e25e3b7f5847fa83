"""Time and peak memory of each importer on the hostile files of issue 25 (H1, M3), each in a
fresh process capped at 6 GB and 120 s:

    python -m bench.hostile_imports            # every case, one line each
    python -m bench.hostile_imports docx_bomb  # one case

The figures before and after the fix are in docs/benchmarks.md. Peak RSS is the growth of the
process's resident maximum over the call (the file is built before it is measured).
"""

from __future__ import annotations

import html
import resource
import subprocess
import sys
import time
from collections.abc import Callable

from tests.builders import hostile_files as hostile

GB = 1024**3
MB = 1024**2
TIMEOUT = 120


def _moodle(question_text: str, feedback: str = "", kind: str = "truefalse") -> bytes:
    return (
        f'<quiz><question type="{kind}"><name><text>q</text></name><questiontext format="html">'
        f"<text>{html.escape(question_text)}</text></questiontext>"
        f'<generalfeedback format="html"><text>{html.escape(feedback)}</text></generalfeedback>'
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer></question></quiz>'
    ).encode()


def _cases() -> dict[str, tuple[Callable[[], object], Callable[[object], object]]]:
    from quizapp.core.interchange.anki_import import read_apkg
    from quizapp.core.interchange.flashcard_csv import read_cards
    from quizapp.core.interchange.gift import read_gift
    from quizapp.core.interchange.moodle_xml import read_moodle_xml
    from quizapp.core.text_extraction import extract_article

    def article(name: str) -> Callable[[object], object]:
        return lambda data: extract_article(name, data)

    source = '<blockquote class="quizapp-source">'
    return {
        "cloze_paste": (lambda: hostile.CLOZE_PASTE + "\t\n", read_cards),
        "cloze_csv": (lambda: "front,back\n" + ("{{c1::" * 330 + ",x\n") * 50, read_cards),
        "cloze_apkg": (hostile.apkg_cloze_note, read_apkg),
        "docx_bomb": (lambda: hostile.docx_bomb(GB), article("bomb.docx")),
        "apkg_lying": (lambda: hostile.lying_zip("collection.anki2", 2 * GB - 4 * MB), read_apkg),
        "apkg_huge_view": (hostile.apkg_huge_view, read_apkg),
        "apkg_looping_view": (hostile.apkg_looping_view, read_apkg),
        "md_italics": (lambda: b" *a" * 600_000, article("a.md")),
        "md_links": (lambda: b"[a](" * 450_000, article("a.md")),
        "html_elements": (lambda: b"<p>word</p>" * 150_000, article("many.html")),
        "moodle_source": (lambda: _moodle("Is it?", source * 50_000), read_moodle_xml),
        "moodle_cloze": (lambda: _moodle("{1:SA:" * 100_000, kind="cloze"), read_moodle_xml),
        "moodle_elements": (
            lambda: b"<quiz>" + b"<b/>" * (5 * MB - 2) + b"</quiz>",
            read_moodle_xml,
        ),
        "gift_questions": (lambda: "::q::Q? {TRUE}\n\n" * 1_000_000, read_gift),
        "csv_sniffer": (lambda: ('a,"' * 6000 + "\n") * 20, read_cards),
        "csv_big_cell": (lambda: 'front,back\n"a",b\n"' + "x" * 200_000 + '",y\n', read_cards),
    }


def measure(name: str) -> str:
    build, call = _cases()[name]
    data = build()
    resource.setrlimit(resource.RLIMIT_AS, (6 * GB, 6 * GB))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        call(data)
        outcome = "result"
    except Exception as error:  # the figure to report is what happened, whatever it was
        outcome = f"{type(error).__name__}: {str(error)[:70]}"
    elapsed = time.perf_counter() - start
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    size = len(data) / 1024
    return f"{name:18} {size:8.0f} kB {elapsed:8.2f} s  +{grown:6.0f} MB  {outcome}"


def main(names: list[str]) -> None:
    if len(names) == 1:
        print(measure(names[0]))
        return
    for name in names or list(_cases()):
        try:
            run = subprocess.run(
                [sys.executable, "-m", "bench.hostile_imports", name],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
            print(run.stdout.strip() or f"{name:18} failed: {run.stderr.strip()[-200:]}")
        except subprocess.TimeoutExpired:
            print(f"{name:18} still running after {TIMEOUT} s: stopped")


if __name__ == "__main__":
    main(sys.argv[1:])
