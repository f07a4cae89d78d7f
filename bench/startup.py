"""Cold start to a shown main window, in separate processes, next to a bare PySide6 window as the peer.

    python bench/startup.py [--runs 7] [--frozen dist/cdss/cdss]

Each run is a new Python process (so imports are not cached in-process; the OS file cache is warm after the first).
The first start of a new workspace (which creates and migrates the database) is reported separately. The last line
reads ``startup median N.NN s``. With ``--frozen PATH`` the app measured is that frozen program (``make package``)
instead of ``main.py`` from this checkout.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PEER = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1200, 780); w.show()
print(f"cdss-startup-shown {time.time():.6f}", file=sys.stderr, flush=True)
from PySide6.QtCore import QTimer
QTimer.singleShot(0, w.close)
app.exec()
"""


def time_to_shown(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stderr.splitlines():
        if line.startswith("cdss-startup-shown "):
            return float(line.split()[1]) - start
    raise SystemExit(f"no start-up stamp from {cmd[:3]}… (exit {result.returncode}):\n{result.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", type=Path, default=None, metavar="PATH",
                        help="measure this frozen executable (e.g. dist/cdss/cdss) instead of main.py")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CDSS_QUIT_AFTER_MS": "0", "CDSS_STARTUP_PROBE": "1"}
    with tempfile.TemporaryDirectory(prefix="cdss-bench-startup-") as tmp:
        launcher = [str(args.frozen.resolve())] if args.frozen else [sys.executable, str(ROOT / "main.py")]
        app_cmd = [*launcher, "--workspace", str(Path(tmp) / "ws")]
        first = time_to_shown(app_cmd, env)
        app_runs = sorted(time_to_shown(app_cmd, env) for _ in range(args.runs))
        peer_runs = sorted(time_to_shown([sys.executable, "-c", PEER], env) for _ in range(args.runs))
    app_median, peer_median = statistics.median(app_runs), statistics.median(peer_runs)
    print(f"first start (creates and migrates a new workspace): {first:.2f} s")
    label = "CDSS Desk (frozen)" if args.frozen else "CDSS Desk"
    print(f"{label} ({args.runs} runs): median {app_median:.2f} s  min {app_runs[0]:.2f}  max {app_runs[-1]:.2f}")
    print(f"bare PySide6 window ({args.runs} runs): median {peer_median:.2f} s  "
          f"min {peer_runs[0]:.2f}  max {peer_runs[-1]:.2f}")
    print(f"ratio CDSS Desk / bare PySide6: {app_median / peer_median:.2f}")
    print(f"startup median {app_median:.2f} s")


if __name__ == "__main__":
    main()
