"""gunicorn settings for every deployment: ``gunicorn -c python:quizapp.gunicorn_config``.

A worker whose master is gone must stop. Killed with ``kill -9`` (the OOM killer, a crashed
supervisor), a master leaves its workers running: they keep accepting on the listening socket
and serve with nobody to restart or stop them, for as long as gunicorn takes to notice its new
parent (45 s measured). Here each worker asks Linux to send it SIGTERM the moment its parent
dies, so it finishes the request in hand and exits.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _set_parent_death_signal(sig: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    return libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0


def post_fork(server, worker) -> None:
    """gunicorn's hook, run in each new worker."""
    if not _set_parent_death_signal(signal.SIGTERM):
        server.log.warning("Workers will not stop at once if the master is killed (no prctl)")
    elif os.getppid() != server.pid:
        # The master died between the fork and the call above: no signal will come.
        os.kill(os.getpid(), signal.SIGTERM)
