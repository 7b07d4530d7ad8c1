"""Fuzzing against PyTorch: random geometries, every method and ``auto``, attribute edits.

A seeded stream of cases.  Each builds a ``Conv2d`` with a random geometry and method, runs
forward and backward and compares y, dx, dw and db with PyTorch's (float64); then edits a
random attribute (stride, padding, dilation, a weight of another kernel size, groups with a
matching weight, the bias, the method) and compares the next step again — or, when the
method cannot run the edited geometry, expects an error naming the method and the attribute.
The public functions of the case's method are compared on the first geometry too.  Zero
mismatches, and the test says which case broke when one does.
"""
import numpy as np
import pytest

import convkit as ck
from convkit.geometry import geometry_args
from convkit.methods import METHODS

torch = pytest.importorskip("torch", reason="PyTorch not installed: pip install torch==2.13.0")
F = torch.nn.functional

CASES = 300
METHOD_NAMES = tuple(METHODS) + ("auto",)
TOL = dict(rtol=1e-9, atol=1e-9)


def random_geometry(rng):
    """Keyword arguments of a valid random layer and x's shape."""
    groups = int(rng.integers(1, 4))
    c, f = groups * int(rng.integers(1, 4)), groups * int(rng.integers(1, 4))
    kernel = tuple(int(k) for k in rng.integers(1, 5, size=2))
    stride = tuple(int(s) for s in rng.integers(1, 4, size=2))
    dilation = tuple(int(d) for d in rng.integers(1, 3, size=2))
    padding = tuple(int(p) for p in rng.integers(0, 3, size=2))
    reach = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    size = [max(1, r - 2 * p + int(rng.integers(0, 6))) for r, p in zip(reach, padding)]
    n = int(rng.integers(1, 4))
    return dict(in_channels=c, out_channels=f, kernel_size=kernel, stride=stride,
                padding=padding, dilation=dilation, groups=groups), (n, c, *size)


def torch_step(x, layer, dy):
    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(layer.weight, requires_grad=True)
    bt = None if layer.bias is None else torch.tensor(layer.bias, requires_grad=True)
    yt = F.conv2d(xt, wt, bt, stride=layer.stride, padding=layer.padding,
                  dilation=layer.dilation, groups=layer.groups)
    yt.backward(torch.tensor(dy))
    return (yt.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(),
            None if bt is None else bt.grad.numpy())


def runnable(method, layer):
    if method == "auto":
        return True
    kernel, stride, _, dilation = geometry_args(layer.weight.shape[2:], layer.stride,
                                                layer.padding, layer.dilation)
    return not METHODS[method].unmet(kernel, stride, dilation)


def compare(layer, x, rng, label):
    """One step of ``layer`` on x against PyTorch -> a list of mismatch descriptions."""
    y = layer.forward(x)
    dy = rng.standard_normal(y.shape)
    dx = layer.backward(dy)
    theirs = torch_step(x, layer, dy)
    problems = []
    for name, ours, want in zip(("y", "dx", "dw", "db"),
                                (y, dx, layer.grad_weight, layer.grad_bias), theirs):
        if (ours is None) != (want is None):
            problems.append(f"{label}: {name} is {ours!r}, PyTorch {want!r}")
        elif ours is not None and (ours.shape != want.shape
                                   or not np.allclose(ours, want, **TOL)):
            problems.append(f"{label}: {name} differs")
    return problems


def edit(layer, rng):
    """A random attribute edit that leaves a geometry that fits x -> its description."""
    kind = rng.choice(["stride", "padding", "dilation", "weight", "groups", "bias", "method"])
    f, cg = layer.weight.shape[:2]
    if kind == "stride":
        layer.stride = tuple(int(s) for s in rng.integers(1, 4, size=2))
    elif kind == "padding":
        layer.padding = tuple(int(p) for p in rng.integers(0, 3, size=2))
    elif kind == "dilation":
        layer.dilation = int(rng.integers(1, 3))
    elif kind == "weight":
        layer.weight = rng.standard_normal((f, cg) + tuple(int(k) for k in
                                                           rng.integers(1, 4, size=2)))
    elif kind == "groups":
        c = cg * layer.groups
        divisors = [g for g in range(1, c + 1) if c % g == 0 and f % g == 0]
        layer.groups = int(rng.choice(divisors))
        layer.weight = rng.standard_normal((f, c // layer.groups) + layer.kernel_size)
    elif kind == "bias":
        layer.bias = None if layer.bias is not None else rng.standard_normal(f)
    else:
        name = str(rng.choice(METHOD_NAMES))
        try:
            layer.method = name
        except ValueError as error:  # refused when set: it must say why
            assert f"Conv2d(method={name!r})" in str(error)
    return f"{kind}"


def fits(layer, x_shape):
    kernel, stride, padding, dilation = geometry_args(layer.weight.shape[2:], layer.stride,
                                                      layer.padding, layer.dilation)
    return all(s + 2 * p >= d * (k - 1) + 1
               for s, p, d, k in zip(x_shape[2:], padding, dilation, kernel))


def test_fuzz_against_torch_with_auto_and_edits():
    rng = np.random.default_rng(20240522)
    problems, runs, refusals = [], 0, 0
    for case in range(CASES):
        kwargs, x_shape = random_geometry(rng)
        method = str(rng.choice(METHOD_NAMES))
        layer = ck.Conv2d(**kwargs, rng=rng)
        if method != "auto" and not runnable(method, layer):
            with pytest.raises(ValueError, match=f"Conv2d\\(method={method!r}\\)"):
                layer.method = method
            refusals += 1
            continue
        layer.method = method
        x = rng.standard_normal(x_shape)
        label = f"case {case} {method} {kwargs} x{x_shape}"
        problems += compare(layer, x, rng, label)
        if method != "auto":                                   # the public functions too
            entry, geometry = METHODS[method], layer.geometry
            y = entry.forward(x, layer.weight, layer.bias, **geometry)
            dy = rng.standard_normal(y.shape)
            theirs = torch_step(x, layer, dy)
            ours = (y,) + entry.backward(dy, x, layer.weight, **geometry)
            problems += [f"{label}: functional {name}" for name, a, b
                         in zip(("y", "dx", "dw", "db"), ours, theirs)
                         if b is not None and not np.allclose(a, b, **TOL)]
        runs += 1
        what = edit(layer, rng)
        if not fits(layer, x_shape):
            continue
        label += f" after editing {what}"
        if not runnable(layer.method, layer):
            try:
                layer.forward(x)
                problems.append(f"{label}: ran a geometry {layer.method} cannot")
            except ValueError as error:
                if f"Conv2d(method={layer.method!r})" not in str(error):
                    problems.append(f"{label}: unclear error {error}")
            refusals += 1
            continue
        problems += compare(layer, x, rng, label)
    assert problems == []
    assert runs > CASES // 2 and refusals > 10   # the stream reaches both outcomes
