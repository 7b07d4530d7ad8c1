"""What the generic unit tests do not check for the exercises of notebooks 00, 02–05 and the
``concepts`` questions: the references the function checkers judge hidden cases against agree
with an independent computation (a numerical gradient of the forward pass, and PyTorch when it
is installed), and the task functions hand out fresh copies."""
from __future__ import annotations

import importlib
import importlib.util

import numpy as np
import pytest

import convkit as ck
from convkit_course.exercises import ex03, ex04

# the units' modules (the packages' names stand for the checkers)
dw_unit = importlib.import_module("convkit_course.exercises.concepts.weight_gradient_strided")
dx_unit = importlib.import_module("convkit_course.exercises.ex05.input_gradient")

TORCH = importlib.util.find_spec("torch") is not None


def _dx_numeric(dz, k, input_size, stride, padding):
    x = np.zeros((1, 1) + tuple(input_size))
    forward = lambda xx: ck.conv2d_loops(xx, k[None, None], stride=stride, padding=padding)
    return ck.numerical_gradient(forward, x, dout=dz[None, None])[0, 0]


def _dw_numeric(x, dz, kernel_size, stride, padding, dilation):
    forward = lambda ww: ck.conv2d_loops(x[None, None], ww, stride=stride, padding=padding,
                                         dilation=dilation)
    return ck.numerical_gradient(forward, np.zeros((1, 1) + tuple(kernel_size)),
                                 dout=dz[None, None])[0, 0]


@pytest.mark.parametrize("index", range(len(dx_unit.cases())))
def test_the_dx_reference_is_the_gradient_on_every_case(index):
    args = dx_unit.cases()[index].args
    np.testing.assert_allclose(dx_unit.reference(*args), _dx_numeric(*args), atol=1e-7)


@pytest.mark.parametrize("index", range(len(dw_unit.cases())))
def test_the_dw_reference_is_the_gradient_on_every_case(index):
    args = dw_unit.cases()[index].args
    np.testing.assert_allclose(dw_unit.reference(*args), _dw_numeric(*args), atol=1e-7)


@pytest.mark.skipif(not TORCH, reason="PyTorch is an optional oracle")
def test_the_references_agree_with_pytorch():
    import torch

    for dz, k, size, s, p in (case.args for case in dx_unit.cases()):
        x = torch.zeros((1, 1) + tuple(size), dtype=torch.float64, requires_grad=True)
        torch.nn.functional.conv2d(x, torch.tensor(k)[None, None], stride=s, padding=p).backward(
            torch.tensor(dz)[None, None])
        np.testing.assert_allclose(dx_unit.reference(dz, k, size, s, p), x.grad[0, 0].numpy(),
                                   atol=1e-12)
    for x, dz, ks, s, p, d in (case.args for case in dw_unit.cases()):
        w = torch.zeros((1, 1) + tuple(ks), dtype=torch.float64, requires_grad=True)
        torch.nn.functional.conv2d(torch.tensor(x)[None, None], w, stride=s, padding=p,
                                   dilation=d).backward(torch.tensor(dz)[None, None])
        np.testing.assert_allclose(dw_unit.reference(x, dz, ks, s, p, d), w.grad[0, 0].numpy(),
                                   atol=1e-12)


def test_the_hidden_cases_reach_what_the_issue_asks():
    """Strides up to 4, paddings up to 3 (more than K - 1), dilations up to 3, stride and
    dilation apart, non-square inputs and kernels, no whole-number data."""
    dx_geometry = [(case.args[2], case.args[1].shape, case.args[3], case.args[4])
                   for case in dx_unit.cases()]
    assert max(s for *_, s, p in dx_geometry) == 4 and max(p for *_, p in dx_geometry) == 3
    assert any(p > k[0] - 1 for _, k, _, p in dx_geometry)
    assert any(h != w for (h, w), *_ in dx_geometry)
    dw_geometry = [case.args[2:] + (case.args[0].shape,) for case in dw_unit.cases()]
    assert {max(g[i] for g in dw_geometry) for i in (1, 2, 3)} == {4, 3}
    assert any(g[0][0] != g[0][1] for g in dw_geometry)
    assert any(g[1] != g[3] and g[1] > 1 and g[3] > 1 for g in dw_geometry)
    for unit, data in ((dx_unit, (0, 1)), (dw_unit, (0, 1))):
        for case in unit.cases():
            if case.hidden:
                for i in data:
                    assert np.all(case.args[i] != np.round(case.args[i]))


@pytest.mark.parametrize("task", [ex03.dx_problem, ex04.weight_gradient_task,
                                  ex04.batch_weight_gradient_task, ex04.bias_gradient_task])
def test_the_tasks_hand_out_fresh_copies(task):
    first = task()
    arrays = first if isinstance(first, tuple) else (first,)
    for array in arrays:
        array[...] = 0
    again = task()
    assert all(np.any(a) for a in (again if isinstance(again, tuple) else (again,)))
