"""The hand-over end to end, in real kernels: notebook 10 with a student's layer filled in (and
a helper in a cell of its own) saves it; notebook 11, run from another folder, trains with it.

Slow (two notebooks, one of them trains a network): marked ``slow``.
"""
from __future__ import annotations

import json
import os
import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

from convkit_course.exercises.ex10.conv_layer import SOLUTION

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

HELPER = '''
def pad4(x, p):
    """A helper in a cell of its own, as students write them."""
    return np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
'''


def _run(nb, folder):
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def _outputs(cell):
    texts = []
    for out in cell.outputs:
        texts.append(out.get("text") or out.get("data", {}).get("text/plain", ""))
    return "".join(texts)


@pytest.mark.slow
def test_notebook_11_trains_with_the_layer_notebook_10_saved(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVKIT_STUDENT_DIR", str(tmp_path / "student"))
    ten = nbformat.read(NOTEBOOKS / "10_your-own-layer.ipynb", as_version=4)
    index = next(i for i, c in enumerate(ten.cells)
                 if c.metadata.get("convkit", {}).get("exercise") == "ex10.conv_layer")
    layer = SOLUTION.replace("xpad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))",
                             "xpad = pad4(x, pad)")
    assert layer.count("pad4(") == 2  # forward and backward both use the helper
    ten.cells[index].source = layer
    ten.cells.insert(index, nbformat.v4.new_code_cell(HELPER))
    _run(ten, tmp_path)
    checked, saved = _outputs(ten.cells[index + 1]), _outputs(ten.cells[index + 5])
    assert "✔ Correct" in checked, checked
    assert "✔ Saved" in saved and "pad4" in saved, saved

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    eleven = nbformat.read(NOTEBOOKS / "11_train-a-tiny-cnn.ipynb", as_version=4)
    _run(eleven, elsewhere)  # raises if any cell fails: the accuracy and gradient asserts too
    by_id = {c.get("id"): c for c in eleven.cells}
    assert "✔ Your layer" in _outputs(by_id["t11-load"])
    assert "YourConv2d" in json.dumps([_outputs(c) for c in eleven.cells if c.cell_type == "code"])
    assert os.listdir(tmp_path / "student") == ["your_layer.py"]
