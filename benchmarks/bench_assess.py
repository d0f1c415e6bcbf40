"""Benchmark the eligibility engine: one assessment, and re-assessing many cases after a parameter change.

Run from the repository root:  python benchmarks/bench_assess.py [--n 100000] [--runs 5000]
Prints one JSON object per line (figures in microseconds / seconds). Goal: one assessment <= 5 ms.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exoconsult.definitions.protocol import load_protocol  # noqa: E402
from exoconsult.domain.case import Case, parse_case  # noqa: E402
from exoconsult.paths import default_protocol_dir  # noqa: E402
from exoconsult.rules.engine import assess  # noqa: E402

TODAY = date(2026, 11, 24)
BASE: dict[str, Any] = {
    "format": "exoconsult-case/1", "assessed_on": "2026-11-24",
    "patient": {"family_name": "Yılmaz", "given_name": "Ahmet", "birth_date": "1988-03-02", "mrn": "B-1"},
    "history": {
        "partner_evaluated": True,
        "semen_analyses": [{"date": "2026-06-01", "centrifuged_pellet_examined": True, "sperm_seen": "none"},
                           {"date": "2026-07-15", "centrifuged_pellet_examined": True, "sperm_seen": "none"}],
        "hormone_panels": [{"date": "2026-07-20", "fsh": 24.1, "lh": 11.2,
                            "total_testosterone": {"value": 310, "unit": "ng/dL"}}],
        "testis_volume_method": "prader", "testis_right_volume_ml": 8, "testis_left_volume_ml": 9,
        "testis_right_long_axis_cm": 3.5, "testis_left_long_axis_cm": 3.6, "vas_deferens_palpable": "both",
        "varicocele": "none", "scrotal_ultrasound_done": True, "ultrasound_testicular_mass": False,
        "ultrasound_microlithiasis": "none", "karyotype": "46,XY", "y_microdeletion": "none", "cryptorchidism": "none",
        "sperm_retrieval_attempts": [{"date": "2025-03-10", "technique": "micro_tese", "sperm_found": False}],
        "testicular_cancer_history": False, "exogenous_testosterone_or_aas": "never", "antithrombotic": "none",
        "bleeding_disorder": False, "local_anaesthetic_allergy": False, "active_genital_infection": False,
        "active_malignancy": False, "uncontrolled_systemic_illness": False,
    },
}


def varied_case(rng: random.Random) -> dict[str, Any]:
    """A plausible variation of the base case, so the benchmark exercises different rule paths."""
    data = copy.deepcopy(BASE)
    h = data["history"]
    data["patient"]["birth_date"] = f"{rng.randint(1950, 2009)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    h["hormone_panels"][0]["fsh"] = round(rng.uniform(0.3, 45), 1)
    h["hormone_panels"][0]["lh"] = round(rng.uniform(0.3, 25), 1)
    h["testis_right_volume_ml"] = rng.randint(2, 25)
    h["varicocele"] = rng.choice(("none", "grade1", "grade2", "grade3"))
    h["y_microdeletion"] = rng.choice(("none", "none", "none", "azfc", "azfa", "not_done"))
    h["ultrasound_microlithiasis"] = rng.choice(("none", "none", "limited", "extensive"))
    if rng.random() < 0.2:
        h["exogenous_testosterone_or_aas"] = "stopped"
        h["testosterone_stopped_on"] = f"{rng.randint(2023, 2026)}-{rng.randint(1, 10):02d}-15"
    if rng.random() < 0.1:
        del h["partner_evaluated"]
    return data


def _emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="cases re-assessed after a parameter change")
    parser.add_argument("--runs", type=int, default=5_000, help="timed single assessments")
    parser.add_argument("--protocol", type=Path, default=default_protocol_dir())
    args = parser.parse_args()

    t0 = time.perf_counter()
    protocol = load_protocol(args.protocol)
    _emit(bench="load_protocol", seconds=round(time.perf_counter() - t0, 4), rules=len(protocol.rules))

    case = parse_case(BASE, today=TODAY)
    for _ in range(200):  # warm-up
        assess(protocol, case)
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter_ns()
        assess(protocol, case)
        samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    _emit(bench="assess_one", runs=args.runs, median_us=round(statistics.median(samples), 1),
          p95_us=round(samples[int(0.95 * (len(samples) - 1))], 1), max_us=round(samples[-1], 1),
          budget_us=5000)

    rng = random.Random(20261124)
    t0 = time.perf_counter()
    cases: list[Case] = [parse_case(varied_case(rng), today=TODAY) for _ in range(args.n)]
    parse_s = time.perf_counter() - t0
    _emit(bench="parse_cases", n=args.n, seconds=round(parse_s, 3), per_case_us=round(parse_s / args.n * 1e6, 1))

    changed = protocol.with_parameters("bench-" + protocol.sha256[:16], review_age_years=55, oa_fsh_max_iu_l=8.0)
    t0, cpu0 = time.perf_counter(), time.process_time()
    outcomes: dict[str, int] = {}
    for c in cases:
        verdict = assess(changed, c).outcome.value
        outcomes[verdict] = outcomes.get(verdict, 0) + 1
    total, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    # CPU time is reported too: on a busy machine wall-clock time mostly measures waiting for a core.
    _emit(bench="reassess_after_parameter_change", n=args.n, seconds=round(total, 3), cpu_seconds=round(cpu, 3),
          per_case_us=round(total / args.n * 1e6, 1), per_case_cpu_us=round(cpu / args.n * 1e6, 1),
          outcomes=outcomes, load_average_1min=round(os.getloadavg()[0], 2), cpus=os.cpu_count())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
