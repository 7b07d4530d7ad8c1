"""The notebooks with explorers run to the end under the executors other tools use.

nbgrader, papermill, book builders and ``jupyter nbconvert --execute`` all drive the kernel
through nbclient, by default with no cell timeout.  nbclient answers output captured by an
ipywidgets ``Output`` widget (``with out: display(...)``) by sending a ``comm_msg`` on the shell
socket, while it awaits the cell's ``execute_reply`` on that same socket.  jupyter_client sends
it through a blocking shadow of the asyncio socket, so when the reply has just arrived the send
can swallow the socket's (edge-triggered) wake-up: the reply sits in the socket, the kernel is
idle, and the client waits forever (2 of 32 ``nbconvert --execute`` runs of notebook 05; a
40-cell notebook of such captures hung in 5 of 8 runs).  The explorer therefore never captures
output while a cell runs; these tests check that deterministically (no shell message besides
the execute requests, so one run per notebook is enough) and run the notebooks end to end
under a wall-clock guard, so that a hang fails the test instead of stalling CI.

Each run is a child process (``python tests/test_executors.py NOTEBOOK``); on the guard's expiry
the child is asked (SIGUSR1) where it waits before it is stopped.
"""
from __future__ import annotations

import json
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ["02_forward-map.ipynb", "05_stride-padding-dilation.ipynb"]
GUARD = 240  # seconds per run; one run takes 10-30 s on a loaded 2-core machine
pytestmark = pytest.mark.slow



def child_env():
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # the notebook's own %matplotlib inline decides
    return env


def run_guarded(command, guard, ask_where=False, **kwargs):
    """Run ``command``; fail if it outlives ``guard`` (first asking an nbclient child where it waits)."""
    child = subprocess.Popen([str(part) for part in command], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=child_env(), **kwargs)
    start = time.monotonic()
    try:
        out, err = child.communicate(timeout=guard)
    except subprocess.TimeoutExpired:
        if ask_where:
            child.send_signal(signal.SIGUSR1)  # execute() below prints where it waits
            time.sleep(3)
        child.terminate()  # nbclient shuts its kernel down on SIGTERM
        try:
            out, err = child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
        pytest.fail(f"{' '.join(map(str, command[1:4]))} still running after {guard} s "
                    f"(hung):\n{err[-3000:]}")
    assert child.returncode == 0, f"exit {child.returncode}:\n{err[-3000:]}"
    return out, time.monotonic() - start


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_nbclient_with_its_defaults_runs_the_notebook_to_the_end(notebook):
    out, _ = run_guarded([sys.executable, __file__, ROOT / "notebooks" / notebook], GUARD,
                         ask_where=True)
    report = json.loads(out.splitlines()[-1])
    assert report["cells"] > 10
    # nbclient's only shell messages besides its requests are its Output-widget replies, which
    # race with the execute_reply (see the module docstring): none may be sent
    assert not report["shell_sends_while_waiting"], (
        "nbclient sent these on the shell socket while awaiting an execute_reply (output was "
        f"captured by an Output widget; this can hang the run): {report['shell_sends_while_waiting']}")


def test_nbconvert_execute_as_users_run_it(tmp_path):
    """``jupyter nbconvert --to notebook --execute`` with a cell timeout, as users set one.

    With a timeout a lost wake-up does not hang: the client sees the reply only when the cell's
    timeout expires, so the run silently sits idle that long between two cells.  The executed
    notebook's cell timings (kernel clock) show such a gap.
    """
    timeout = 60
    notebook = ROOT / "notebooks" / "05_stride-padding-dilation.ipynb"
    jupyter = pathlib.Path(sys.executable).with_name("jupyter")
    run_guarded([jupyter, "nbconvert", "--to", "notebook", "--execute", notebook,
                 f"--ExecutePreprocessor.timeout={timeout}", "--output-dir", tmp_path,
                 "--output", "executed"], 300, cwd=tmp_path)
    executed = json.loads((tmp_path / "executed.ipynb").read_text())
    code = [cell for cell in executed["cells"] if cell["cell_type"] == "code"]
    assert all(cell["execution_count"] for cell in code)
    assert not [out for cell in code for out in cell["outputs"] if out["output_type"] == "error"]
    timings = [cell["metadata"]["execution"] for cell in code]
    gaps = [seconds_between(before["iopub.status.idle"], after["iopub.status.busy"])
            for before, after in zip(timings, timings[1:])]
    assert max(gaps) < timeout / 2, (
        f"the client sat {max(gaps):.0f} s between two cells (cell timeout {timeout} s): a lost "
        "wake-up on the shell socket")


def seconds_between(earlier, later):
    from datetime import datetime

    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()


# --------------------------------------------------------------------------- the child process
def execute(path):
    """Run ``path`` with nbclient's defaults (no timeout, widget state stored), as nbconvert does.

    Prints one JSON line: how many code cells ran and every shell message sent while a reply
    was awaited.  On SIGUSR1 prints (stderr) the cell it is in and whether a reply is waiting
    unread in the shell socket.
    """
    import nbformat
    import zmq
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    state = {"cell": None, "cells": 0, "sends": []}

    def on_cell_execute(cell, cell_index):
        state["cell"], state["cells"] = cell_index, state["cells"] + 1

    def on_notebook_start(notebook):
        channel = client.kc.shell_channel
        send = channel.send

        def counting_send(msg):
            if msg["header"]["msg_type"] not in {"execute_request", "kernel_info_request"}:
                state["sends"].append(f"cell {state['cell']}: {msg['header']['msg_type']}")
            send(msg)

        channel.send = counting_send

    def where(signum, frame):
        cell = nb.cells[state["cell"]] if state["cell"] is not None else None
        socket = client.kc.shell_channel.socket if client.kc else None
        waiting = bool(socket.get(zmq.EVENTS) & zmq.POLLIN) if socket is not None else None
        print(f"waiting in cell {state['cell']} ({cell.source.splitlines()[0] if cell else ''!r}); "
              f"a shell reply is waiting unread in the socket: {waiting}; shell sends while "
              f"awaiting a reply: {state['sends']}", file=sys.stderr, flush=True)

    client = NotebookClient(nb, kernel_name="python3", on_cell_execute=on_cell_execute,
                            on_notebook_start=on_notebook_start,
                            resources={"metadata": {"path": str(path.parent)}})
    signal.signal(signal.SIGUSR1, where)
    client.execute()
    print(json.dumps({"cells": state["cells"], "shell_sends_while_waiting": state["sends"]}))


if __name__ == "__main__":
    execute(pathlib.Path(sys.argv[1]).resolve())
