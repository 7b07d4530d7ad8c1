"""The right answer of every exercise of notebooks 06–11, against a computation of its own.

The generic tests (``tests/test_exercise_units.py``) check each unit against its corpus and its
solution; they take the unit's right answer for granted.  Here each right answer is computed
again, another way: PyTorch when it is installed (the optional oracle), convkit's library
functions where the checker uses the literal loops, numerical gradients, the notebook's own
network, slicing the flattened image.  A checker whose expected value drifted would be caught
here, not praised by its own corpus.
"""
from __future__ import annotations

import importlib.util
import math

import numpy as np
import pytest

import convkit as ck
from convkit import costs, winograd
from convkit_course.exercises import ex06, ex07, ex08, ex09, ex10, ex11
from convkit_course.exercises.ex06.forward_matmul import right_y
from convkit_course.exercises.ex06.im2col_row import right_row
from convkit_course.exercises.ex06.input_gradient_col2im import right_dx as col2im_dx
from convkit_course.exercises.ex07.conv_transpose import cases as transpose_cases, reference
from convkit_course.exercises.ex07.grouped_weight_shape import right_shape
from convkit_course.exercises.ex07.im2col_shapes import right_shapes
from convkit_course.exercises.ex08.flat_runs import right_starts
from convkit_course.exercises.ex09.winograd_products import products
from convkit_course.exercises.ex10.conv_layer import GEOMETRIES, SOLUTION, _problem
from convkit_course.exercises.ex11.cross_entropy_gradient import right_dlogits
from convkit_course.exercises.ex11.maxpool_backward import right_dx as pool_dx
from convkit_course.exercises.ex11.relu_backward import right_dx as relu_dx

HAVE_TORCH = importlib.util.find_spec("torch") is not None
needs_torch = pytest.mark.skipif(not HAVE_TORCH, reason="PyTorch (the optional oracle) is not installed")


def verdict_of(check, *args):
    verdict = check(*args)
    assert verdict.correct, repr(verdict)


# --------------------------------------------------------------------------- notebook 06
def test_im2col_row_is_row_8_of_the_library_id_table():
    (h, w), k, o = ex06.ROW_TASK["input_size"], ex06.ROW_TASK["kernel_size"], \
        ex06.ROW_TASK["output_id"]
    table = ck.im2col_indices((h, w), k)
    np.testing.assert_array_equal(right_row(), table[o])
    ids = np.arange(h * w, dtype=float).reshape(1, 1, h, w)
    np.testing.assert_array_equal(ck.im2col(ids, k)[0][:, o], table[o])
    verdict_of(ex06.im2col_row, table[o])


def test_forward_matmul_is_the_direct_method_and_pytorch():
    x, w, b = ex06.forward_task()
    np.testing.assert_allclose(right_y(), ck.conv2d_direct(x, w, b))
    assert right_y().shape == (1, 2, 3, 4) and np.any(right_y() % 1)   # a bias of 0.5 shows
    if HAVE_TORCH:
        import torch
        ref = torch.nn.functional.conv2d(torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b))
        np.testing.assert_allclose(right_y(), ref.numpy())


def test_col2im_dx_is_the_numerical_gradient():
    dy, w = ex06.input_gradient_task()
    x = np.zeros((1, 1) + ex06.COL2IM_TASK["input_size"])
    numeric = ck.numerical_gradient(lambda xx: ck.conv2d_direct(xx, w), x, dout=dy)
    np.testing.assert_allclose(col2im_dx(), numeric, atol=1e-6)
    verdict_of(ex06.input_gradient_col2im, numeric)


# --------------------------------------------------------------------------- notebook 07
@needs_torch
def test_grouped_weight_shape_is_pytorchs():
    import torch
    layer = ex07.GROUPED_LAYER
    conv = torch.nn.Conv2d(layer["in_channels"], layer["out_channels"], layer["kernel_size"],
                           groups=layer["groups"])
    assert tuple(conv.weight.shape) == right_shape()


def test_im2col_shapes_are_what_im2col_and_reshape_give():
    layer = ex07.IM2COL_LAYER
    n, c, f, (h, w), k = (layer[key] for key in ("batch", "in_channels", "out_channels",
                                                 "input_size", "kernel_size"))
    cols = ck.im2col(np.zeros((n, c, h, w)), k)
    weights = np.zeros((f, c, k, k)).reshape(f, -1)
    assert right_shapes() == (cols.shape, weights.shape)
    verdict_of(ex07.im2col_shapes, cols.shape, weights.shape)


def _scatter(y, k, stride):
    kk = k.shape[0]
    out = np.zeros(((y.shape[0] - 1) * stride + kk, (y.shape[1] - 1) * stride + kk))
    for i in range(y.shape[0]):
        for j in range(y.shape[1]):
            out[i * stride:i * stride + kk, j * stride:j * stride + kk] += y[i, j] * k
    return out


@pytest.mark.parametrize("index", range(len(transpose_cases())))
def test_transposed_convolution_reference_is_the_scatter_and_pytorch(index):
    y, k, stride = transpose_cases()[index].args
    np.testing.assert_allclose(reference(y, k, stride), _scatter(y, k, stride))
    if HAVE_TORCH:
        import torch
        ref = torch.nn.functional.conv_transpose2d(torch.from_numpy(y[None, None]),
                                                   torch.from_numpy(k[None, None]), stride=stride)
        np.testing.assert_allclose(reference(y, k, stride), ref.numpy()[0, 0])


# --------------------------------------------------------------------------- notebook 08
def test_forward_flops_is_twice_the_multiplies_of_convkit_costs():
    layer = ex08.FLOPS_LAYER
    multiplies = costs.direct_multiplies(layer["x"], layer["w"], stride=layer["stride"],
                                         padding=layer["padding"])
    verdict_of(ex08.forward_flops, 2 * multiplies)


def test_im2col_bytes_is_the_size_of_the_im2col_matrix():
    layer = ex08.BYTES_LAYER
    n, c, h, w = layer["x"]
    one_image = ck.im2col(np.zeros((1, c, h, w), dtype=np.float32), layer["kernel_size"],
                          stride=layer["stride"], padding=layer["padding"])
    assert one_image.dtype == np.float32
    verdict_of(ex08.im2col_bytes, n * one_image.nbytes)


def test_each_run_of_the_flat_input_holds_its_taps_window():
    h = w = 5
    k, ho = 3, 3
    x = np.arange(h * w, dtype=float).reshape(h, w)
    flat = x.ravel()
    length = (ho - 1) * w + ho
    for (i, j), start in zip([(i, j) for i in range(k) for j in range(k)], right_starts()):
        run = flat[int(start):int(start) + length]
        assert run.size == length                      # inside the image
        rows = np.array([run[r * w:r * w + ho] for r in range(ho)])
        np.testing.assert_array_equal(rows, x[i:i + ho, j:j + ho])
    verdict_of(ex08.flat_runs, right_starts(), length)


# --------------------------------------------------------------------------- notebook 09
def test_winograd_products_give_the_correlation_and_are_g_times_b():
    d, g = ex09.f23_problem()
    m = products(d, g)
    np.testing.assert_allclose(winograd.AT @ m, np.correlate(d, g, mode="valid"))
    np.testing.assert_allclose(m, (winograd.G @ g) * (winograd.BT @ d))
    assert np.all(m != 0)
    verdict_of(ex09.winograd_products, (winograd.G @ g) * (winograd.BT @ d))


def test_fft_correlation_accepts_an_fft_computation():
    x, k = ex09.fft_problem()
    n = len(x)
    circular = np.fft.irfft(np.fft.rfft(x) * np.fft.rfft(k[::-1], n), n)
    np.testing.assert_allclose(circular[len(k) - 1:], np.correlate(x, k, mode="valid"), atol=1e-9)
    verdict_of(ex09.fft_correlation, circular[len(k) - 1:])


def test_winograd_count_is_convkit_costs():
    layer = ex09.WINOGRAD_LAYER
    multiplies = costs.winograd_multiplies(layer["x"], layer["w"], stride=layer["stride"],
                                           padding=layer["padding"])
    verdict_of(ex09.winograd_count, multiplies)
    (n, c, h, w), (f, _, _, _) = layer["x"], layer["w"]
    assert multiplies == n * f * c * 16 * math.ceil(h / 2) * math.ceil(w / 2)


# --------------------------------------------------------------------------- notebook 10
def solution_layer():
    namespace = {"np": np, "ex10": ex10}
    exec(SOLUTION.replace("ex10.conv_layer(conv_forward, conv_backward)", ""), namespace)  # noqa: S102
    return namespace["conv_forward"], namespace["conv_backward"]


@needs_torch
@pytest.mark.parametrize("index", range(len(GEOMETRIES)))
def test_the_solution_layer_is_pytorchs_on_every_geometry(index):
    import torch
    x, w, b, dy = _problem(index)
    stride, pad = GEOMETRIES[index][7:]
    conv_forward, conv_backward = solution_layer()
    y, cache = conv_forward(x, w, b, stride, pad)
    dx, dw, db = conv_backward(dy, cache)
    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    ty = torch.nn.functional.conv2d(tx, tw, tb, stride=stride, padding=pad)
    ty.backward(torch.from_numpy(dy))
    for mine, theirs in ((y, ty), (dx, tx.grad), (dw, tw.grad), (db, tb.grad)):
        np.testing.assert_allclose(mine, theirs.detach().numpy(), atol=1e-10)


def test_the_geometries_are_wider_than_the_notebooks_example():
    strides = {g[7] for g in GEOMETRIES}
    pads = {g[8] for g in GEOMETRIES}
    assert strides >= {1, 2, 3, 4} and pads >= {0, 1, 2, 3}
    assert any(g[5] != g[6] for g in GEOMETRIES) and {g[0] for g in GEOMETRIES} >= {1, 2, 3}


# --------------------------------------------------------------------------- notebook 11
def test_relu_and_maxpool_answers_are_convkit_nn():
    x, dy = ex11.relu_problem()
    relu = ck.ReLU()
    relu.forward(x)
    np.testing.assert_array_equal(relu_dx(), relu.backward(dy))
    assert np.any((x == 0) & (dy != 0))                # the zeros matter
    x, dy = ex11.pool_problem()
    pool = ck.MaxPool2d()
    pool.forward(x)
    np.testing.assert_array_equal(pool_dx(), pool.backward(dy))


def test_cross_entropy_gradient_is_numerical_and_convkit_nn():
    logits, labels = ex11.softmax_problem()
    loss = ck.SoftmaxCrossEntropy()
    loss.forward(logits, labels)
    np.testing.assert_allclose(right_dlogits(), loss.backward())
    numeric = ck.numerical_gradient(lambda z: ck.SoftmaxCrossEntropy().forward(z, labels),
                                    logits.copy())
    np.testing.assert_allclose(right_dlogits(), numeric, atol=1e-7)


@needs_torch
def test_relu_maxpool_and_cross_entropy_answers_are_pytorchs():
    import torch
    x, dy = ex11.relu_problem()
    tx = torch.tensor(x, requires_grad=True)
    torch.relu(tx).backward(torch.from_numpy(dy))
    np.testing.assert_array_equal(relu_dx(), tx.grad.numpy())
    x, dy = ex11.pool_problem()
    tx = torch.tensor(x, requires_grad=True)
    torch.nn.functional.max_pool2d(tx, 2).backward(torch.from_numpy(dy))
    np.testing.assert_array_equal(pool_dx(), tx.grad.numpy())
    logits, labels = ex11.softmax_problem()
    tz = torch.tensor(logits, requires_grad=True)
    torch.nn.functional.cross_entropy(tz, torch.from_numpy(labels)).backward()
    np.testing.assert_allclose(right_dlogits(), tz.grad.numpy())


def test_parameter_count_is_the_notebooks_network():
    """tiny_cnn of notebook 11, built here from convkit's layers: its weights and biases."""
    init = np.random.default_rng(0)
    net = ck.Sequential(ck.Conv2d(1, 16, 3, padding=1, rng=init), ck.ReLU(), ck.MaxPool2d(),
                        ck.Conv2d(16, 32, 3, padding=1, rng=init), ck.ReLU(), ck.Flatten(),
                        ck.Linear(32 * 4 * 4, 10, rng=init))
    assert net.forward(np.zeros((2, 1, 8, 8))).shape == (2, 10)
    count = sum(getattr(layer, name).size for layer in net for name in ("weight", "bias")
                if getattr(layer, name, None) is not None)
    verdict_of(ex11.parameter_count, count)
