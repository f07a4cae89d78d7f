"""Run mypy (configured in pyproject.toml) and fail on any error that is not in the baseline.

The code base predates the type checker: its existing errors are listed in tools/mypy_baseline.txt, one per line
as ``path: [code] message`` (no line numbers, so moving code does not count as a new error). An error not in the
baseline fails the run — new code is checked in full, strictly below the UI. Fixed errors are reported so that the
baseline can shrink (``--update`` rewrites it; never to add errors without a review).

    .venv/bin/python tools/typecheck.py [--update]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tools" / "mypy_baseline.txt"
_ERROR = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*?)\s+\[(?P<code>[a-z-]+)\]$")


def current_errors() -> Counter[str]:
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context",
                             "--no-pretty", "--show-column-numbers"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 2: mypy itself failed (bad config, crash)
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(2)
    return parse(result.stdout.splitlines())


def parse(lines: list[str]) -> Counter[str]:
    """mypy's output lines as baseline entries: ``path: [code] message``, line and column numbers dropped."""
    errors: Counter[str] = Counter()
    for line in lines:
        match = _ERROR.match(line)
        if match:
            errors[f"{match['path']}: [{match['code']}] {match['message']}"] += 1
    return errors


def new_errors(errors: Counter[str], baseline: Counter[str]) -> Counter[str]:
    """Errors beyond the baseline, counted: a second copy of a baselined error in the same file is new too."""
    return errors - baseline


def read_baseline() -> Counter[str]:
    if not BASELINE.is_file():
        return Counter()
    return Counter(line for line in BASELINE.read_text(encoding="utf-8").splitlines()
                   if line.strip() and not line.startswith("#"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the baseline to the current errors")
    args = parser.parse_args(argv)
    errors = current_errors()
    if args.update:
        header = "# mypy errors that predate the type checker (tools/typecheck.py); this list may only shrink.\n"
        BASELINE.write_text(header + "".join(f"{line}\n" for line in sorted(errors.elements())), encoding="utf-8")
        print(f"baseline rewritten: {sum(errors.values())} errors")
        return 0
    baseline = read_baseline()
    new = new_errors(errors, baseline)
    fixed = baseline - errors
    print(f"mypy: {sum(errors.values())} errors, {sum(baseline.values())} in the baseline, "
          f"{sum(new.values())} new, {sum(fixed.values())} fixed")
    for line in sorted(new.elements()):
        print(f"new: {line}")
    if fixed:
        print("fixed errors can leave the baseline: run tools/typecheck.py --update")
    return 1 if new else 0


if __name__ == "__main__":
    raise SystemExit(main())
