"""Logging to a rotating file in the workspace ``logs/`` folder (and to stderr for warnings)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILENAME = "cdss.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def configure_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send log records to ``logs_dir/cdss.log`` (1 MiB × 5 files); returns the log file path for crash dialogs."""
    logs_dir.mkdir(parents=True, exist_ok=True)
    log_path = logs_dir / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cdss", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(log_path, maxBytes=1_048_576, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._cdss = True  # type: ignore[attr-defined]
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console._cdss = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.addHandler(console)
    root.setLevel(level)
    return log_path
