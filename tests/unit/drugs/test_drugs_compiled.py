"""The compiled knowledge pack: same content as the JSON, rebuilt when anything it depends on changes."""

from __future__ import annotations

import json
import shutil

from cdss.drugs.catalog import DEFAULT_PACK_DIR, Catalog
from cdss.drugs.compiled import fingerprint, load_catalog


def _summary(catalog: Catalog) -> tuple:
    return (len(catalog), sorted(catalog.ids()), [r.id for r in catalog.rules.rules],
            {d.id: (d.pinyin, d.pk_tokens, catalog.rules.sides(d)) for d in catalog})


def test_compiled_pack_equals_the_json_and_is_reused(tmp_path):
    first = load_catalog(folder=tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    again = load_catalog(folder=tmp_path)
    assert _summary(again) == _summary(first) == _summary(Catalog.load())
    assert again.pinyin_of(again["warfarin"].name_zh) == ("huafalin", "hfl")


def test_a_changed_pack_file_is_compiled_again(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, pack)
    cache = tmp_path / "cache"
    before = load_catalog(pack, folder=cache)
    path = sorted((pack / "catalog").glob("*.json"))[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][0]["synonyms_en"].append("a name added after compiling")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert fingerprint(pack) != before.fingerprint
    after = load_catalog(pack, folder=cache)
    assert after.resolve_name("a name added after compiling") == data["entries"][0]["id"]


def test_a_damaged_cache_file_is_rebuilt_not_trusted(tmp_path):
    catalog = load_catalog(folder=tmp_path)
    (path,) = tmp_path.glob("*.pickle")
    path.write_bytes(b"not a pickle")
    rebuilt = load_catalog(folder=tmp_path)
    assert len(rebuilt) == len(catalog) and rebuilt.fingerprint == catalog.fingerprint
    assert path.read_bytes() != b"not a pickle"
