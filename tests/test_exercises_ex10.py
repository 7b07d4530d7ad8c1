"""ex10 (notebook 10, your own layer): a right layer passes in three forms, every buggy layer of
the mistake corpus gets its own specific hint, garbage never raises and is never praised."""
from __future__ import annotations

import json
import pathlib

import numpy as np
import pytest

from convkit_course.exercises import ex10

NOTEBOOK = pathlib.Path(__file__).resolve().parent.parent / "notebooks" / "10_your-own-layer.ipynb"


# --------------------------------------------------------------------------- a layer, with bugs
def make_layer(bug=None):
    """A tap-loop conv layer written here, independently of convkit; ``bug`` plants one slip."""

    def conv_forward(x, w, b, stride=1, pad=0):
        n, c, h, wd = x.shape
        f, _, kh, kw = w.shape
        s = 1 if bug == "fwd-no-stride" else stride
        p = 0 if bug == "fwd-no-pad" else pad
        ho, wo = (h + 2 * p - kh) // s + 1, (wd + 2 * p - kw) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        kernel = w[:, :, ::-1, ::-1] if bug == "flipped" else w
        y = np.zeros((n, f, ho, wo))
        if bug != "no-bias":
            y += b[None, :, None, None]
        for i in range(kh):
            for j in range(kw):
                tap = xp[:, :, i:i + s * (ho - 1) + 1:s, j:j + s * (wo - 1) + 1:s]
                if bug == "channel-0":
                    y += np.einsum("nhw,f->nfhw", tap[:, 0], kernel[:, 0, i, j])
                else:
                    y += np.einsum("nchw,fc->nfhw", tap, kernel[:, :, i, j])
        if bug == "nf-swapped":
            y = y.transpose(1, 0, 2, 3)
        if bug == "in-place":
            x += 0.0
            x[...] = 0.0
        cache = (x, w, b, stride, pad)
        if bug == "global-cache":
            STATE["cache"] = cache
            cache = None
        return y, cache

    def conv_backward(dy, cache):
        if bug == "global-cache":
            cache = STATE["cache"]
        x, w, b, stride, pad = cache
        n, c, h, wd = x.shape
        f, _, kh, kw = w.shape
        ho, wo = dy.shape[2:]
        s = 1 if bug == "bwd-no-stride" else stride
        xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        if bug == "dw-unpadded":
            xp_for_dw = np.pad(x, ((0, 0), (0, 0), (0, 2 * pad), (0, 2 * pad)))
        else:
            xp_for_dw = xp
        dxp = np.zeros_like(xp)
        dw = np.zeros_like(w)
        for i in range(kh):
            for j in range(kw):
                rows = slice(i, i + s * (ho - 1) + 1, s)
                cols = slice(j, j + s * (wo - 1) + 1, s)
                batch = slice(0, 1) if bug == "dw-first-image" else slice(None)
                dw[:, :, i, j] = np.einsum("nfhw,nchw->fc", dy[batch],
                                           xp_for_dw[batch, :, rows, cols])
                if bug == "dx-filter-0":
                    dxp[:, :, rows, cols] += np.einsum("nhw,c->nchw", dy[:, 0], w[0, :, i, j])
                else:
                    dxp[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dy, w[:, :, i, j])
        db = dy.sum(axis=(0, 2, 3))
        if bug == "dw-mean":
            dw = dw / n
        if bug == "dw-rotated":
            dw = dw[:, :, ::-1, ::-1]
        if bug == "db-4d":
            db = db[None, :, None, None]
        if bug == "db-mean":
            db = db / n
        if bug == "db-scalar":
            db = dy.sum()
        if bug == "dx-no-crop":
            return dxp, dw, db
        if bug == "dx-crop-one-side":
            return dxp[:, :, :h, :wd], dw, db
        return dxp[:, :, pad:pad + h, pad:pad + wd], dw, db

    return conv_forward, conv_backward


STATE = {}


# --------------------------------------------------------------------------- right answers
def test_right_layer_is_correct():
    verdict = ex10.conv_layer(*make_layer())
    assert verdict and verdict.kind == "correct", repr(verdict)


def test_reference_layer_is_correct():
    assert ex10.conv_layer(*ex10.reference_layer())


def test_right_layer_returning_lists_and_float32_is_correct():
    forward, backward = make_layer()

    def forward_list(x, w, b, stride, pad):
        y, cache = forward(x, w, b, stride, pad)
        return [y.astype(np.float32).astype(float), cache]

    def backward_list(dy, cache):
        return list(backward(dy, cache))

    assert ex10.conv_layer(forward_list, backward_list)


def test_right_layer_with_keyword_defaults_positional_call():
    # the checker calls conv_forward(x, w, b, stride, pad) positionally
    forward, backward = make_layer()
    assert ex10.conv_layer(lambda x, w, b, s, p: forward(x, w, b, stride=s, pad=p), backward)


# --------------------------------------------------------------------------- the mistake corpus
CORPUS = [
    ("no-bias", "except for the bias"),
    ("flipped", "true convolution"),
    ("channel-0", "only uses input channel 0"),
    ("nf-swapped", "batch and filter axes are swapped"),
    ("fwd-no-stride", "that is the stride-1 output"),
    ("fwd-no-pad", "the padding is missing"),
    ("db-4d", "b has shape (F,), so db must too"),
    ("db-mean", "db is divided by the batch size"),
    ("db-scalar", "db is one number"),
    ("dw-first-image", "dw only has image 0's contribution"),
    ("dw-mean", "dw is divided by the batch size"),
    ("dw-rotated", "dw is rotated by 180°"),
    ("bwd-no-stride", "ignores the stride in the backward pass"),
    ("dw-unpadded", "dw uses the unpadded x"),
    ("dx-no-crop", "crop 1 rows and columns"),
    ("dx-crop-one-side", "cropped at the wrong place"),
    ("dx-filter-0", "dx only has filter 0's contribution"),
    ("global-cache", "does not use its cache"),
    ("in-place", "changed its inputs"),
]


@pytest.mark.parametrize("bug, hint", CORPUS, ids=[bug for bug, _ in CORPUS])
def test_each_bug_gets_its_specific_hint(bug, hint):
    verdict = ex10.conv_layer(*make_layer(bug))
    assert not verdict
    assert verdict.kind == "specific", repr(verdict)
    assert hint in repr(verdict), repr(verdict)


def test_the_corpus_is_distinguishable():
    texts = [repr(ex10.conv_layer(*make_layer(bug))) for bug, _ in CORPUS]
    assert len(set(texts)) == len(texts)


# --------------------------------------------------------------------------- garbage
def _empty_forward(x, w, b, stride, pad):
    y = ...
    cache = ...
    return y, cache


def _empty_backward(dy, cache):
    dx, dw, db = ..., ..., ...
    return dx, dw, db


def _raises(*args):
    raise ZeroDivisionError("division by zero")


GOOD_F, GOOD_B = make_layer()
GARBAGE = [
    (None, None),
    (..., ...),
    (42, GOOD_B),
    ("conv_forward", GOOD_B),
    (_empty_forward, _empty_backward),
    (GOOD_F, _empty_backward),
    (_raises, GOOD_B),
    (GOOD_F, _raises),
    (lambda *a: None, GOOD_B),
    (lambda *a: "y", GOOD_B),
    (lambda *a: (np.full((2, 4, 3, 3), np.nan), None), GOOD_B),
    (lambda *a: ([[1, 2], [3]], None), GOOD_B),
    (lambda *a: (1j * np.ones((2, 4, 3, 3)), None), GOOD_B),
    (GOOD_F, lambda dy, cache: (1, 2)),
    (GOOD_F, lambda dy, cache: {"dx": 1}),
    (GOOD_F, lambda dy, cache: (dy, "dw", dy)),
    (lambda x, w: (x, None), GOOD_B),
]


@pytest.mark.parametrize("forward, backward", GARBAGE, ids=[str(i) for i in range(len(GARBAGE))])
def test_garbage_never_raises_never_praised(forward, backward):
    verdict = ex10.conv_layer(forward, backward)
    assert not verdict
    assert repr(verdict).startswith("✘ Not yet —")


@pytest.mark.parametrize("forward, backward, hint", [
    (_empty_forward, _empty_backward, "conv_forward is still empty"),
    (GOOD_F, _empty_backward, "conv_backward is still empty"),
    (_raises, GOOD_B, "ZeroDivisionError"),
])
def test_empty_and_raising_layers_are_named(forward, backward, hint):
    assert hint in repr(ex10.conv_layer(forward, backward))


def test_checker_inputs_are_not_mutated_by_checking():
    before = [p.copy() for p in ex10._problem(0)]
    ex10.conv_layer(*make_layer())
    for a, b in zip(before, ex10._problem(0)):
        np.testing.assert_array_equal(a, b)


# --------------------------------------------------------------------------- load_layer
def _write_notebook(tmp_path, sources):
    cells = [{"cell_type": "code", "source": s, "metadata": {}, "outputs": [],
              "execution_count": None} for s in sources]
    path = tmp_path / "10.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}))
    return str(path)


def test_load_layer_runs_only_the_layer_cells(tmp_path):
    import inspect
    src = inspect.getsource(make_layer)
    body = "\n".join(line[4:] for line in src.splitlines()[2:-1] if not line.strip().startswith(
        "return conv_forward, conv_backward"))
    path = _write_notebook(tmp_path, ["raise RuntimeError('not this cell')",
                                      "bug = None\nSTATE = {}\n" + body])
    forward, backward = ex10.load_layer(path)
    assert ex10.conv_layer(forward, backward)


@pytest.mark.parametrize("sources", [[], ["def conv_forward(:\n  pass"], ["x = 1"]])
def test_load_layer_returns_none_when_there_is_no_layer(tmp_path, sources):
    assert ex10.load_layer(_write_notebook(tmp_path, sources)) is None


def test_load_layer_missing_file(tmp_path):
    assert ex10.load_layer(str(tmp_path / "missing.ipynb")) is None


def test_committed_notebook_scaffold_is_unfilled_and_loads():
    layer = ex10.load_layer(str(NOTEBOOK))
    assert layer is not None
    verdict = ex10.conv_layer(*layer)
    assert not verdict and "conv_forward is still empty" in repr(verdict)
