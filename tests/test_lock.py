"""Two runs never write the same project at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # competing l10n processes

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


def _run(project: Path, timeout: str, command: str = "update") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "L10N_LOCK_TIMEOUT": timeout, "HOME": str(project / "home"),
           "ARGOS_PACKAGES_DIR": str(project / "home" / "argos")}  # pretranslate may touch Argos' folders
    cli = [sys.executable, "-c", "from l10n.cli import main; main()", command]
    return subprocess.run(cli, cwd=project, env=env, capture_output=True, text=True, timeout=120)


def _outputs(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted((project / "locales").rglob("*.po*"))}


@pytest.mark.parametrize("command", ["update", "extract", "pretranslate"])
def test_second_run_gives_up_with_a_clear_message(translated_project: Path, command: str) -> None:
    """Every command that writes catalogs waits for the lock; none writes while another run holds it."""
    project = translated_project
    article = project / "source" / "bakhmut-un-chief.md"
    article.write_text(article.read_text() + "\nThe desk added one more sentence.\n")  # work for extract and update
    po = project / "locales" / "uk" / "LC_MESSAGES" / "bakhmut-un-chief.po"
    text = po.read_text()
    po.write_text(text.replace('msgstr "Радіо Свобода"', 'msgstr ""', 1))  # and for pretranslate
    assert po.read_text() != text
    before = _outputs(project)
    holder = _hold(project, 5)
    try:
        result = _run(project, "0.3", command)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 3, result.stderr
    assert "another l10n run is modifying this project" in result.stderr
    assert "Traceback" not in result.stderr
    assert _outputs(project) == before


def test_second_run_waits_for_the_first(project: Path) -> None:
    holder = _hold(project, 1.0)
    result = _run(project, "60")
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert (project / "locales" / "bakhmut-un-chief.pot").exists()


def test_a_killed_holder_leaves_no_stale_lock(project: Path) -> None:
    holder = _hold(project, 60)
    holder.kill()
    holder.wait()
    assert _run(project, "1").returncode == 0


NO_FCNTL = """
import sys
sys.modules["fcntl"] = None  # as on a platform without fcntl
import l10n.pipeline  # noqa: F401  the pipeline must import without fcntl
from l10n.lock import project_lock
exec(sys.argv[4])
"""


def test_without_fcntl_the_pipeline_imports_and_the_lock_still_excludes(project: Path) -> None:
    marker = project / "held.txt"
    hold = "import time\nwith project_lock(Path(sys.argv[1])):\n    Path(sys.argv[2]).write_text('held')\n    time.sleep(float(sys.argv[3]))"
    prelude = "from pathlib import Path\n"
    holder = subprocess.Popen([sys.executable, "-W", "ignore", "-c", NO_FCNTL, str(project), str(marker), "5", prelude + hold])
    try:
        while not marker.exists():
            assert holder.poll() is None, "the holder died without fcntl"
            time.sleep(0.02)
        wait = prelude + "from l10n.lock import LockError\ntry:\n    with project_lock(Path(sys.argv[1]), 0.3):\n        print('acquired')\nexcept LockError as error:\n    print(error)"
        second = subprocess.run([sys.executable, "-W", "ignore", "-c", NO_FCNTL, str(project), "", "0", wait],
                                capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 0, second.stderr
    assert second.stdout == (f"{project / '.l10n.lock'}: another l10n run is modifying this project; "
                             "gave up after 0.3s (set L10N_LOCK_TIMEOUT to wait longer)\n")
