"""Start-up time: process start -> first shown main window, median of N runs, offscreen platform.

Each run spawns `python -m exoconsult --data-dir <empty tmp dir>` with EXOCONSULT_BENCH_EXIT_AFTER_SHOW=1
and EXOCONSULT_BENCH_T0 set to the parent's time.time() taken just before the spawn, so the figure
includes interpreter start-up and every import. app.py prints the elapsed time from its main window's
first show event and quits. One JSON line per run (with --verbose) and one summary line.
Target: <= 1.0 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 1.0


def one_run(data_dir: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "EXOCONSULT_BENCH_EXIT_AFTER_SHOW": "1", "PYTHONPATH": str(REPO)}
    env["EXOCONSULT_BENCH_T0"] = repr(time.time())
    proc = subprocess.run([sys.executable, "-m", "exoconsult", "--data-dir", str(data_dir)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)
    for line in proc.stdout.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("event") == "first_window_shown":
            return float(event["seconds"])
    raise RuntimeError(f"no start-up figure (exit {proc.returncode}): {proc.stderr.strip()[-400:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--verbose", action="store_true", help="one JSON line per run as well")
    args = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory(prefix="exo-bench-startup-") as tmp:
        one_run(Path(tmp) / "warm-up")  # fills the OS file cache, as a clinic PC that ran the app before
        for n in range(args.runs):
            seconds = one_run(Path(tmp) / f"run-{n}")
            times.append(seconds)
            if args.verbose:
                print(json.dumps({"benchmark": "startup_run", "run": n, "seconds": round(seconds, 4)}))
    median = statistics.median(times)
    print(json.dumps({"benchmark": "startup", "runs": len(times), "median_seconds": round(median, 3),
                      "min_seconds": round(min(times), 3), "max_seconds": round(max(times), 3),
                      "cpus": os.cpu_count(), "target_seconds": TARGET_SECONDS,
                      "within_target": median <= TARGET_SECONDS}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
