"""What workspace encryption costs: opening the workspace, records search and import, photos, plain versus encrypted.

    .venv/bin/python bench/encryption.py                    # 10,000 patients / 200,000 entries
    .venv/bin/python bench/encryption.py --patients 2000

One synthetic workspace is generated (bench/records.py's generator), then encrypted with the app's own command
(cdss.db.encrypt), so both sides hold the same rows. Each figure is measured on both in the same run and printed with
their ratio: the plain workspace is the peer. Photos (--photos of them, 3-megapixel noise JPEGs of about 1.5 MB, the
size of a phone photo that does not compress) are attached before encrypting, so the sealed attachment store is
measured too: reading a photo back, making its thumbnail from scratch and from the cache, and storing a new one. Also
timed: unlocking (Argon2id with the shipped parameters) and the one-off encryption of the workspace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import QUERIES, generate, percentile, timed  # noqa: E402

from cdss.db import crypto  # noqa: E402
from cdss.db.encrypt import encrypt_workspace  # noqa: E402
from cdss.records.attachments import THUMBS_DIR, AttachmentStore  # noqa: E402
from cdss.records.service import RecordsService  # noqa: E402
from cdss.records.types import PatientRecord, Sex  # noqa: E402
from cdss.workspace import Workspace  # noqa: E402

PASSPHRASE = "bench passphrase 2026"


def photo(seed: int) -> bytes:
    import io
    import random

    from PIL import Image

    noise = random.Random(seed).randbytes(2048 * 1536 * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (2048, 1536), noise).save(out, format="JPEG", quality=60)
    return out.getvalue()


def attach_photos(root: Path, count: int) -> list[str]:
    ws = Workspace.open(root)
    store = AttachmentStore.of(ws)
    hashes = [store.put_bytes(photo(i), f"photo-{i}.jpg").sha256 for i in range(count)]
    ws.close()
    return hashes


def photo_figures(ws: Workspace, hashes: list[str], out: dict[str, list[float]]) -> None:
    store = AttachmentStore.of(ws)
    shutil.rmtree(store.root / THUMBS_DIR, ignore_errors=True)
    for sha in hashes:
        size = store.path(sha).stat().st_size
        start = time.perf_counter()
        store.read_bytes(sha)
        out["photo read"].append((time.perf_counter() - start) * 1000 / (size / 1e6))
        out["thumbnail cold"] += timed(lambda s=sha: store.thumbnail(s, 240), 1)
        out["thumbnail cached"] += timed(lambda s=sha: store.thumbnail(s, 240), 1)
    for i in range(len(hashes)):
        data = photo(10_000 + i)
        start = time.perf_counter()
        stored = store.put_bytes(data, "new.jpg")
        out["photo store"].append((time.perf_counter() - start) * 1000 / (len(data) / 1e6))
        store.path(stored.sha256).unlink()  # the other side must store the same photo anew too


def figures(root: Path, label: str, rounds: int, hashes: list[str]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"open": [], "search": [], "import": [], "photo read": [], "thumbnail cold": [],
                                   "thumbnail cached": [], "photo store": []}
    for _ in range(5):  # opening: the workspace, its engine and the first page of the patient list
        start = time.perf_counter()
        ws = Workspace.open(root)
        RecordsService(ws).patients.page(0, 50)
        out["open"].append((time.perf_counter() - start) * 1000)
        ws.close()
    ws = Workspace.open(root)
    service = RecordsService(ws, today=lambda: dt.date(2025, 3, 1))
    service.patients.page(0, 50, search="a")  # warm-up (statement compilation), as bench/records.py
    for query in QUERIES:
        out["search"] += timed(lambda q=query: (service.patients.page(0, 50, search=q), service.patients.count(q)),
                               rounds)
    batch = [PatientRecord(name=f"{label} Import{i}", sex=Sex.FEMALE, birth_date=dt.date(1970, 1, 1 + i % 28))
             for i in range(500)]
    start = time.perf_counter()
    service.patients.save_records(batch)
    out["import"].append(500 / (time.perf_counter() - start))  # patients per second
    photo_figures(ws, hashes, out)
    ws.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--photos", type=int, default=30)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="cdss-bench-encryption-"))
    plain = scratch / "plain"
    ws = Workspace.open(plain)
    start = time.perf_counter()
    generate(ws, args.patients)
    ws.close()
    hashes = attach_photos(plain, args.photos)
    megabytes = sum((plain / "attachments" / h[:2] / h[2:4] / h).stat().st_size for h in hashes) / 1e6
    print(f"generated {args.patients} patients and {args.photos} photos ({megabytes:.0f} MB) in "
          f"{time.perf_counter() - start:.1f} s")
    encrypted = scratch / "encrypted"
    shutil.copytree(plain, encrypted)
    start = time.perf_counter()
    report = encrypt_workspace(encrypted, PASSPHRASE)
    print(f"encrypting the workspace ({report.rows} rows, {report.backups_converted} backups, "
          f"{report.attachments_sealed} attachment files): {time.perf_counter() - start:.1f} s")
    crypto.forget()
    unlock = []
    for _ in range(3):
        start = time.perf_counter()
        key = crypto.unlock(encrypted, PASSPHRASE)
        unlock.append((time.perf_counter() - start) * 1000)
    crypto.remember(encrypted, key)
    p = crypto.DEFAULT_PARAMS
    print(f"unlock (Argon2id t={p.time_cost}, {p.memory_kib // 1024} MiB, p={p.parallelism}): "
          f"median {sorted(unlock)[1]:.0f} ms")

    theirs = figures(plain, "Plain", args.rounds, hashes)
    ours = figures(encrypted, "Encrypted", args.rounds, hashes)
    print(f"{'':34}{'plain (peer)':>14}{'encrypted':>14}{'ratio':>8}")
    for name, key_name, unit in (("open + first page p50", "open", "ms"), ("search + count p50", "search", "ms"),
                                 ("search + count p99", "search", "ms"), ("import 500 patients", "import", "/s"),
                                 ("photo read p50", "photo read", "ms/MB"),
                                 ("photo store p50", "photo store", "ms/MB"),
                                 ("thumbnail from photo p50", "thumbnail cold", "ms"),
                                 ("thumbnail from cache p50", "thumbnail cached", "ms")):
        q = 99 if "p99" in name else 50
        a, b = percentile(theirs[key_name], q), percentile(ours[key_name], q)
        print(f"{name:34}{a:>9.2f} {unit:<5}{b:>9.2f} {unit:<5}{b / a:>7.2f}x")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
