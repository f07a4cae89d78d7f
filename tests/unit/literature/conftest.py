"""Fixtures for the literature room: the shared format samples and a small bilingual library."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdss.literature.reference import Reference


@pytest.fixture(scope="session")
def formats_dir(shared_data: Path) -> Path:
    folder = shared_data / "literature-formats"
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    return folder


SAMPLE_REFS = [
    Reference(title="Metformin and the risk of diabetic nephropathy: a cohort study",
              authors=("Smith, Jane", "Wang, Li"), year=2016, journal="Diabetes Care", doi="10.1000/dc.2016.1",
              pmid="11111111", abstract="Metformin use was associated with a lower risk of nephropathy in patients "
              "with type 2 diabetes. Renal function declined more slowly.", keywords=("metformin", "kidney"),
              mesh_terms=("Diabetic Nephropathies", "Metformin"), publication_types=("Journal Article",),
              tags=("to-read",)),
    Reference(title="Spinal fusion outcomes after lumbar fracture", authors=("Garcia, Ana",), year=2019,
              journal="Spine", abstract="Posterior spinal fusion restored stability in most lumbar fractures.",
              mesh_terms=("Spinal Fusion", "Lumbar Vertebrae"), publication_types=("Journal Article", "Review")),
    Reference(title="Psoas abscess after anterior spinal fusion", authors=("Lee, Min",), year=2003,
              journal="Spine", abstract="We present three cases of psoas abscess after anterior spinal fusion.",
              publication_types=("Case Reports",)),
    Reference(title="二甲双胍治疗2型糖尿病肾病的临床研究", authors=("张伟",), year=2020, journal="中华内科杂志",
              abstract="目的 探讨二甲双胍对糖尿病肾病患者肾功能的影响。结果 治疗组肾小球滤过率下降较慢。",
              keywords=("二甲双胍", "糖尿病肾病"), language="chi", tags=("中文",)),
    Reference(title="急性心肌梗死患者的早期康复", authors=("李娜",), year=2012, journal="中国康复医学杂志",
              abstract="急性心肌梗死后早期运动康复安全可行。", language="chi"),
    Reference(title="Early rehabilitation after acute myocardial infarction", authors=("Brown, Tom",), year=2012,
              journal="Heart", abstract="Early exercise rehabilitation after myocardial infarction was safe.",
              publication_types=("Randomized Controlled Trial",)),
]


@pytest.fixture()
def sample_refs() -> list[Reference]:
    return list(SAMPLE_REFS)


@pytest.fixture()
def small_index(tmp_path: Path):
    from cdss.literature.index import create_index

    index = create_index(tmp_path / "index")
    index.rebuild(enumerate(SAMPLE_REFS, start=1))
    return index
