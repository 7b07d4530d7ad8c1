"""Measure what one student costs a JupyterHub: each notebook run top to bottom in a fresh kernel.

    .venv/bin/python scripts/footprint.py                      # every notebook, a Markdown table
    .venv/bin/python scripts/footprint.py notebooks/11_*.ipynb
    .venv/bin/python scripts/footprint.py --json footprint.json

For each notebook it starts a new ``python3`` kernel (as a student's "Restart and Run All"
does), runs every cell, and reads from the kernel process itself (Linux ``/proc``):

* **peak memory**: the kernel's resident-set high-water mark (``VmHWM``), the number a
  hub's per-user memory limit must cover; also its size right after start;
* **CPU seconds**: user + system time the kernel used (all its threads, BLAS included);
* wall seconds, for orientation only (it depends on how busy the machine is).

``--repeat N`` runs the whole course N times and gives every number as min–max; the output
names the machine (CPU, cores, memory, Python, PyTorch or not) and its load average before
and after each run, since CPU and wall time move with what else the machine does.

Nothing is saved into the notebooks.  The totals: CPU seconds for the whole course, the
largest peak (one notebook open at a time) and the sum of the peaks (a student who leaves
every kernel running).  `make footprint` runs it; the README's table comes from it.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import sys
import time

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _status_kib(pid: int, field: str) -> int:
    """A ``VmXxx`` line of /proc/<pid>/status, in KiB."""
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(f"{field} not in /proc/{pid}/status")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads), from /proc/<pid>/stat."""
    stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


class _Meter:
    """nbclient hooks that read the kernel process after it starts and after every cell."""

    def __init__(self):
        self.client = None
        self.pid = None
        self.start_mib = None
        self.peak_mib = None
        self.cpu_s = None

    def started(self, **_):
        self.pid = self.client.km.provisioner.pid
        self.start_mib = _status_kib(self.pid, "VmRSS") / 1024

    def cell_done(self, **_):
        self.peak_mib = _status_kib(self.pid, "VmHWM") / 1024  # never decreases
        self.cpu_s = _cpu_seconds(self.pid)                   # cumulative


def measure(path: pathlib.Path, timeout: int = 1200) -> dict:
    """Run notebook ``path`` in a fresh kernel; its peak memory (MiB), CPU and wall seconds."""
    nb = nbformat.read(path, as_version=4)
    meter = _Meter()
    # store_widget_state=True: nbclient raises KeyError when an Output widget captures
    # output without it (see scripts/execute_notebooks.py); nothing is written anyway.
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}},
                            on_notebook_start=meter.started, on_cell_executed=meter.cell_done)
    meter.client = client
    started = time.monotonic()
    client.execute()
    wall = time.monotonic() - started
    return {"notebook": path.name, "kernel_start_mib": round(meter.start_mib, 1),
            "peak_mib": round(meter.peak_mib, 1), "cpu_s": round(meter.cpu_s, 1),
            "wall_s": round(wall, 1)}


def totals(rows: list[dict]) -> dict:
    return {"notebooks": len(rows),
            "max_peak_mib": max(row["peak_mib"] for row in rows),
            "sum_peak_mib": round(sum(row["peak_mib"] for row in rows), 1),
            "cpu_s": round(sum(row["cpu_s"] for row in rows), 1),
            "wall_s": round(sum(row["wall_s"] for row in rows), 1)}


def markdown(rows: list[dict], total: dict) -> str:
    lines = ["| notebook | peak memory (MiB) | CPU s | wall s |", "|---|--:|--:|--:|"]
    for row in rows:
        lines.append(f"| {row['notebook'].removesuffix('.ipynb')} | {row['peak_mib']:.0f} | "
                     f"{row['cpu_s']:.1f} | {row['wall_s']:.1f} |")
    lines.append(f"| **whole course** | **{total['max_peak_mib']:.0f}** one at a time, "
                 f"{total['sum_peak_mib']:.0f} all left open | **{total['cpu_s']:.0f}** | "
                 f"{total['wall_s']:.0f} |")
    return "\n".join(lines)


def _span(values, digits):
    low, high = min(values), max(values)
    text = f"{low:.{digits}f}"
    return text if f"{high:.{digits}f}" == text else f"{text}–{high:.{digits}f}"


def range_markdown(runs: list[list[dict]]) -> str:
    """The table over repeated runs (each a list of rows, same notebooks): min–max per cell."""
    lines = ["| notebook | peak memory (MiB) | CPU s | wall s |", "|---|--:|--:|--:|"]
    for rows in zip(*runs):
        lines.append(f"| {rows[0]['notebook'].removesuffix('.ipynb')} | "
                     f"{_span([r['peak_mib'] for r in rows], 0)} | "
                     f"{_span([r['cpu_s'] for r in rows], 1)} | "
                     f"{_span([r['wall_s'] for r in rows], 1)} |")
    sums = [totals(rows) for rows in runs]
    lines.append(f"| **whole course** | **{_span([t['max_peak_mib'] for t in sums], 0)}** one at "
                 f"a time, {_span([t['sum_peak_mib'] for t in sums], 0)} all left open | "
                 f"**{_span([t['cpu_s'] for t in sums], 0)}** | "
                 f"{_span([t['wall_s'] for t in sums], 0)} |")
    return "\n".join(lines)


def machine() -> str:
    """One line: the CPU, how many, the memory, Python, and whether PyTorch is importable."""
    model = next((line.split(":", 1)[1].strip() for line in
                  pathlib.Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next(int(line.split()[1]) for line in
                  pathlib.Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal")) / 2**20
    try:
        import importlib.util
        torch = "PyTorch installed" if importlib.util.find_spec("torch") else "no PyTorch"
    except (ImportError, ValueError):
        torch = "no PyTorch"
    return (f"{model}, {os.cpu_count()} CPUs, {memory:.0f} GiB, Python "
            f"{platform.python_version()}, {torch}")


def load() -> str:
    """The machine's load average (1, 5, 15 minutes): how busy it was while measuring."""
    return " / ".join(f"{v:.1f}" for v in os.getloadavg())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path,
                        help="notebooks to measure (default: notebooks/[0-9][0-9]_*.ipynb)")
    parser.add_argument("--json", metavar="FILE",
                        help="also write every number as JSON ('-' = stdout)")
    parser.add_argument("--timeout", type=int, default=1200, help="seconds per cell (default 1200)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run the whole course N times and give each number as min–max "
                             "(a shared machine's load moves CPU and wall time)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    if not pathlib.Path("/proc/self/status").exists():
        parser.error("needs Linux /proc to read a kernel's peak memory (a hub's nodes have it)")
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    os.environ.pop("MPLBACKEND", None)  # the notebooks' own %matplotlib inline decides
    runs, loads = [], [load()]
    for run in range(args.repeat):
        rows = []
        for path in paths:
            print(f"run {run + 1}/{args.repeat}: {path.name} ...", file=sys.stderr, flush=True)
            rows.append(measure(path, args.timeout))
            print(f"  peak {rows[-1]['peak_mib']:.0f} MiB, {rows[-1]['cpu_s']:.1f} CPU s",
                  file=sys.stderr, flush=True)
        runs.append(rows)
        loads.append(load())
    total = totals(runs[0])
    starts = [r["kernel_start_mib"] for rows in runs for r in rows]
    print(f"machine: {machine()}")
    print(f"load average (1/5/15 min) before, and after each run: {'; '.join(loads)}")
    print(f"kernel right after start: {min(starts):.0f} MiB")
    print(markdown(runs[0], total) if args.repeat == 1 else range_markdown(runs))
    if args.json:
        text = json.dumps({"machine": machine(), "load": loads, "runs": runs,
                           "notebooks": runs[0], "total": total}, indent=2)
        if args.json == "-":
            print(text)
        else:
            pathlib.Path(args.json).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
