"""scripts/footprint.py: a kernel's peak memory and CPU time, checked on notebooks of known cost."""
from __future__ import annotations

import pathlib
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from scripts_module import load_script

ROOT = pathlib.Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux /proc")


footprint = load_script("footprint")


def _notebook(tmp_path, name, *sources):
    path = tmp_path / name
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in sources]), path)
    return path


def test_peak_memory_and_cpu_of_a_kernel_that_allocates_and_spins(tmp_path):
    idle = footprint.measure(_notebook(tmp_path, "idle.ipynb", "x = 1"))
    # 300 MiB touched (ones, not zeros: untouched pages would not count) then freed,
    # then about 1.5 s of pure-Python CPU
    busy = footprint.measure(_notebook(
        tmp_path, "busy.ipynb",
        "import numpy as np\na = np.ones(300 * 2**20 // 8)\ndel a",
        "import time\nt = time.process_time()\nwhile time.process_time() - t < 1.5:\n    pass"))
    assert busy["peak_mib"] - idle["peak_mib"] >= 290, (idle, busy)  # freed, still the peak
    assert busy["cpu_s"] - idle["cpu_s"] >= 1.4, (idle, busy)
    assert idle["peak_mib"] >= idle["kernel_start_mib"] > 10
    assert busy["wall_s"] >= 1.5


def test_totals_and_table():
    rows = [{"notebook": "01_a.ipynb", "kernel_start_mib": 50.0, "peak_mib": 100.4, "cpu_s": 2.0,
             "wall_s": 3.0},
            {"notebook": "02_b.ipynb", "kernel_start_mib": 50.0, "peak_mib": 300.0, "cpu_s": 5.5,
             "wall_s": 6.0}]
    total = footprint.totals(rows)
    assert total == {"notebooks": 2, "max_peak_mib": 300.0, "sum_peak_mib": 400.4, "cpu_s": 7.5,
                     "wall_s": 9.0}
    table = footprint.markdown(rows, total).splitlines()
    assert table[2] == "| 01_a | 100 | 2.0 | 3.0 |"
    assert table[-1].startswith(
        "| **whole course** | **300** one at a time, 400 all left open | **8** |")


def test_repeated_runs_give_ranges():
    def run(peak, cpu, wall):
        return [{"notebook": "01_a.ipynb", "kernel_start_mib": 50.0, "peak_mib": peak,
                 "cpu_s": cpu, "wall_s": wall}]
    table = footprint.range_markdown([run(100.2, 2.04, 3.0), run(120.0, 1.5, 3.04)]).splitlines()
    assert table[2] == "| 01_a | 100–120 | 1.5–2.0 | 3.0 |"  # equal when rounded: one number
    assert table[-1] == "| **whole course** | **100–120** one at a time, 100–120 all left open " \
                        "| **2** | 3 |"


def test_machine_and_load_are_named():
    assert "CPUs" in footprint.machine() and "Python" in footprint.machine()
    assert len(footprint.load().split(" / ")) == 3
