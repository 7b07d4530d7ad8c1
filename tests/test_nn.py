"""The tiny-CNN layers in convkit.nn: each backward against numerical gradients, the whole
network against numerical gradients, and (when PyTorch is installed) everything against
PyTorch.  SGD against the update rule written out by hand."""
import numpy as np
import pytest

import convkit as ck

RNG_SEED = 0


def _x(shape, seed=RNG_SEED):
    return np.random.default_rng(seed).standard_normal(shape)


def _check_layer_grad(layer, x, tol=1e-7):
    """backward(dy) == d sum(forward(x) * dy) / dx, numerically; returns dy for reuse."""
    y = layer.forward(x)
    dy = _x(y.shape, seed=1)
    dx = layer.backward(dy)
    assert dx.shape == x.shape
    num = ck.numerical_gradient(layer.forward, x, dy)
    assert ck.rel_error(dx, num) < tol
    return dy


# ---------------------------------------------------------------- ReLU

@pytest.mark.parametrize("shape", [(3, 4), (2, 3, 5, 5)], ids=["2d-3x4", "nchw-2x3x5x5"])
def test_relu_forward_and_gradient(shape):
    x = _x(shape)
    x[np.abs(x) < 1e-3] = 0.5  # stay away from the kink, where no derivative exists
    np.testing.assert_array_equal(ck.ReLU().forward(x), np.where(x > 0, x, 0.0))
    _check_layer_grad(ck.ReLU(), x)


def test_relu_gradient_at_zero_is_zero_like_pytorch():
    relu = ck.ReLU()
    relu.forward(np.array([[-1.0, 0.0, 2.0]]))
    np.testing.assert_array_equal(relu.backward(np.array([[5.0, 5.0, 5.0]])), [[0.0, 0.0, 5.0]])


def test_relu_keeps_float32():
    relu = ck.ReLU()
    x = _x((2, 3)).astype(np.float32)
    assert relu.forward(x).dtype == np.float32
    assert relu.backward(x).dtype == np.float32


# ---------------------------------------------------------------- MaxPool2d

POOL_SHAPES = {"even-4x4": (2, 3, 4, 4), "odd-5x7-floor": (1, 2, 5, 7), "tall-6x2": (2, 1, 6, 2)}


def _pool_loops(x):
    """The definition, written out: max over each 2×2 window, stride 2, floor."""
    n, c, h, w = x.shape
    y = np.empty((n, c, h // 2, w // 2))
    for i in np.ndindex(y.shape):
        a, b, p, q = i
        y[i] = x[a, b, 2 * p:2 * p + 2, 2 * q:2 * q + 2].max()
    return y


@pytest.mark.parametrize("shape", POOL_SHAPES.values(), ids=POOL_SHAPES.keys())
def test_maxpool_forward_matches_loops(shape):
    x = _x(shape)
    np.testing.assert_array_equal(ck.MaxPool2d().forward(x), _pool_loops(x))


@pytest.mark.parametrize("shape", POOL_SHAPES.values(), ids=POOL_SHAPES.keys())
def test_maxpool_gradient_matches_numerical(shape):
    x = _x(shape)  # random normals: no ties, so the max is differentiable
    _check_layer_grad(ck.MaxPool2d(), x)


def test_maxpool_dropped_row_and_column_get_zero_gradient():
    pool = ck.MaxPool2d()
    x = _x((1, 1, 5, 5))
    pool.forward(x)
    dx = pool.backward(np.ones((1, 1, 2, 2)))
    assert not dx[..., 4, :].any() and not dx[..., :, 4].any()
    assert dx.sum() == 4  # one winner per window


def test_maxpool_tie_goes_to_first_in_row_major_order():
    pool = ck.MaxPool2d()
    pool.forward(np.ones((1, 1, 2, 2)))
    np.testing.assert_array_equal(pool.backward(np.full((1, 1, 1, 1), 7.0))[0, 0],
                                  [[7.0, 0.0], [0.0, 0.0]])


def test_maxpool_does_not_modify_input():
    x = _x((1, 2, 4, 4))
    before = x.copy()
    pool = ck.MaxPool2d()
    pool.backward(np.ones_like(pool.forward(x)))
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("bad, error, words", [
    (np.zeros((2, 4, 4)), ValueError, "4-D"),
    (np.zeros((1, 1, 1, 4)), ValueError, "at least 2×2"),
    ([[1.0]], TypeError, "numpy array"),
], ids=["3d", "too-small", "list"])
def test_maxpool_bad_input(bad, error, words):
    with pytest.raises(error, match=words):
        ck.MaxPool2d().forward(bad)


# ---------------------------------------------------------------- Flatten

def test_flatten_round_trip():
    flat = ck.Flatten()
    x = _x((2, 3, 4, 5))
    y = flat.forward(x)
    assert y.shape == (2, 60)
    np.testing.assert_array_equal(y[1], x[1].ravel())
    np.testing.assert_array_equal(flat.backward(y), x)


def test_flatten_empty_batch():
    assert ck.Flatten().forward(np.zeros((0, 2, 3, 3))).shape == (0, 18)


# ---------------------------------------------------------------- Linear

@pytest.mark.parametrize("n, d_in, d_out, bias", [(1, 3, 2, True), (4, 7, 5, True), (3, 6, 4, False)],
                         ids=["n1-3to2", "n4-7to5", "n3-6to4-nobias"])
def test_linear_forward_and_gradients(n, d_in, d_out, bias):
    layer = ck.Linear(d_in, d_out, bias=bias, rng=0)
    x = _x((n, d_in))
    expected = np.array([[sum(x[i, k] * layer.weight[j, k] for k in range(d_in))
                          + (layer.bias[j] if bias else 0) for j in range(d_out)] for i in range(n)])
    np.testing.assert_allclose(layer.forward(x), expected, rtol=1e-12)
    dy = _check_layer_grad(layer, x)
    w0 = layer.weight.copy()

    def with_weight(w):
        layer.weight = w
        return layer.forward(x)

    num_dw = ck.numerical_gradient(with_weight, w0, dy)
    layer.weight = w0
    layer.forward(x)
    layer.backward(dy)
    assert ck.rel_error(layer.grad_weight, num_dw) < 1e-7
    if bias:
        np.testing.assert_allclose(layer.grad_bias, dy.sum(axis=0))
    else:
        assert layer.grad_bias is None


def test_linear_init_bounds_and_dtype():
    layer = ck.Linear(16, 3, rng=0, dtype=np.float32)
    assert layer.weight.shape == (3, 16) and layer.bias.shape == (3,)
    assert np.abs(layer.weight).max() <= 0.25 and layer.weight.dtype == np.float32
    y = layer.forward(_x((2, 16)).astype(np.float32))
    assert y.dtype == np.float32
    assert layer.backward(y).dtype == np.float32 and layer.grad_weight.dtype == np.float32


@pytest.mark.parametrize("kwargs, words", [
    (dict(in_features=0, out_features=2), "in_features"),
    (dict(in_features=2, out_features=2.5), "out_features"),
], ids=["zero-in", "float-out"])
def test_linear_bad_arguments(kwargs, words):
    with pytest.raises((ValueError, TypeError), match=words):
        ck.Linear(**kwargs)


def test_linear_wrong_width_names_in_features():
    with pytest.raises(ValueError, match="in_features=3"):
        ck.Linear(3, 2, rng=0).forward(np.zeros((2, 4)))


# ---------------------------------------------------------------- SoftmaxCrossEntropy

def test_cross_entropy_value_written_out():
    logits = np.array([[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]])
    labels = np.array([2, 1])
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    expected = -(np.log(p[0, 2]) + np.log(p[1, 1])) / 2
    assert ck.SoftmaxCrossEntropy().forward(logits, labels) == pytest.approx(expected, rel=1e-12)


def test_cross_entropy_is_stable_for_huge_logits():
    loss = ck.SoftmaxCrossEntropy().forward(np.array([[1000.0, 0.0]]), np.array([1]))
    assert loss == pytest.approx(1000.0)


@pytest.mark.parametrize("n, k", [(1, 2), (5, 10)], ids=["n1-k2", "n5-k10"])
def test_cross_entropy_gradient_matches_numerical(n, k):
    logits = _x((n, k)) * 3
    labels = np.random.default_rng(1).integers(0, k, size=n)
    loss = ck.SoftmaxCrossEntropy()
    loss.forward(logits, labels)
    dlogits = loss.backward(2.0)  # the upstream gradient scales it
    num = ck.numerical_gradient(lambda z: ck.SoftmaxCrossEntropy().forward(z, labels), logits) * 2.0
    # atol: entries near 1e-4 carry the difference quotient's O(h^2) error of the O(1) loss
    np.testing.assert_allclose(dlogits, num, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("labels, words", [
    (np.array([0, 3]), r"\[0, 3\)"),
    (np.array([0.0, 1.0]), "ints"),
    (np.array([0]), "2 ints"),
], ids=["out-of-range", "float-labels", "too-few"])
def test_cross_entropy_bad_labels(labels, words):
    with pytest.raises(ValueError, match=words):
        ck.SoftmaxCrossEntropy().forward(np.zeros((2, 3)), labels)


@pytest.mark.parametrize("layer", [ck.ReLU(), ck.MaxPool2d(), ck.Flatten(), ck.Linear(2, 2),
                                   ck.SoftmaxCrossEntropy()],
                         ids=["relu", "maxpool", "flatten", "linear", "cross-entropy"])
def test_backward_before_forward_says_so(layer):
    with pytest.raises(RuntimeError, match="before forward"):
        layer.backward(np.ones((1, 1, 2, 2)))


# ---------------------------------------------------------------- the tiny CNN as a whole

def tiny_cnn(method="im2col", dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    return ck.Sequential(
        ck.Conv2d(1, 3, 3, padding=1, method=method, rng=rng, dtype=dtype), ck.ReLU(), ck.MaxPool2d(),
        ck.Conv2d(3, 4, 3, padding=1, method=method, rng=rng, dtype=dtype), ck.ReLU(),
        ck.Flatten(), ck.Linear(4 * 3 * 3, 5, rng=rng, dtype=dtype))


@pytest.mark.parametrize("method", ["direct", "im2col"])
def test_whole_network_gradients_match_numerical(method):
    """Every parameter and the input: loss(params) differentiated by central differences."""
    net, loss = tiny_cnn(method), ck.SoftmaxCrossEntropy()
    x, labels = _x((3, 1, 6, 6)), np.array([0, 4, 2])
    loss.forward(net.forward(x), labels)
    dx = net.backward(loss.backward())
    num_dx = ck.numerical_gradient(lambda v: loss.forward(net.forward(v), labels), x)
    assert ck.rel_error(dx, num_dx) < 1e-6
    for i, layer in enumerate(net):
        for name in ("weight", "bias"):
            if getattr(layer, name, None) is None:
                continue
            original, analytic = getattr(layer, name), getattr(layer, "grad_" + name).copy()

            def loss_with(value):
                setattr(layer, name, value)
                return loss.forward(net.forward(x), labels)

            num = ck.numerical_gradient(loss_with, original)
            setattr(layer, name, original)
            assert ck.rel_error(analytic, num) < 1e-6, f"layer {i} {name}"


def test_network_keeps_float32_end_to_end():
    net, loss = tiny_cnn(dtype=np.float32), ck.SoftmaxCrossEntropy()
    y = net.forward(_x((2, 1, 6, 6)).astype(np.float32))
    assert y.dtype == np.float32
    loss.forward(y, np.array([1, 2]))
    assert net.backward(loss.backward()).dtype == np.float32
    for layer in net:
        if getattr(layer, "weight", None) is not None:
            assert layer.grad_weight.dtype == np.float32 and layer.grad_bias.dtype == np.float32


def test_sequential_rejects_non_layers():
    with pytest.raises(TypeError, match="layer 1"):
        ck.Sequential(ck.ReLU(), "relu")


# ---------------------------------------------------------------- SGD

def test_sgd_momentum_matches_the_rule_written_out():
    layer = ck.Linear(3, 2, rng=0)
    w, b = layer.weight.copy(), layer.bias.copy()
    weight_array = layer.weight
    opt = ck.SGD([ck.ReLU(), layer], lr=0.1, momentum=0.9)  # layers without params are skipped
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    for step in range(3):
        gw, gb = _x(w.shape, seed=10 + step), _x(b.shape, seed=20 + step)
        layer.grad_weight, layer.grad_bias = gw, gb
        opt.step()
        vw, vb = 0.9 * vw + gw, 0.9 * vb + gb
        w, b = w - 0.1 * vw, b - 0.1 * vb
        np.testing.assert_allclose(layer.weight, w, rtol=1e-12)
        np.testing.assert_allclose(layer.bias, b, rtol=1e-12)
    assert layer.weight is weight_array  # updated in place


def test_sgd_trains_conv2d_unchanged():
    conv = ck.Conv2d(1, 1, 2, rng=0)
    target = np.array([[[[1.0, -1.0], [0.5, 2.0]]]])
    x = _x((4, 1, 3, 3))
    y_target = ck.conv2d_loops(x, target)
    opt = ck.SGD([conv], lr=0.05, momentum=0.5)
    for _ in range(300):  # least squares: 0.5 * sum((conv(x) - y)^2)
        conv.backward(conv.forward(x) - y_target)
        opt.step()
    np.testing.assert_allclose(conv.weight, target, atol=1e-4)
    np.testing.assert_allclose(conv.bias, [0.0], atol=1e-4)


@pytest.mark.parametrize("kwargs, words", [
    (dict(lr=0), "lr"), (dict(lr=0.1, momentum=1.0), "momentum"),
], ids=["lr-zero", "momentum-one"])
def test_sgd_bad_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        ck.SGD([ck.Linear(2, 2)], **kwargs)


def test_sgd_needs_parameters():
    with pytest.raises(ValueError, match="no parameters"):
        ck.SGD([ck.ReLU()], lr=0.1)


# ---------------------------------------------------------------- PyTorch, the reference we did not write

@pytest.mark.parametrize("method", ["direct", "im2col"])
def test_whole_network_matches_pytorch(method):
    torch = pytest.importorskip("torch")
    net, loss = tiny_cnn(method), ck.SoftmaxCrossEntropy()
    x, labels = _x((3, 1, 6, 6)), np.array([0, 4, 2])
    value = loss.forward(net.forward(x), labels)
    dx = net.backward(loss.backward())

    def param(a):
        return torch.nn.Parameter(torch.tensor(a))

    conv1, conv2, linear = net[0], net[3], net[6]
    tx = torch.tensor(x, requires_grad=True)
    w1, b1, w2, b2, wl, bl = map(param, (conv1.weight, conv1.bias, conv2.weight, conv2.bias,
                                         linear.weight, linear.bias))
    F = torch.nn.functional
    h = F.max_pool2d(F.relu(F.conv2d(tx, w1, b1, padding=1)), 2)
    h = F.relu(F.conv2d(h, w2, b2, padding=1)).flatten(1)
    t_loss = F.cross_entropy(F.linear(h, wl, bl), torch.tensor(labels))
    t_loss.backward()
    assert value == pytest.approx(t_loss.item(), rel=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-9, atol=1e-12)
    for layer, (tw, tb) in ((conv1, (w1, b1)), (conv2, (w2, b2)), (linear, (wl, bl))):
        np.testing.assert_allclose(layer.grad_weight, tw.grad.numpy(), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(layer.grad_bias, tb.grad.numpy(), rtol=1e-9, atol=1e-12)
