"""Ctrl+C and kill half-way through a build, and two runs on one output folder, with real signals.

Every process a run starts names the test's own folder on its command line (workers inherit the
command; LibreOffice's profile is in the run's TMPDIR), so /proc finds them all; none may be left.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.base import limits
from generator.cli.main import main
from generator.cli.status import EXIT_INTERRUPTED
from generator.pipeline import build as build_module
from generator.pipeline import lock
from generator.pipeline.build import build
from generator.pipeline.interrupts import stop_requests_deferred, stop_requests_interrupt
from generator.pipeline.options import BuildOptions
from generator.pipeline.staging import OutputError, Staging
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
SHIPPED = ROOT / "inputs" / "2018"


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


def processes(marker: str) -> list[tuple[int, str]]:
    """(pid, command name) of every live process whose command line mentions `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or marker not in (entry / "cmdline").read_text():
                continue
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if stat[stat.rindex(")") + 2] != "Z":
            found.append((int(entry.name), stat[stat.index("(") + 1 : stat.rindex(")")]))
    return found


def wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the moment to interrupt never came"
        time.sleep(0.02)


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Inputs, and an output folder holding an earlier successful build."""
    root = tmp_path_factory.mktemp("earlier")
    inputs = root / "2018"
    shutil.copytree(SHIPPED, inputs)
    assert build(BuildOptions.for_year(2018, inputs, root / "out", each=True)).written
    return inputs, root / "out"


def command(inputs: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "generator", "2018", "--each", "--pdf",
        "--inputs", str(inputs), "--out", str(out),
    ]  # fmt: skip


def workers_busy(marker: str) -> bool:
    return sum(1 for _, name in processes(marker) if name.startswith("python")) >= 3


def libreoffice_running(marker: str) -> bool:
    return any(name.startswith(("soffice", "oosplash")) for _, name in processes(marker))


MOMENTS = {"workers": workers_busy, "libreoffice": libreoffice_running}


@pytest.mark.parametrize(
    ("moment", "number", "whole_group"),
    [
        ("workers", signal.SIGINT, True),  # Ctrl+C in the terminal reaches every process
        ("workers", signal.SIGTERM, False),  # kill PID
        ("libreoffice", signal.SIGINT, True),
        ("libreoffice", signal.SIGTERM, False),
    ],
)
def test_an_interrupted_build_leaves_everything_as_it_was(
    earlier: tuple[Path, Path], tmp_path: Path, moment: str, number: int, whole_group: bool
) -> None:
    inputs, built = earlier
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before, inputs_before = tree(out), tree(inputs)
    env = {**os.environ, "GEN_REPORT_WORKERS": "2", "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    run = subprocess.Popen(
        command(inputs, out), cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: MOMENTS[moment](str(tmp_path)) or run.poll() is not None)
        assert run.poll() is None, "the build ended before the moment came"
        if whole_group:
            os.killpg(run.pid, number)
        else:
            os.kill(run.pid, number)
        _, stderr = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and "已中断" in stderr
    wait_for(lambda: processes(str(tmp_path)) == [], seconds=10)
    assert tree(out) == before
    assert tree(inputs) == inputs_before
    assert list((tmp_path / "tmp").iterdir()) == []
    again = subprocess.run(command(inputs, out), cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert len(list((out / "单位").glob("*.pdf"))) == 16 and not list(out.glob(".gen-report*"))


HOLD = """
import sys, time
from pathlib import Path
from generator.pipeline.lock import OutputLock
lock = OutputLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(float(sys.argv[2]))
lock.release()
"""


def holder(out: Path, seconds: float) -> subprocess.Popen[str]:
    out.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out), str(seconds)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_run_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = holder(out, 0.5)
    result = build(BuildOptions.for_year(2018, SHIPPED, out))
    first.wait()
    assert result.written and not (out / lock.LOCK_NAME).exists()


def test_a_second_run_refuses_when_the_first_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = holder(out, 30)
    monkeypatch.setattr(limits, "OUTPUT_LOCK_SECONDS", 0.5)
    try:
        with pytest.raises(
            OutputError, match=f"另一个 gen-report（进程 {first.pid}）正在向输出文件夹"
        ):
            build(BuildOptions.for_year(2018, SHIPPED, out))
    finally:
        first.kill()
        first.wait()
    assert sorted(p.name for p in out.iterdir()) == [lock.LOCK_NAME]  # the holder's, killed


def test_a_killed_runs_lock_and_staging_do_not_stay(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = holder(out, 30)
    (out / ".gen-report-deadbeef.tmp").mkdir()  # as a run killed outright leaves it
    first.kill()
    first.wait()
    result = build(BuildOptions.for_year(2018, SHIPPED, out))
    assert result.written
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


class StoppedInFinaliser:
    """Ctrl+C arrives while this object's finaliser runs: Python only prints the
    KeyboardInterrupt ("Exception ignored in …") and goes on."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGINT)


@contextmanager
def swallowed_exceptions() -> Iterator[list[BaseException]]:
    """The exceptions Python swallows inside (it would print them)."""
    swallowed: list[BaseException] = []
    shown = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: swallowed.append(unraisable.exc_value)
    try:
        yield swallowed
    finally:
        sys.unraisablehook = shown


def test_a_ctrl_c_python_swallowed_still_stops_the_commit(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(b"earlier")
    before = tree(tmp_path)
    with stop_requests_interrupt(), Staging(tmp_path) as outputs:
        outputs.write_bytes("report.txt", b"new")
        with swallowed_exceptions() as swallowed:
            StoppedInFinaliser()  # gone at once: its finaliser runs here
        assert [type(e) for e in swallowed] == [KeyboardInterrupt]
        with pytest.raises(KeyboardInterrupt):
            outputs.commit()
    assert tree(tmp_path) == before


def test_the_command_says_it_was_interrupted_and_writes_nothing(
    earlier: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inputs, built = earlier
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = tree(out)
    compose = build_module.report_document

    def composed_while_a_ctrl_c_is_swallowed(*args, **kwargs):
        with swallowed_exceptions():
            StoppedInFinaliser()
        return compose(*args, **kwargs)

    monkeypatch.setattr(build_module, "report_document", composed_while_a_ctrl_c_is_swallowed)
    assert main(["2018", "--inputs", str(inputs), "--out", str(out)]) == EXIT_INTERRUPTED
    assert "已中断" in capsys.readouterr().err
    assert tree(out) == before


class FailsInFinaliser:
    def __del__(self) -> None:
        raise ValueError("a mistake of the program's")


def test_a_swallowed_ctrl_c_is_not_shown_other_swallowed_errors_are() -> None:
    with swallowed_exceptions() as shown, stop_requests_interrupt():
        StoppedInFinaliser()
        FailsInFinaliser()
    assert [type(e) for e in shown] == [ValueError]


def test_a_stop_request_counts_for_its_own_run_only(tmp_path: Path) -> None:
    with stop_requests_interrupt(), swallowed_exceptions():
        StoppedInFinaliser()
    with pytest.raises(KeyboardInterrupt), stop_requests_deferred():
        signal.raise_signal(signal.SIGINT)  # held, then raised: outside a run, not remembered
    with Staging(tmp_path) as outputs:
        outputs.write_bytes("report.txt", b"new")
        assert outputs.commit() == [tmp_path / "report.txt"]


def test_a_signal_ignored_on_entry_stays_ignored() -> None:
    """nohup gen-report …: closing the terminal (SIGHUP) does not stop the run."""
    shown = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with stop_requests_interrupt(), stop_requests_deferred():
            signal.raise_signal(signal.SIGHUP)
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, shown)
