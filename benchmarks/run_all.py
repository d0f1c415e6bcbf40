"""Run every benchmark (benchmarks/bench_*.py), print their JSON lines, and write the figures into the
README between the `<!-- benchmarks:start -->` and `<!-- benchmarks:end -->` markers."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE.parent / "README.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"


def run(script: Path) -> list[dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=1800)
    lines = []
    for line in proc.stdout.splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            continue
    if proc.returncode != 0:
        lines.append({"benchmark": script.stem, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]})
    return lines


def table(results: list[dict]) -> str:
    rows = ["| benchmark | figures |", "|---|---|"]
    for r in results:
        name = r.get("benchmark") or r.get("bench") or "?"
        figures = ", ".join(f"{k}: {v}" for k, v in r.items() if k not in ("benchmark", "bench"))
        rows.append(f"| {name} | {figures} |")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    return "\n".join([f"Measured {stamp} on {machine} by `./run bench`.", "", *rows])


def main() -> int:
    only = set(sys.argv[1:])
    results: list[dict] = []
    for script in sorted(HERE.glob("bench_*.py")):
        if only and script.stem not in only:
            continue
        print(f"running {script.name} ...", flush=True)
        for line in run(script):
            print(json.dumps(line, ensure_ascii=False))
            results.append(line)
    text = README.read_text(encoding="utf-8")
    if START in text and END in text and not only:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        README.write_text(f"{head}{START}\n{table(results)}\n{END}{tail}", encoding="utf-8")
        print(f"figures written to {README}")
    return 1 if any("error" in r for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
