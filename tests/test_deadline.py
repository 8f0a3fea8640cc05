"""--timeout in any thread: a Dask worker converts documents in threads, where
SIGALRM cannot reach, so there a timer thread ends the conversion."""
import os
import subprocess
import sys
import threading
import time

import pytest

from pipeline.convert import Failed, convert_file
from pipeline.deadline import DocumentTimeout, within
from tests.conftest import ROOT
from tests.pdfbuild import build_pdf
from tests.test_limits import HEAVY_PAGE


def in_a_thread(fn, wait: float = 10):
    """``fn()`` run in a thread that is not the main one; fails after ``wait``
    seconds (a daemon thread, so an unbounded conversion cannot hang the run)."""
    result = []
    thread = threading.Thread(target=lambda: result.append(fn()), daemon=True)
    thread.start()
    thread.join(wait)
    assert not thread.is_alive(), f"still running after {wait} s"
    return result[0]


# A timeout can land in a __del__ or weakref callback of leftovers from earlier tests
# (Dask's event loop); Python drops it there and reports it as unraisable, and the
# deadline sends it again: the case this test exists for, not a fault.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_conversion_in_a_worker_thread_is_stopped_by_the_timeout(tmp_path):
    path = tmp_path / "slow.pdf"
    path.write_bytes(build_pdf([HEAVY_PAGE]))  # over ten seconds unbounded
    outcome = in_a_thread(lambda: convert_file(path, timeout=0.5))
    assert isinstance(outcome, Failed)
    assert (outcome.error.kind, outcome.error.stage) == ("timeout", "extract")


def test_a_body_that_finished_in_time_is_not_interrupted_later():
    def body():
        within(0.2, lambda: None)
        try:
            time.sleep(0.6)  # past the limit: a timer left running would strike here
        except DocumentTimeout:
            return "interrupted after the body ended"
        return "finished"

    assert in_a_thread(body) == "finished"


def test_the_alarm_repeats_when_python_drops_the_first_one(tmp_path):
    """In a process's main thread (every pool worker) a timeout that lands in a
    __del__ is dropped too; the body here drops the first itself, and the
    repeat must still end it (the old single alarm let it run forever)."""
    script = tmp_path / "body.py"
    script.write_text(
        "from pipeline.deadline import DocumentTimeout, within\n"
        "def body():\n"
        "    try:\n"
        "        while True: pass\n"
        "    except DocumentTimeout:\n"
        "        pass  # dropped, as in a __del__\n"
        "    while True: pass\n"
        "try:\n"
        "    within(0.2, body)\n"
        "except DocumentTimeout:\n"
        "    print('stopped')\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=30,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout == "stopped\n", done.stderr
