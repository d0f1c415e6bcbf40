"""What a nurse and a urologist wait for on a demo clinic (20 patients at every stage, SQLite): the Today
view (median of 15 loads) and preparing + signing one consent as the signing dialog does (gates, password, render, seal, store; median of 5),
with the transactions and SQL statements each costs. Built with `exoconsult demo` itself."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event  # noqa: E402

from exoconsult.config import DataDir  # noqa: E402
from exoconsult.services.accounts.auth import AuthService  # noqa: E402
from exoconsult.services.clinic import open_context  # noqa: E402
from exoconsult.services.consent.consents import ConsentService  # noqa: E402
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS  # noqa: E402
from exoconsult.services.demo.step_60_consents import sign_consent as _sign  # noqa: E402
from exoconsult.services.today.today import TodayService  # noqa: E402


class Counter:
    def __init__(self, engines) -> None:
        self.engines, self.begins, self.statements = engines, 0, 0

    def _begin(self, *_a) -> None:
        self.begins += 1

    def _statement(self, *_a) -> None:
        self.statements += 1

    def __enter__(self) -> Counter:
        for e in self.engines:
            event.listen(e, "begin", self._begin)
            event.listen(e, "before_cursor_execute", self._statement)
        return self

    def __exit__(self, *_exc) -> None:
        for e in self.engines:
            event.remove(e, "begin", self._begin)
            event.remove(e, "before_cursor_execute", self._statement)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "clinic"
        subprocess.run([sys.executable, "-m", "exoconsult", "demo", "--no-launch", "--data-dir", str(root)],
                       check=True, capture_output=True, cwd=Path(__file__).resolve().parents[1])
        ctx = open_context(DataDir(root))
        try:
            auth = AuthService(ctx)
            nurse = auth.login("nurse", DEMO_ACCOUNTS["nurse"][4])
            urologist = auth.login("urologist", DEMO_ACCOUNTS["urologist"][4])
            engines = {ctx.db.write_engine, ctx.db.read_engine}
            today = TodayService(ctx)
            overview = today.overview(nurse)
            times = []
            for _ in range(15):
                start = time.perf_counter()
                today.overview(nurse)
                times.append(time.perf_counter() - start)
            with Counter(engines) as today_counts:
                today.overview(nurse)
            signed = [c for c in ConsentService(ctx).list(urologist) if c.status == "signed"]
            patient = signed[0].patient_id
            name = signed[0].patient_name.split(", ")
            sign_times = []
            for _ in range(5):
                start = time.perf_counter()
                _sign(ctx, urologist, nurse, patient, signed[0].language, f"{name[1]} {name[0]}")
                sign_times.append(time.perf_counter() - start)
            with Counter(engines) as sign_counts:
                _sign(ctx, urologist, nurse, patient, signed[0].language, f"{name[1]} {name[0]}")
        finally:
            ctx.close()
    print(json.dumps({"benchmark": "today_view", "patients": len(overview.consultations),
                      "median_ms": round(statistics.median(times) * 1000, 1),
                      "transactions": today_counts.begins, "sql_statements": today_counts.statements}))
    print(json.dumps({"benchmark": "prepare_and_sign_consent", "median_ms": round(statistics.median(sign_times) * 1000, 1),
                      "transactions": sign_counts.begins, "sql_statements": sign_counts.statements}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
