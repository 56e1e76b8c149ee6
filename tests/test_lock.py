"""Two runs never write the same project at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HOLD = """
import sys, time
from pathlib import Path
from l10n.lock import project_lock
with project_lock(Path(sys.argv[1])):
    Path(sys.argv[2]).write_text("held")
    time.sleep(float(sys.argv[3]))
"""


def _hold(project: Path, seconds: float) -> subprocess.Popen[bytes]:
    marker = project / "held.txt"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project), str(marker), str(seconds)])
    while not marker.exists():
        time.sleep(0.02)
    return holder


def _update(project: Path, timeout: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "L10N_LOCK_TIMEOUT": timeout}
    command = [sys.executable, "-c", "from l10n.cli import main; main()", "update"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120)


def test_second_run_gives_up_with_a_clear_message(project: Path) -> None:
    holder = _hold(project, 5)
    try:
        result = _update(project, "0.3")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3
    assert "another l10n run is modifying this project" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "locales" / "bakhmut-un-chief.pot").exists()


def test_second_run_waits_for_the_first(project: Path) -> None:
    holder = _hold(project, 1.0)
    result = _update(project, "60")
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert (project / "locales" / "bakhmut-un-chief.pot").exists()


def test_a_killed_holder_leaves_no_stale_lock(project: Path) -> None:
    holder = _hold(project, 60)
    holder.kill()
    holder.wait()
    assert _update(project, "1").returncode == 0
