"""Re-run notebooks top to bottom in a clean kernel and save them with their outputs.

    .venv/bin/python scripts/execute_notebooks.py                 # every notebook
    .venv/bin/python scripts/execute_notebooks.py notebooks/03_*.ipynb

Saves execution counts 1..n, no widget state and no timing metadata, so the committed
files diff cleanly and nbval compares them exactly.  (`make notebooks` calls this.)  The
kernels see an empty ``CONVKIT_STUDENT_DIR`` (a fresh temporary folder): a layer you saved
with notebook 10's ``ex10.save_layer`` never reaches the committed outputs of notebook 11.
"""
from __future__ import annotations

import os
import pathlib
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.jsonutil import json_clean
from nbclient.output_widget import OutputWidget

ROOT = pathlib.Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class _OutputWidget(OutputWidget):
    """nbclient's stand-in for a front end's Output widget, replying through the asyncio socket.

    When a cell's output is captured by an Output widget (``with out: display(...)``), nbclient
    answers each output with a ``comm_msg`` on the shell socket, sent by ``Session.send``
    through a *blocking shadow* of the asyncio socket on which the client is awaiting the cell's
    ``execute_reply``.  The ZMQ socket's wake-up is edge-triggered: if the reply has just arrived,
    that send swallows it, and the client waits with the reply unread until the cell timeout
    (forever without one).  Sending through the asyncio socket itself lets pyzmq re-check the
    socket for the waiting poll.  (convkit's explorer no longer captures output; this keeps
    `make notebooks` safe for any notebook that does.)
    """

    def _publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        content = json_clean(dict(data=data or {}, comm_id=self.comm_id, **keys))
        msg = self.kernel_client.session.msg(msg_type, content=content, parent=self.parent_header,
                                             metadata=metadata or {})
        channel = self.kernel_client.shell_channel
        channel.socket.send_multipart(channel.session.serialize(msg))


class Client(NotebookClient):
    """nbclient's NotebookClient with the Output-widget stand-in above."""

    def __init__(self, nb, **kwargs):
        super().__init__(nb, **kwargs)
        self.widget_registry["@jupyter-widgets/output"]["OutputModel"] = _OutputWidget


def execute(path: pathlib.Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:  # start from nothing, as a student does
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    os.environ.pop("MPLBACKEND", None)  # the notebook's own %matplotlib inline decides
    # store_widget_state=True only because nbclient's Output-widget stand-in raises KeyError
    # when a widget captures output without it; the state is dropped right after, so the file
    # still stores no widget state.
    client = Client(nb, timeout=600, kernel_name="python3", store_widget_state=True,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            # without its (unstored) state a widget's view cannot be shown: a reader would see
            # its long repr instead, so keep nothing; running the cell brings the widget back
            cell.outputs = _coalesce_streams(
                [out for out in cell.outputs if WIDGET_VIEW not in out.get("data", {})])
    nbformat.write(nb, path)


def _coalesce_streams(outputs):
    """Join consecutive stdout (stderr) chunks: how print output is split varies run to run."""
    joined = []
    for out in outputs:
        if (out.output_type == "stream" and joined and joined[-1].output_type == "stream"
                and joined[-1].name == out.name):
            joined[-1].text += out.text
        else:
            joined.append(out)
    return joined


def main(argv: list[str]) -> int:
    os.environ["CONVKIT_STUDENT_DIR"] = tempfile.mkdtemp(prefix="convkit-student-")
    paths = [pathlib.Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        execute(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
