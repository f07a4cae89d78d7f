"""Load packaging/build_assets.py and packaging/build.py as modules.

They are scripts, not a package: a ``packaging`` package would shadow the PyPI ``packaging`` library that pytest and
pip import, so each file is loaded from its path under a name of its own.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGING_DIR = REPO_ROOT / "packaging"


def load_packaging_module(filename: str, name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    if str(PACKAGING_DIR) not in sys.path:
        sys.path.insert(0, str(PACKAGING_DIR))  # build.py imports build_assets by its plain name
    spec = importlib.util.spec_from_file_location(name, PACKAGING_DIR / filename)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_assets() -> ModuleType:
    return load_packaging_module("build_assets.py", "build_assets")


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_packaging_module("build.py", "cdss_packaging_build")  # not "build": that is pypa/build's name
