"""Exchange server benchmark: a bounded mixed load on loopback against SQLite and PostgreSQL, in one run.

    .venv/bin/python bench/exchange.py                       # 16 clients for 20 s on each backend
    .venv/bin/python bench/exchange.py --clients 8 --seconds 5

Each backend gets a fresh database and one real ``cdss serve`` process (uvicorn, one worker) on 127.0.0.1. Every
client logs in as its own clinician and loops: 70 % feed reads (first page or a search), 20 % publishes (with an
Idempotency-Key), 10 % comments on a recent case. Prints requests/s, p50/p99 latency per operation and errors; the
two backends are each other's peer. PostgreSQL runs as a throwaway cluster when /usr/lib/postgresql/15/bin exists.

Then, on a fresh server per backend, the time to sync 1,000 cases (``--sync-cases``): one client workspace shares
1,000 de-identified cases (queued with consent, not timed) and ``sync`` pushes its outbox; a second, empty client
workspace syncs until it has pulled all of them. Its peer, measured in the same run against the same server, is the
raw HTTP floor: the same 1,000 payloads POSTed back to back with httpx, and the same feed walked page by page.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.integration.exchange.servers import (  # noqa: E402  (after the sys.path line above)
    PG_BIN,
    PostgresCluster,
    ServerProcess,
    add_user_via_cli,
    case_body,
)

ADMIN_PASSWORD = "bench-admin-password"
USER_PASSWORD = "bench-user-password"
MAX_PULL_SYNCS = 20  # the client pulls at most 1,000 cases per sync; bounded so a bug cannot loop forever


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


async def run_load(base_url: str, clients: int, seconds: float, seed: int) -> dict[str, list[float]]:
    latencies: dict[str, list[float]] = {"feed": [], "publish": [], "comment": [], "error": []}
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0,
                                 limits=httpx.Limits(max_connections=clients + 4)) as http:
        admin = (await http.post("/v1/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD})).json()
        admin_headers = {"Authorization": f"Bearer {admin['access_token']}"}
        tokens = []
        for i in range(clients):
            name = f"bench-{i}"
            await http.post("/v1/users", headers=admin_headers,
                            json={"name": name, "password": USER_PASSWORD, "approve": True})
            login = await http.post("/v1/auth/login", json={"username": name, "password": USER_PASSWORD})
            tokens.append(login.json()["access_token"])
        # A few cases to read and comment on from the first second.
        recent: list[str] = []
        for _ in range(20):
            body = case_body()
            await http.post("/v1/cases", json=body, headers=admin_headers)
            recent.append(body["case_uuid"])

        deadline = time.monotonic() + seconds

        async def client(index: int) -> None:
            rng = random.Random(seed + index)
            headers = {"Authorization": f"Bearer {tokens[index]}"}
            while time.monotonic() < deadline:
                roll = rng.random()
                started = time.perf_counter()
                if roll < 0.7:
                    kind = "feed"
                    params = {"q": rng.choice(["cough", "case", "synthetic"])} if rng.random() < 0.3 else {}
                    response = await http.get("/v1/cases", params=params, headers=headers)
                elif roll < 0.9:
                    kind = "publish"
                    body = case_body(specialty=rng.choice(["neurology", "cardiology", "general"]))
                    response = await http.post("/v1/cases", json=body,
                                               headers={**headers, "Idempotency-Key": uuid.uuid4().hex})
                    if response.status_code == 201:
                        recent.append(body["case_uuid"])
                        del recent[:-200]
                else:
                    kind = "comment"
                    response = await http.post(f"/v1/cases/{rng.choice(recent)}/comments",
                                               json={"body": "Benchmark comment."}, headers=headers)
                elapsed = time.perf_counter() - started
                latencies[kind if response.status_code < 400 else "error"].append(elapsed)

        await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies


@contextmanager
def running_server(db_url: str, log_path: Path) -> Iterator[ServerProcess]:
    """A server with an admin account on ``db_url``, stopped afterwards."""
    created = add_user_via_cli(db_url, "admin", ADMIN_PASSWORD, admin=True)
    if created.returncode != 0:
        raise SystemExit(created.stderr)
    server = ServerProcess(db_url=db_url, log_path=log_path, extra_args=("--login-failures-per-ip", "1000")).start()
    try:
        yield server
    finally:
        server.stop()


def bench_backend(backend: str, db_url: str, tmp: Path, clients: int, seconds: float) -> dict[str, list[float]]:
    with running_server(db_url, tmp / f"{backend}.log") as server:
        return asyncio.run(run_load(server.base_url, clients, seconds, seed=7))


def sync_backend(backend: str, db_url: str, tmp: Path, cases: int) -> dict[str, float]:
    with running_server(db_url, tmp / f"sync-{backend}.log") as server:
        return bench_sync(server.base_url, tmp / f"sync-{backend}", cases)


def _make_user(http: httpx.Client, admin_token: str, name: str) -> None:
    created = http.post("/v1/users", headers={"Authorization": f"Bearer {admin_token}"},
                        json={"name": name, "password": USER_PASSWORD, "approve": True})
    created.raise_for_status()


def _queue_shares(workspace, cases: int) -> None:
    """``cases`` synthetic patients with one case each, shared with consent (de-identified and queued, not sent)."""
    import datetime as dt

    from cdss.exchange.client.share import share_case
    from cdss.records.service import RecordsService
    from cdss.records.types import Case, Entry, EntryKind, PatientRecord, Sex

    records = RecordsService(workspace)
    rng = random.Random(11)
    patients = [PatientRecord(
        name=f"测试患者{i:04d}", sex=rng.choice([Sex.FEMALE, Sex.MALE]),
        birth_date=dt.date(1950 + i % 50, 1 + i % 12, 3), phone=f"1380000{i:04d}",
        cases=(Case(title=f"Synthetic case {i}: exertional dyspnoea", opened_on=dt.date(2025, 1, 1 + i % 28),
                    tags=("cardiology", "synthetic"),
                    entries=(Entry(EntryKind.COMPLAINT, dt.datetime(2025, 1, 1 + i % 28, 9),
                                   f"Synthetic: breathless on stairs for {1 + i % 9} weeks; no real patient."),)),))
        for i in range(cases)]
    outcome = records.patients.save_records(patients, skip_duplicates=False)
    for patient_id in outcome.added:
        case_id = records.patients.get(patient_id).cases[0].id
        share_case(workspace, case_id, consent_recorded=True)


def bench_sync(base_url: str, tmp: Path, cases: int) -> dict[str, float]:
    from cdss.exchange.client.http import ExchangeClient
    from cdss.exchange.client.outbox import list_outbox
    from cdss.exchange.client.sync import sync
    from cdss.workspace import Workspace

    tmp.mkdir(parents=True, exist_ok=True)
    with httpx.Client(base_url=base_url, timeout=30.0) as http:
        admin = http.post("/v1/auth/login", json={"username": "admin", "password": ADMIN_PASSWORD}).json()
        for name in ("author", "reader", "raw"):
            _make_user(http, admin["access_token"], name)
    author_ws, reader_ws = Workspace.open(tmp / "author"), Workspace.open(tmp / "reader")
    started = time.perf_counter()
    _queue_shares(author_ws, cases)
    prepare_s = time.perf_counter() - started
    payloads = [item.payload for item in list_outbox(author_ws)]
    figures: dict[str, float] = {"cases": cases, "prepare_s": prepare_s}
    with ExchangeClient(author_ws, base_url) as author, ExchangeClient(reader_ws, base_url) as reader:
        author.login("author", USER_PASSWORD)
        reader.login("reader", USER_PASSWORD)
        started = time.perf_counter()
        pushed = sync(author_ws, author)
        figures["push_s"] = time.perf_counter() - started
        if pushed.pushed != cases or pushed.failed:
            raise SystemExit(f"sync pushed {pushed.pushed}/{cases}, refused {pushed.failed[:3]}")
        started, received = time.perf_counter(), 0
        for _ in range(MAX_PULL_SYNCS):
            received += sync(reader_ws, reader).received
            if received >= cases:
                break
        figures["pull_s"] = time.perf_counter() - started
        figures["pulled"] = received
    author_ws.close()
    reader_ws.close()
    figures.update(_raw_http_peer(base_url, payloads))
    return figures


def _raw_http_peer(base_url: str, payloads: list[dict]) -> dict[str, float]:
    """The same payloads POSTed back to back, and the feed walked page by page: no outbox, no local database."""
    with httpx.Client(base_url=base_url, timeout=30.0) as http:
        token = http.post("/v1/auth/login", json={"username": "raw", "password": USER_PASSWORD}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        started = time.perf_counter()
        for payload in payloads:
            response = http.post("/v1/cases", json={**payload, "case_uuid": str(uuid.uuid4())},
                                 headers={**headers, "Idempotency-Key": uuid.uuid4().hex})
            response.raise_for_status()
        raw_push_s = time.perf_counter() - started
        started, seen, cursor = time.perf_counter(), 0, None
        while seen < len(payloads):
            params = {"limit": 50, **({"cursor": cursor} if cursor else {})}
            page = http.get("/v1/cases", params=params, headers=headers).json()
            seen += len(page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        raw_pull_s = time.perf_counter() - started
    return {"raw_push_s": raw_push_s, "raw_pull_s": raw_pull_s}


def report_sync(backend: str, figures: dict[str, float]) -> None:
    cases = int(figures["cases"])
    total = figures["push_s"] + figures["pull_s"]
    raw_total = figures["raw_push_s"] + figures["raw_pull_s"]
    print(f"\n{backend}: sync {cases:,} cases (queued in {figures['prepare_s']:.1f} s, not timed)")
    print(f"  push (client A outbox → server)  {figures['push_s']:6.2f} s  {cases / figures['push_s']:7.0f} cases/s")
    print(f"  pull (empty client B ← server)   {figures['pull_s']:6.2f} s  {cases / figures['pull_s']:7.0f} cases/s"
          f"  ({int(figures['pulled'])} received)")
    print(f"  total                            {total:6.2f} s  {cases / total:7.0f} cases/s")
    print(f"  peer: raw httpx POSTs            {figures['raw_push_s']:6.2f} s  "
          f"{cases / figures['raw_push_s']:7.0f} cases/s;  raw feed walk {figures['raw_pull_s']:.2f} s")
    print(f"  sync / raw HTTP throughput ratio: push {figures['raw_push_s'] / figures['push_s']:.2f}, "
          f"pull {figures['raw_pull_s'] / figures['pull_s']:.2f}, total {raw_total / total:.2f}")


def report(backend: str, latencies: dict[str, list[float]], seconds: float) -> None:
    total = sum(len(v) for v in latencies.values())
    print(f"\n{backend}: {total / seconds:,.0f} requests/s over {seconds:.0f} s ({total} requests, "
          f"{len(latencies['error'])} errors)")
    for kind in ("feed", "publish", "comment"):
        values = latencies[kind]
        if values:
            print(f"  {kind:8s} n={len(values):6d}  p50 {percentile(values, 0.5) * 1000:7.1f} ms  "
                  f"p99 {percentile(values, 0.99) * 1000:7.1f} ms  mean {statistics.fmean(values) * 1000:7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--skip-postgresql", action="store_true")
    parser.add_argument("--sync-cases", type=int, default=1000, help="cases for the sync timing (0 skips it)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cdss-bench-exchange-"))
    print(f"{args.clients} concurrent clients, {args.seconds:.0f} s per backend, one uvicorn worker, loopback")
    results = {"sqlite": bench_backend("sqlite", f"sqlite:///{tmp / 'bench.sqlite3'}", tmp, args.clients,
                                       args.seconds)}
    syncs = {}
    if args.sync_cases > 0:
        syncs["sqlite"] = sync_backend("sqlite", f"sqlite:///{tmp / 'sync.sqlite3'}", tmp, args.sync_cases)
    if not args.skip_postgresql and (PG_BIN / "initdb").exists():
        cluster = PostgresCluster()
        cluster.start()
        try:
            results["postgresql"] = bench_backend("postgresql", cluster.new_database_url(), tmp, args.clients,
                                                  args.seconds)
            if args.sync_cases > 0:
                syncs["postgresql"] = sync_backend("postgresql", cluster.new_database_url(), tmp, args.sync_cases)
        finally:
            cluster.stop()
    else:
        print("PostgreSQL: skipped (no /usr/lib/postgresql/15/bin or --skip-postgresql)")
    for backend, latencies in results.items():
        report(backend, latencies, args.seconds)
    if len(results) == 2:
        rates = {b: sum(len(v) for v in lat.values()) for b, lat in results.items()}
        print(f"\npostgresql / sqlite throughput ratio: {rates['postgresql'] / max(1, rates['sqlite']):.2f}")
    for backend, figures in syncs.items():
        report_sync(backend, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
