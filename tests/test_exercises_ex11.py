"""Notebook 11's checkers: the right answer (computed here, vectorised, independently of the
checkers' loops) passes; the typical wrong answers get their specific hint."""
import numpy as np
import pytest

import convkit as ck
from convkit_course.exercises import ex11


def test_problems_are_fresh_copies():
    x, dy = ex11.relu_problem()
    x[:] = 99
    assert ex11.relu_problem()[0][0, 0] == -2.0


# ---------------------------------------------------------------- ReLU

def relu_right():
    x, dy = ex11.relu_problem()
    return dy * (x > 0)


def test_relu_right_answer():
    v = ex11.relu_backward(relu_right())
    assert v and str(v).startswith("✔ Correct")


def test_relu_right_answer_agrees_with_convkit_nn():
    x, dy = ex11.relu_problem()
    relu = ck.ReLU()
    relu.forward(x)
    np.testing.assert_array_equal(relu.backward(dy), relu_right())


@pytest.mark.parametrize("make, hint", [
    (lambda x, dy: dy * (x >= 0), "x >= 0"),
    (lambda x, dy: (x > 0) * 1.0, "only the mask"),
    (lambda x, dy: np.maximum(dy, 0), "sign of dy"),
    (lambda x, dy: dy * x, "not x"),
    (lambda x, dy: dy * (x <= 0), "wrong way round"),
    (lambda x, dy: dy[:, :4] * (x[:, :4] > 0), "shape"),
    (lambda x, dy: ..., "still empty"),
], ids=["ge-zero", "mask-only", "mask-by-dy", "times-x", "inverted", "wrong-shape", "empty"])
def test_relu_wrong_answers(make, hint):
    v = ex11.relu_backward(make(*ex11.relu_problem()))
    assert not v and hint in str(v) and str(v).startswith("✘ Not yet")


# ---------------------------------------------------------------- max-pool

def pool_right():
    x, dy = ex11.pool_problem()
    windows = x[0, 0].reshape(2, 2, 2, 2).transpose(0, 2, 1, 3)  # (p, q, i, j)
    is_max = windows == windows.max(axis=(2, 3), keepdims=True)
    dx = (is_max * dy[0, 0][:, :, None, None]).transpose(0, 2, 1, 3).reshape(4, 4)
    return dx[None, None]


def test_pool_right_answer_and_2d_form():
    assert ex11.maxpool_backward(pool_right())
    assert ex11.maxpool_backward(pool_right()[0, 0])


def test_pool_right_answer_agrees_with_convkit_nn():
    x, dy = ex11.pool_problem()
    pool = ck.MaxPool2d()
    pool.forward(x)
    np.testing.assert_array_equal(pool.backward(dy), pool_right())


def _upsample(dy):
    return np.kron(dy, np.ones((2, 2)))


@pytest.mark.parametrize("make, hint", [
    (lambda: _upsample(ex11.pool_problem()[1]), "all four positions"),
    (lambda: _upsample(ex11.pool_problem()[1]) / 4, "average-pooling"),
    (lambda: (pool_right() != 0) * 1.0, "marked where the maxima are"),
    (lambda: np.rot90(pool_right(), 2, axes=(2, 3)).copy(), "rotated by 180°"),
    (lambda: None, "still empty"),
], ids=["copied", "averaged", "mask-only", "generic-wrong", "empty"])
def test_pool_wrong_answers(make, hint):
    v = ex11.maxpool_backward(make())
    assert not v and hint in str(v)


def test_pool_argmin_hint():
    x, dy = ex11.pool_problem()
    windows = x[0, 0].reshape(2, 2, 2, 2).transpose(0, 2, 1, 3)
    is_min = windows == windows.min(axis=(2, 3), keepdims=True)
    wrong = (is_min * dy[0, 0][:, :, None, None]).transpose(0, 2, 1, 3).reshape(1, 1, 4, 4)
    v = ex11.maxpool_backward(wrong)
    assert not v and "minimum" in str(v)


# ---------------------------------------------------------------- cross-entropy

def ce_parts():
    logits, labels = ex11.softmax_problem()
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    onehot = np.eye(3)[labels]
    return logits, p, onehot, len(labels)


def test_cross_entropy_right_answer():
    _, p, onehot, n = ce_parts()
    assert ex11.cross_entropy_gradient((p - onehot) / n)


def test_cross_entropy_right_answer_is_the_numerical_gradient():
    logits, labels = ex11.softmax_problem()
    _, p, onehot, n = ce_parts()

    def mean_ce(z):
        return -np.mean(np.log(np.exp(z) / np.exp(z).sum(axis=1, keepdims=True))[np.arange(n), labels])

    np.testing.assert_allclose(ck.numerical_gradient(mean_ce, logits), (p - onehot) / n,
                               rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("make, hint", [
    (lambda z, p, o, n: p - o, "divide by the batch size"),
    (lambda z, p, o, n: (o - p) / n, "sign is flipped"),
    (lambda z, p, o, n: p / n, "subtract the one-hot"),
    (lambda z, p, o, n: (z - o) / n, "not the raw logits"),
    (lambda z, p, o, n: o - p, "1/N"),
    (lambda z, p, o, n: (p - o).T / n, "reshape"),
], ids=["no-mean", "sign", "no-onehot", "logits", "sign-and-no-mean", "transposed"])
def test_cross_entropy_wrong_answers(make, hint):
    v = ex11.cross_entropy_gradient(make(*ce_parts()))
    assert not v and hint in str(v)


# ---------------------------------------------------------------- parameter count

def notebook_network_parameters():
    rng = np.random.default_rng(0)
    net = ck.Sequential(ck.Conv2d(1, 16, 3, padding=1, rng=rng), ck.ReLU(), ck.MaxPool2d(),
                        ck.Conv2d(16, 32, 3, padding=1, rng=rng), ck.ReLU(), ck.Flatten(),
                        ck.Linear(32 * 4 * 4, 10, rng=rng))
    net.forward(np.zeros((1, 1, 8, 8)))  # the shapes fit together
    return sum(getattr(layer, name).size for layer in net for name in ("weight", "bias")
               if getattr(layer, name, None) is not None)


def test_parameter_count_right_answer():
    n = notebook_network_parameters()
    assert n == 9930
    v = ex11.parameter_count(n)
    assert v and "9930" in str(v)
    assert ex11.parameter_count(np.int64(n))
    assert ex11.parameter_count(float(n))  # 9930.0 is a whole number: accepted


@pytest.mark.parametrize("answer, hint", [
    (9930 - 58, "weights only"),
    (160 + 4640 + 20490, "pooled"),
    (160 + 4640, "linear layer"),
    (160 + 320 + 5130, "(32, 16, 3, 3)"),
    (1234, "layer by layer"),
    (9930.5, "not a whole number"),
    (..., "still empty"),
], ids=["no-bias", "unpooled", "no-linear", "conv2-one-channel", "other", "float", "empty"])
def test_parameter_count_wrong_answers(answer, hint):
    v = ex11.parameter_count(answer)
    assert not v and hint in str(v)
