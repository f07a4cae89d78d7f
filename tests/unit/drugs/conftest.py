from __future__ import annotations

import pytest

from cdss.drugs.catalog import Catalog
from cdss.drugs.search import DrugSearch


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.default()


@pytest.fixture(scope="session")
def search(catalog: Catalog) -> DrugSearch:
    return DrugSearch(catalog)
