"""Notebook 04's checkers: the right answer passes, each typical mistake gets its own hint.

Right answers are computed here from the definition (plain loops and a numerical gradient),
not by the checker's own code path.
"""
import numpy as np
import pytest

import convkit as ck
from convkit_course.exercises import ex04
from notebook_text import notebook_text


def dw_by_definition(x, dz):
    """dW[i, j] = Σ_(a,b) dZ[a, b]·X[a+i, b+j] — stride 1, no padding, written out."""
    kh, kw = x.shape[0] - dz.shape[0] + 1, x.shape[1] - dz.shape[1] + 1
    dw = np.zeros((kh, kw))
    for i in range(kh):
        for j in range(kw):
            for a in range(dz.shape[0]):
                for b in range(dz.shape[1]):
                    dw[i, j] += dz[a, b] * x[a + i, b + j]
    return dw


def assert_hint(verdict, *words):
    assert not verdict, verdict
    text = str(verdict)
    assert text.startswith("✘ Not yet — "), text
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"


# ------------------------------------------------------------------ exercise 1: dW, one sample
def test_weight_gradient_accepts_the_definition():
    x, dz = ex04.weight_gradient_task()
    verdict = ex04.weight_gradient(dw_by_definition(x, dz))
    assert verdict and str(verdict).startswith("✔ Correct")


def test_weight_gradient_answer_matches_numerical_gradient():
    """The definition used above is itself the gradient of sum(Z * dZ) with respect to K."""
    x, dz = ex04.weight_gradient_task()
    numeric = ck.numerical_gradient(lambda k: ck.conv2d_loops(x[None, None], k[None, None])[0, 0],
                                    np.zeros((3, 3)), dout=dz)
    np.testing.assert_allclose(numeric, dw_by_definition(x, dz), atol=1e-8)


def test_weight_gradient_accepts_a_list():
    x, dz = ex04.weight_gradient_task()
    assert ex04.weight_gradient(dw_by_definition(x, dz).tolist())


@pytest.mark.parametrize("mistake, words", [
    pytest.param(lambda x, dz: dw_by_definition(x, dz)[::-1, ::-1], ["rotated by 180°", "wrong way"],
                 id="dZ-correlated-with-X"),
    pytest.param(lambda x, dz: dw_by_definition(x, dz[::-1, ::-1]), ["flipped dZ"],
                 id="true-convolution"),
    pytest.param(lambda x, dz: dw_by_definition(x, dz).T, ["transposed"], id="transposed"),
    pytest.param(lambda x, dz: dw_by_definition(x, dz) + 1, ["9 entries differ"], id="off-by-one"),
])
def test_weight_gradient_names_the_mistake(mistake, words):
    x, dz = ex04.weight_gradient_task()
    assert_hint(ex04.weight_gradient(mistake(x, dz)), *words)


@pytest.mark.parametrize("shape, words", [
    pytest.param((5, 5), ["input's shape", "(3, 3)"], id="input-shape-5x5"),
    pytest.param((7, 7), ["'full' correlation"], id="full-7x7"),
    pytest.param((1, 1), ["slide dZ over X"], id="X-slid-over-dZ-1x1"),
    pytest.param((9,), ["shape (9,)", "expected (3, 3)"], id="flat-9"),
])
def test_weight_gradient_explains_a_wrong_shape(shape, words):
    assert_hint(ex04.weight_gradient(np.zeros(shape)), *words)


@pytest.mark.parametrize("empty", [None, ...], ids=["None", "Ellipsis"])
def test_weight_gradient_says_when_empty(empty):
    assert_hint(ex04.weight_gradient(empty), "still empty")


def test_tasks_hand_out_copies():
    x, dz = ex04.weight_gradient_task()
    x[...] = 0
    assert ex04.weight_gradient_task()[0].any()


# ------------------------------------------------------------------ exercise 2: dW, a batch
def batch_dw(x, dz):
    return sum(dw_by_definition(x[n, 0], dz[n, 0]) for n in range(x.shape[0])).reshape(1, 1, 3, 3)


def test_batch_weight_gradient_accepts_the_sum_over_samples():
    x, dz = ex04.batch_weight_gradient_task()
    assert ex04.batch_weight_gradient(batch_dw(x, dz))


def test_batch_weight_gradient_accepts_the_batch_as_channels():
    """The slick answer: the batch axis as channels, so one correlation sums over it."""
    x, dz = ex04.batch_weight_gradient_task()
    swap = (1, 0, 2, 3)
    assert ex04.batch_weight_gradient(ck.conv2d_loops(x.transpose(swap), dz.transpose(swap)))


def test_batch_weight_gradient_agrees_with_a_numerical_gradient():
    x, dz = ex04.batch_weight_gradient_task()
    numeric = ck.numerical_gradient(lambda k: ck.conv2d_loops(x, k), np.zeros((1, 1, 3, 3)), dout=dz)
    assert ex04.batch_weight_gradient(numeric)


@pytest.mark.parametrize("mistake, words", [
    pytest.param(lambda x, dz: dw_by_definition(x[0, 0], dz[0, 0]).reshape(1, 1, 3, 3),
                 ["first sample only", "sum"], id="first-sample-only"),
    pytest.param(lambda x, dz: batch_dw(x, dz) / 4, ["mean over the batch"], id="batch-mean"),
    pytest.param(lambda x, dz: batch_dw(x, dz)[..., ::-1, ::-1], ["rotated by 180°"],
                 id="dZ-correlated-with-X"),
    pytest.param(lambda x, dz: np.stack([dw_by_definition(x[n, 0], dz[n, 0])[None]
                                         for n in range(4)]),
                 ["one dW per sample", "(1, 1, 3, 3)"], id="no-sum-4x1x3x3"),
    pytest.param(lambda x, dz: np.stack([dw_by_definition(x[n, 0], dz[n, 0]) for n in range(4)]),
                 ["one dW per sample"], id="no-sum-4x3x3"),
    pytest.param(lambda x, dz: ck.conv2d_direct(x, dz), ["every sample's dZ", "(n, n)"],
                 id="all-pairs-4x4x3x3"),
])
def test_batch_weight_gradient_names_the_mistake(mistake, words):
    x, dz = ex04.batch_weight_gradient_task()
    assert_hint(ex04.batch_weight_gradient(mistake(x, dz)), *words)


# ------------------------------------------------------------------ exercise 3: db
def db_by_definition(dz):
    db = np.zeros(dz.shape[1])
    for n, f, i, j in np.ndindex(dz.shape):
        db[f] += dz[n, f, i, j]
    return db


def test_bias_gradient_accepts_the_sum():
    assert ex04.bias_gradient(db_by_definition(ex04.bias_gradient_task()))


def test_bias_gradient_agrees_with_a_numerical_gradient():
    dz = ex04.bias_gradient_task()
    x = np.random.default_rng(0).standard_normal((4, 1, 5, 5))
    w = np.random.default_rng(1).standard_normal((2, 1, 3, 3))
    numeric = ck.numerical_gradient(lambda b: ck.conv2d_loops(x, w, b), np.zeros(2), dout=dz)
    assert ex04.bias_gradient(numeric)


@pytest.mark.parametrize("mistake, words", [
    pytest.param(lambda dz: dz.sum(axis=(2, 3)), ["(4, 2)", "not over the batch"], id="no-batch-sum"),
    pytest.param(lambda dz: dz.sum(axis=0), ["(2, 3, 3)", "not over the positions"], id="no-position-sum"),
    pytest.param(lambda dz: dz.sum(axis=(1, 2, 3)), ["one number per sample"], id="per-sample"),
    pytest.param(lambda dz: dz.sum(), ["summed everything"], id="grand-total"),
    pytest.param(lambda dz: db_by_definition(dz) / 36, ["mean"], id="mean"),
    pytest.param(lambda dz: db_by_definition(dz[:1]), ["first sample"], id="first-sample"),
])
def test_bias_gradient_names_the_mistake(mistake, words):
    assert_hint(ex04.bias_gradient(mistake(ex04.bias_gradient_task())), *words)


def test_notebook_states_the_shapes_the_checkers_judge():
    text = notebook_text("04_weight-gradient")
    x, dz = ex04.batch_weight_gradient_task()
    assert (f"Now X is {x.shape} and dZ is {dz.shape}: four samples through one 1×1×3×3 kernel. "
            "Compute dW with the kernel's shape (1, 1, 3, 3).") in text
    dz = ex04.bias_gradient_task()
    assert f"dZ is {dz.shape}: four samples, two filters (so two biases). Compute db, shape (2,)." in text
