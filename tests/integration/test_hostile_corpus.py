"""Every file of the hostile corpus (tests/hostile_corpus.py) goes through the real ``cdss`` command line in a child
process limited to 1.5 GiB of address space and 90 s: the answer is a clean one-line refusal naming the file (or, for
odd-but-valid files, a clean import), never a traceback, a hang or a memory blow-up; and the workspace, which holds
a patient and a paper before the attack, still opens with both afterwards."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile_corpus import CASES, Case

MEMORY_LIMIT = 1536 * 1024 * 1024
TIME_LIMIT = 90

pytestmark = pytest.mark.slow


def _limit_memory() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cdss(workspace: Path, *args: str, timeout: float = TIME_LIMIT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "cdss.cli", "--workspace", str(workspace), *args],
                          capture_output=True, text=True, timeout=timeout, env=env, preexec_fn=_limit_memory)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    """A workspace holding one patient and one paper, to be found intact after every attack."""
    folder = tmp_path_factory.mktemp("hostile")
    patients = folder / "seed.csv"
    patients.write_text("姓名,性别,出生日期\n幸存者,女,1970-03-04\n", encoding="utf-8")
    paper = folder / "seed.ris"
    paper.write_text("TY  - JOUR\nTI  - Survivor paper on hostile imports\nPY  - 2020\nER  - \n", encoding="utf-8")
    workspace = folder / "ws"
    assert cdss(workspace, "records", "import", str(patients)).returncode == 0
    assert cdss(workspace, "lit", "import", str(paper)).returncode == 0
    return workspace


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_file_meets_a_clean_answer_and_the_workspace_survives(tmp_path: Path, seeded: Path,
                                                                        case: Case) -> None:
    paths = case.write(tmp_path)
    started = time.monotonic()
    result = cdss(seeded, *case.command, *map(str, paths))
    elapsed = time.monotonic() - started
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    assert "MemoryError" not in output and "RecursionError" not in output, output[-3000:]
    assert elapsed < TIME_LIMIT
    if result.returncode != 0:
        message = result.stderr.strip()
        assert message, f"refused without a word (exit {result.returncode})"
        assert any(path.name in message for path in paths), message[:500]
        assert len(message) < 2000, message[:500]  # one clear message, not a dump of the file
    else:
        assert case.may_succeed, f"{case.name} was accepted: {output[-500:]}"

    listed = cdss(seeded, "records", "list")
    assert listed.returncode == 0 and "幸存者" in listed.stdout, listed.stderr[-2000:]
    found = cdss(seeded, "lit", "search", "survivor")
    assert found.returncode == 0 and "Survivor paper" in found.stdout, found.stderr[-2000:]
