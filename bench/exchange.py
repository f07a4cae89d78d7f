"""Exchange server benchmark: a bounded mixed load on loopback against SQLite and PostgreSQL, in one run.

    .venv/bin/python bench/exchange.py                       # 16 clients for 20 s on each backend
    .venv/bin/python bench/exchange.py --clients 8 --seconds 5

Each backend gets a fresh database and one real ``cdss serve`` process (uvicorn, one worker) on 127.0.0.1. Every
client logs in as its own clinician and loops: 70 % feed reads (first page or a search), 20 % publishes (with an
Idempotency-Key), 10 % comments on a recent case. Prints requests/s, p50/p99 latency per operation and errors; the
two backends are each other's peer. PostgreSQL runs as a throwaway cluster when /usr/lib/postgresql/15/bin exists.
Time to sync 1,000 cases into an empty client waits for the client (cdss.exchange.client), not written yet.
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


def bench_backend(backend: str, db_url: str, tmp: Path, clients: int, seconds: float) -> dict[str, list[float]]:
    created = add_user_via_cli(db_url, "admin", ADMIN_PASSWORD, admin=True)
    if created.returncode != 0:
        raise SystemExit(created.stderr)
    server = ServerProcess(db_url=db_url, log_path=tmp / f"{backend}.log",
                           extra_args=("--login-failures-per-ip", "1000")).start()
    try:
        return asyncio.run(run_load(server.base_url, clients, seconds, seed=7))
    finally:
        server.stop()


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
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cdss-bench-exchange-"))
    print(f"{args.clients} concurrent clients, {args.seconds:.0f} s per backend, one uvicorn worker, loopback")
    results = {"sqlite": bench_backend("sqlite", f"sqlite:///{tmp / 'bench.sqlite3'}", tmp, args.clients,
                                       args.seconds)}
    if not args.skip_postgresql and (PG_BIN / "initdb").exists():
        cluster = PostgresCluster()
        cluster.start()
        try:
            results["postgresql"] = bench_backend("postgresql", cluster.new_database_url(), tmp, args.clients,
                                                  args.seconds)
        finally:
            cluster.stop()
    else:
        print("PostgreSQL: skipped (no /usr/lib/postgresql/15/bin or --skip-postgresql)")
    for backend, latencies in results.items():
        report(backend, latencies, args.seconds)
    if len(results) == 2:
        rates = {b: sum(len(v) for v in lat.values()) for b, lat in results.items()}
        print(f"\npostgresql / sqlite throughput ratio: {rates['postgresql'] / max(1, rates['sqlite']):.2f}")
    print("\nTime to sync 1,000 cases into an empty client: not measured (needs cdss.exchange.client).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
