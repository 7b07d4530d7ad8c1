"""Notebook 10 hands the student's layer to notebook 11 as code (ex10.save_layer / load_layer).

A notebook is simulated by cells: each cell's code is written to a file of its own and run in
one shared namespace named ``__main__``, as IPython does (so ``inspect`` finds each function's
source, as it does in a kernel).  ``CONVKIT_STUDENT_DIR`` points at a fresh folder per test.
"""
from __future__ import annotations

import pathlib
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from convkit_course.exercises import ex10, set_language
from convkit_course.exercises.ex10 import handover

LAYER_WITH_HELPER = '''
def conv_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = (H + 2 * pad - KH) // stride + 1, (W + 2 * pad - KW) // stride + 1
    xpad = pad4(x, pad)
    y = np.zeros((N, F, Ho, Wo)) + b[None, :, None, None]
    for i in range(KH):
        for j in range(KW):
            tap = xpad[:, :, i:i + stride * (Ho - 1) + 1:stride, j:j + stride * (Wo - 1) + 1:stride]
            y += np.einsum("nchw,fc->nfhw", tap, KERNEL_OF(w)[:, :, i, j])
    return y, (x, w, b, stride, pad)


def conv_backward(dy, cache):
    x, w, b, stride, pad = cache
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dy.shape[2:]
    xpad = pad4(x, pad)
    dxpad, dw = np.zeros_like(xpad), np.zeros_like(w)
    for i in range(KH):
        for j in range(KW):
            rows = slice(i, i + stride * (Ho - 1) + 1, stride)
            cols = slice(j, j + stride * (Wo - 1) + 1, stride)
            dw[:, :, i, j] = np.einsum("nfhw,nchw->fc", dy, xpad[:, :, rows, cols])
            dxpad[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dy, w[:, :, i, j])
    return dxpad[:, :, pad:pad + H, pad:pad + W], dw, dy.sum(axis=AXES)
'''

PAD4 = '''
def pad4(x, p):
    """The two spatial axes of an NCHW array, padded with p zeros."""
    return np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
'''

CONSTANTS = '''
AXES = (0, 2, 3)
KERNEL_OF = lambda w: w
'''


@pytest.fixture
def student_dir(tmp_path, monkeypatch):
    folder = tmp_path / "student"
    monkeypatch.setenv("CONVKIT_STUDENT_DIR", str(folder))
    return folder


@pytest.fixture
def notebook(tmp_path):
    """run(*cells) -> the namespace the cells ran in, like a notebook's kernel."""
    namespace = {"__name__": "__main__"}
    folder = tmp_path / "cells"
    folder.mkdir()

    def run(*cells):
        for source in cells:
            path = folder / f"cell{len(list(folder.iterdir()))}.py"
            path.write_text(textwrap.dedent(source), encoding="utf-8")
            exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102
        return namespace

    return run


def message(shown, language="en"):
    set_language(language)
    try:
        return repr(shown)
    finally:
        set_language("en")


def layer(namespace):
    return namespace["conv_forward"], namespace["conv_backward"]


def test_the_folder_is_the_environments_or_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("CONVKIT_STUDENT_DIR", str(tmp_path))
    assert handover.layer_file() == tmp_path / "your_layer.py"
    monkeypatch.delenv("CONVKIT_STUDENT_DIR")
    assert handover.student_dir() == pathlib.Path.home() / ".convkit"


def test_a_helper_in_a_cell_of_its_own_comes_along_and_notebook_11_gets_the_layer(
        notebook, student_dir, tmp_path, monkeypatch):
    cells = notebook("import numpy as np", PAD4, CONSTANTS, LAYER_WITH_HELPER)
    saved = ex10.save_layer(*layer(cells))
    assert "✔ Saved" in message(saved) and "pad4" in message(saved) and "✔ 已保存" in message(saved, "zh")
    code = (student_dir / "your_layer.py").read_text(encoding="utf-8")
    for written in ("import numpy as np", "def pad4", "AXES = (0, 2, 3)",
                    "KERNEL_OF = lambda w: w", "def conv_forward", "def conv_backward"):
        assert written in code
    monkeypatch.chdir(tmp_path)            # notebook 11 may run anywhere
    yours = ex10.load_layer()
    assert yours and "✔ Your layer" in message(yours)
    x, w, b = np.ones((1, 1, 4, 4)), np.ones((2, 1, 3, 3)), np.zeros(2)
    np.testing.assert_allclose(yours.conv_forward(x, w, b, 1, 0)[0], np.full((1, 2, 2, 2), 9.0))


def test_the_saved_file_runs_in_a_python_of_its_own(notebook, student_dir, tmp_path):
    ex10.save_layer(*layer(notebook("import numpy as np", PAD4, CONSTANTS, LAYER_WITH_HELPER)))
    script = ("import importlib.util, sys\n"
              f"spec = importlib.util.spec_from_file_location('layer', {str(student_dir / 'your_layer.py')!r})\n"
              "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
              "from convkit_course.exercises import ex10\n"
              "print(bool(ex10.conv_layer(module.conv_forward, module.conv_backward)))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.strip() == "True", done.stderr


def test_a_helper_that_is_not_defined_is_named_when_saving(notebook, student_dir):
    saved = ex10.save_layer(*layer(notebook("import numpy as np", CONSTANTS, LAYER_WITH_HELPER)))
    text = message(saved)
    assert text.startswith("Not saved:") and "conv_forward uses pad4" in text, text
    assert "NameError" not in text and not (student_dir / "your_layer.py").exists()
    # ... and the checker itself names the missing helper, never an opaque "does not pass"
    verdict = ex10.conv_layer(*layer(notebook()))
    assert "NameError" in repr(verdict) and "pad4" in repr(verdict)


def test_a_notebook_variable_that_cannot_be_code_is_named(notebook, student_dir):
    cells = notebook("import numpy as np\nimport threading", PAD4, CONSTANTS,
                     LAYER_WITH_HELPER.replace("KERNEL_OF(w)", "(w if LOCK else w)"),
                     "LOCK = threading.Lock()")
    text = message(ex10.save_layer(*layer(cells)))
    assert "reads the notebook variable LOCK" in text, text


def test_the_scaffold_hands_over_nothing(notebook, student_dir):
    cells = notebook('''
        def conv_forward(x, w, b, stride=1, pad=0):
            y = ...
            cache = ...
            return y, cache

        def conv_backward(dy, cache):
            dx, dw, db = ..., ..., ...
            return dx, dw, db
        ''')
    assert message(ex10.save_layer(*layer(cells))).startswith("Nothing handed over yet")
    assert not (student_dir / "your_layer.py").exists()
    nothing = ex10.load_layer()
    assert not nothing and message(nothing).startswith("No layer from notebook 10 yet")
    assert "还没有来自 notebook 10 的层" in message(nothing, "zh")


@pytest.mark.parametrize("bug, named", [
    (("KERNEL_OF = lambda w: w", "KERNEL_OF = lambda w: w[:, :, ::-1, ::-1]"), "true convolution"),
    (("    return dxpad[:, :, pad:pad + H", "    w[...] = w[:, :, ::-1, ::-1]\n    return dxpad[:, :, pad:pad + H"),
     "changed w in place"),
    (("dy.sum(axis=AXES)", "dy.sum(axis=(0, 2, 3))[None, :, None, None]"), "db has the right numbers in the wrong shape"),
])
def test_a_failing_layer_is_saved_and_notebook_11_names_the_check(notebook, student_dir, bug,
                                                                    named):
    old, new = bug
    cells = notebook("import numpy as np", PAD4, CONSTANTS.replace(old, new),
                     LAYER_WITH_HELPER.replace(old, new))
    saved = message(ex10.save_layer(*layer(cells)))
    assert "does not pass the checker yet" in saved and named in saved, saved
    yours = ex10.load_layer()
    text = message(yours)
    assert not yours and yours.conv_forward is None
    assert "does not pass its checker" in text and named in text and "Conv2d" in text, text
    assert "AssertionError" not in text


def test_a_layer_that_fails_on_the_networks_float32_is_named(notebook, student_dir):
    cells = notebook("import numpy as np", PAD4, CONSTANTS, LAYER_WITH_HELPER.replace(
        "    N, C, H, W = x.shape\n    F, _, KH, KW = w.shape\n    Ho, Wo = (H",
        "    N, C, H, W = x.shape\n    if x.dtype != np.float64:\n"
        "        raise TypeError('float64 only')\n    F, _, KH, KW = w.shape\n    Ho, Wo = (H", 1))
    assert "✔ Saved" in message(ex10.save_layer(*layer(cells)))
    yours = ex10.load_layer()
    text = message(yours)
    assert not yours and "not on this notebook's network" in text and "float64 only" in text, text


def test_a_broken_file_is_named(student_dir):
    student_dir.mkdir(parents=True)
    (student_dir / "your_layer.py").write_text("def conv_forward(:\n", encoding="utf-8")
    yours = ex10.load_layer()
    assert not yours and "could not be loaded (SyntaxError" in message(yours)


def test_helpers_that_are_functions_of_other_modules_are_imported(notebook, student_dir):
    cells = notebook("import numpy as np\nfrom numpy import einsum as ein", PAD4, CONSTANTS,
                     LAYER_WITH_HELPER.replace("np.einsum", "ein"))
    assert "✔ Saved" in message(ex10.save_layer(*layer(cells)))
    code = (student_dir / "your_layer.py").read_text(encoding="utf-8")
    assert "from numpy import einsum as ein" in code and ex10.load_layer()
