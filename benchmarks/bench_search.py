"""Search latency over 100,000 patients in SQLite: p50/p95 per keystroke for 1-, 3- and 6-letter inputs.

Patients are bulk-inserted through the storage layer's own token builder (bypassing the audit: this
measures reads, and 100,000 audited single-row transactions would only measure fsync). Queries go
through PatientService.search, exactly as the GUI's search box does.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._accounts import bench_actor  # noqa: E402
from exoconsult.clock import SystemClock  # noqa: E402
from exoconsult.config import DataDir  # noqa: E402
from exoconsult.domain.patient import PatientData, search_tokens  # noqa: E402
from exoconsult.domain.people import Role  # noqa: E402
from exoconsult.domain.text import fold  # noqa: E402
from exoconsult.services.clinic import open_context  # noqa: E402
from exoconsult.services.history.patients import PatientService  # noqa: E402

FAMILY = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan",
          "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Işık", "Polat", "Erdoğan",
          "Güneş", "Aksoy", "Smith", "Müller", "Petrov", "O'Brien", "García"]
GIVEN = ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman", "Yusuf", "Murat",
         "Ömer", "Ramazan", "Emre", "Burak", "Çağlar", "Oğuz", "Uğur", "Barış", "Serkan", "Can", "Deniz", "James", "Ivan"]


def populate(ctx, n: int, rng: random.Random) -> None:
    from exoconsult.storage.orm import PatientRow, PatientTokenRow

    now = SystemClock().now()
    with ctx.db.write_engine.begin() as conn:
        patients, tokens = [], []
        for i in range(1, n + 1):
            family = rng.choice(FAMILY) + ("" if rng.random() < 0.7 else rng.choice(["oğlu", "er", "can", "soy"]))
            data = PatientData(family_name=family, given_name=rng.choice(GIVEN),
                               birth_date=date(1950, 1, 1) + timedelta(days=rng.randrange(20000)), mrn=f"B{i:07d}")
            patients.append({"id": i, "mrn": data.mrn, "family_name": data.family_name, "given_name": data.given_name,
                             "birth_date": data.birth_date, "sex": "male", "national_id": "", "phone": "", "email": "",
                             "preferred_language": "tr", "needs_interpreter": False,
                             "search_name": fold(f"{data.family_name} {data.given_name}"),
                             "created_at": now, "updated_at": now, "row_version": 1})
            tokens.extend({"patient_id": i, "token": t, "sort_key": patients[-1]["search_name"]} for t in search_tokens(data))
        conn.execute(PatientRow.__table__.insert(), patients)
        conn.execute(PatientTokenRow.__table__.insert(), tokens)
    with ctx.db.write_engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def measure(service, actor, queries: list[str]) -> dict[str, float]:
    times = []
    for q in queries:
        start = time.perf_counter()
        service.search(actor, q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
            "max_ms": round(times[-1], 2)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(DataDir(Path(tmp) / "data"))
        start = time.perf_counter()
        populate(ctx, args.patients, rng)
        fill_s = time.perf_counter() - start
        service = PatientService(ctx)
        actor = bench_actor(ctx, Role.NURSE)
        # Real name prefixes as a person types them (Turkish letters folded or not).
        words = [fold(w) for w in FAMILY + GIVEN]
        results = {}
        for length in (1, 3, 6):
            pool = [w[:length] for w in words if len(w) >= length]
            results[f"{length}_letter"] = measure(service, actor, [rng.choice(pool) for _ in range(args.queries)])
        ctx.close()
    print(json.dumps({"benchmark": "search", "patients": args.patients, "fill_seconds": round(fill_s, 1),
                      **results, "target_p95_ms": 30}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
