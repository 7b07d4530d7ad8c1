"""The exercise of notebook 10: a whole conv layer, forward and backward.

    ex10.conv_layer(conv_forward, conv_backward)
        # conv_forward(x, w, b, stride, pad) -> (y, cache)
        # conv_backward(dy, cache)           -> (dx, dw, db)

The checker runs the student's layer on the notebook's own example (x (2, 3, 7, 6),
w (4, 3, 3, 3), stride 2, pad 1) and on geometries the notebook does not show: batches of 1 to
3, 1 to 3 channels and filters, strides 1 to 4, paddings 0 to 3, square and non-square kernels
from 1×1 to 4×3, rows that the floor drops.  Every call is guarded: the inputs are copies,
checked afterwards for changes in place; ``conv_backward`` is called twice on the same cache
and must give the same gradients, change neither dy nor the arrays its cache holds (x, w, b:
a kernel rotated or flipped in place is caught here), and hand out no array it keeps (``dw =
w`` is named).  It names the *first* thing that fails — forward before backward, shapes before
values — with the slip that explains it on every case (the bias forgotten, the kernel flipped,
the stride fixed at 2, the padding used as on/off, the stride ignored in backward, the padding
not cropped from dx, dW not summed over the batch, db of shape (1, F, 1, 1) …), or the
geometry that separates the cases it gets right from the others.  Then the cache contract: backward of
an earlier forward call must use that call's cache.
"""
from __future__ import annotations

import copy
import functools
import inspect
import types

import numpy as np

from convkit.direct import conv2d_loops, conv2d_loops_backward

from ..._core import (CORE, Reject, as_function, bad_input, call_student, checker, correct,
                      fallback, fmt, is_empty, join_slips, not_yet)
from ..._harness import Case, InputGuard, same_value
from ..._unit import Unit, unit_messages
from . import slips as SLIPS

__all__ = ["GEOMETRIES", "conv_layer"]

M = unit_messages(__name__, __file__)

#: (N, C, F, H, W, KH, KW, stride, pad): the notebook's example first, then the hidden ones.
GEOMETRIES = [
    (2, 3, 4, 7, 6, 3, 3, 2, 1),    # the notebook's own check (section 3)
    (2, 3, 4, 5, 5, 3, 3, 1, 0),    # the article's size, a batch, channels and filters
    (2, 2, 3, 6, 7, 3, 3, 1, 1),    # padding, a non-square input
    (3, 2, 3, 7, 6, 3, 3, 2, 1),    # stride 2 and padding
    (2, 2, 2, 6, 5, 3, 2, 2, 0),    # a non-square kernel; the floor drops a row and a column
    (2, 2, 3, 9, 8, 3, 3, 3, 2),    # stride 3, padding 2
    (1, 1, 2, 5, 6, 2, 3, 1, 3),    # one image, one channel, padding 3
    (2, 3, 2, 10, 9, 4, 3, 4, 1),   # stride 4, a 4x3 kernel
    (3, 2, 1, 4, 6, 1, 1, 2, 0),    # a 1x1 kernel, one filter
]
VISIBLE = 1
_RTOL, _ATOL = 1e-5, 1e-7


def _where(g):
    n, c, f, h, w, kh, kw, s, p = g
    return M("where", x=(n, c, h, w), w=(f, c, kh, kw), s=s, p=p)


def _problem(index):
    """x, w, b, dy for geometry ``index`` (seeded, float64): new copies."""
    return tuple(a.copy() for a in _problem_once(index))


@functools.lru_cache(maxsize=None)
def _problem_once(index):
    n, c, f, h, wd, kh, kw, s, p = GEOMETRIES[index]
    rng = np.random.default_rng(100 + index)
    x = rng.standard_normal((n, c, h, wd))
    w = rng.standard_normal((f, c, kh, kw))
    b = rng.standard_normal(f) + 0.5
    ho, wo = (h + 2 * p - kh) // s + 1, (wd + 2 * p - kw) // s + 1
    dy = rng.standard_normal((n, f, ho, wo))
    return x, w, b, dy


def cases():
    return [Case(_problem(i), _where(g), hidden=i >= VISIBLE) for i, g in enumerate(GEOMETRIES)]


def _same(a, e):
    return a is not None and e is not None and np.shape(a) == np.shape(e) and \
        bool(np.allclose(a, e, rtol=_RTOL, atol=_ATOL))


def _rel(a, e):
    return float(np.max(np.abs(a - e) / np.maximum(1e-8, np.abs(a) + np.abs(e))))


# --------------------------------------------------------------------------- calling the layer
def _callable_as(function, count, name, signature):
    """A Reject naming the signature when ``function`` cannot take ``count`` positional
    arguments (CS231n's ``conv_forward(x, w, b, conv_param)``, a forgotten argument)."""
    try:
        inspect.signature(function).bind(*range(count))
    except TypeError:
        raise Reject(not_yet(M("signature", name=name, signature=signature))) from None
    except ValueError:
        pass  # a builtin without a signature: the call will tell


def _read(value, name, where):
    """An array the layer returned (empty arrays allowed: a crop slip makes them)."""
    if is_empty(value):
        raise Reject(bad_input(M("returns_ellipsis", where=where, name=name)))
    try:
        array = np.asarray(value, dtype=float)
    except Exception as error:
        raise Reject(bad_input(M("not_numbers", where=where, name=name,
                                 kind=type(value).__name__))) from None
    if array.size and not np.all(np.isfinite(array)):
        raise Reject(bad_input(M("not_finite", where=where, name=name)))
    return array


def _forward(conv_forward, problem, g, where):
    """y, cache of the student's forward on fresh copies, checked for in-place changes and
    for a second call that gives another y."""
    x, w, b, _ = problem
    s, p = g[7], g[8]
    guard = InputGuard(where, x=x.copy(), w=w.copy(), b=b.copy())
    call_where = M("in_forward", where=where)
    out = call_student(conv_forward, *guard.inputs.values(), s, p, where=call_where)
    changed = guard.changed()
    if changed:
        raise Reject(not_yet(M("changed.forward", where=where, name=changed[0])))
    if isinstance(out, (tuple, list)) and len(out) == 2 and is_empty(out[0]):
        raise Reject(bad_input(M("forward_empty")))
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        raise Reject(not_yet(M("forward_pair", where=where, kind=type(out).__name__)))
    y = _read(out[0], "y", where)
    again = call_student(conv_forward, *guard.fresh().values(), s, p, where=call_where)
    if not (isinstance(again, (tuple, list)) and len(again) == 2) or \
            not same_value(np.asarray(again[0], dtype=float), y):
        raise Reject(not_yet(CORE("case.second_call", where=call_where)))
    return y, out[1], guard


def _arrays_in(value, depth=0):
    """Every numpy array a cache holds (tuples, lists, dicts, objects' attributes)."""
    if isinstance(value, np.ndarray):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list)):
        for item in value:
            yield from _arrays_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _arrays_in(item, depth + 1)
    elif depth < 3 and hasattr(value, "__dict__") and not isinstance(value, (type,
                                                                             types.ModuleType)):
        for item in vars(value).values():
            yield from _arrays_in(item, depth + 1)


def _backward(conv_backward, cache, guard, dy, where):
    """dx, dw, db of the student's backward, called twice on the same cache: checked for
    changes to dy and to everything forward received and cached, for arrays it hands out
    twice or shares with its inputs, and for a second call that differs."""
    call_where = M("in_backward", where=where)
    dy_guard = InputGuard(where, dy=dy.copy())
    try:
        cache_before = copy.deepcopy(cache)
    except Exception:
        cache_before = None
    out = call_student(conv_backward, dy_guard.inputs["dy"], cache, where=call_where)
    if isinstance(out, (tuple, list)) and len(out) == 3 and all(is_empty(v) for v in out):
        raise Reject(bad_input(M("backward_empty")))
    if not (isinstance(out, (tuple, list)) and len(out) == 3):
        raise Reject(not_yet(M("backward_triple", where=where, kind=type(out).__name__)))
    inputs = dict(guard.inputs, dy=dy_guard.inputs["dy"])
    held = list(_arrays_in(cache))
    for name, value in zip(("dx", "dw", "db"), out):
        if isinstance(value, np.ndarray):
            for other, array in inputs.items():
                if np.shares_memory(value, array):
                    raise Reject(not_yet(M("aliased", where=where, name=name, other=other)))
            if any(np.shares_memory(value, array) for array in held):
                raise Reject(not_yet(M("aliased_cache", where=where, name=name)))
    _no_change(guard, dy_guard, where)
    if cache_before is not None and not _same_tree(cache, cache_before):
        raise Reject(not_yet(M("changed.cache", where=where)))
    grads = tuple(_read(v, name, where) for name, v in zip(("dx", "dw", "db"), out))
    kept = [g.copy() for g in grads]
    again = call_student(conv_backward, dy_guard.fresh()["dy"], cache, where=call_where)
    _no_change(guard, dy_guard, where)
    if not all(same_value(a, b) for a, b in zip(grads, kept)):
        raise Reject(not_yet(CORE("case.result_changed", where=call_where)))
    if not (isinstance(again, (tuple, list)) and len(again) == 3) or not all(
            same_value(np.asarray(a, dtype=float), b) for a, b in zip(again, grads)):
        raise Reject(not_yet(M("backward_twice", where=where)))
    return grads


def _no_change(guard, dy_guard, where):
    changed = dy_guard.changed()
    if changed:
        raise Reject(not_yet(M("changed.dy", where=where)))
    changed = guard.changed()
    if changed:
        raise Reject(not_yet(M("changed.backward", where=where, name=changed[0])))


def _same_tree(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return same_value(a, b)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same_tree(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_tree(a[k], b[k]) for k in a)
    try:
        return bool(a == b)
    except Exception:
        return True  # an object we cannot compare: not the student's slip to name here


# --------------------------------------------------------------------------- naming what is wrong
_PARAMETERS = (("stride", lambda g: g[7]), ("pad", lambda g: g[8]),
               ("square", lambda g: g[5] == g[6]))


def _separating(right_ones, wrong_ones):
    """A Message naming what every case the layer gets right has, and no wrong case has — a
    stride, a padding, square kernels — when there is such a thing; else None.  At least two
    right cases are needed: one case has too many things of its own."""
    if len(right_ones) < 2 or not wrong_ones:
        return None
    for name, value_of in _PARAMETERS:
        good = {value_of(GEOMETRIES[i]) for i in right_ones}
        bad = {value_of(GEOMETRIES[i]) for i in wrong_ones}
        if len(good) == 1 and not good & bad and next(iter(good)) is not False:
            return name, next(iter(good))
    return None


def _only_for(separated, detail):
    """The verdict: right only for one stride / padding, or only for square kernels."""
    name, value = separated
    if name == "square":
        return not_yet(M("only_square", detail=detail))
    return not_yet(M("only_for", what=M(f"param.{name}"), value=value, detail=detail))


def _globals_read(function):
    """Names of the notebook's variables (arrays, numbers) the function reads as globals —
    ``x``, ``w``, ``S`` … — instead of its arguments or its cache."""
    code, found = getattr(function, "__code__", None), []
    scope = getattr(function, "__globals__", {})
    codes = [code] if code is not None else []
    while codes:
        current = codes.pop()
        codes += [c for c in current.co_consts if isinstance(c, types.CodeType)]
        for name in current.co_names:
            value = scope.get(name)
            if isinstance(value, (np.ndarray, int, float, tuple)) and not isinstance(value, bool) \
                    and name not in found:
                found.append(name)
    return found


def _with_globals(verdict, function, which):
    """``verdict``, preceded by the hint that ``function`` reads notebook variables."""
    names = _globals_read(function)
    if not names or verdict.correct:
        return verdict
    return not_yet(M("globals", which=which, names=", ".join(names), hint=verdict.message))


def _message(mid, fields):
    """A slip's message; a parameter's name (``what``) in the language of the moment, and as
    the argument's name in code (``arg``)."""
    if "what" in fields:
        fields = dict(fields, what=M(f"param.{fields['what']}"), arg=fields["what"])
    return M(mid, **fields)


_SLIP_VALUES = {}  # (slip, arguments, geometry) -> what the slip gives: the data are fixed


def _slip_hint(results, table, args_of, wrong):
    """The hint of the slips that explain every result (``{geometry index: array}``, named
    together), else of those that explain the first wrong one, else None."""
    def explains(slip, i):
        key = (id(slip), args_of.__name__, i)
        if key not in _SLIP_VALUES:
            try:
                with np.errstate(all="ignore"):
                    value = slip(*args_of(i))
                _SLIP_VALUES[key] = None if value is None else np.asarray(value, dtype=float)
            except Exception:
                _SLIP_VALUES[key] = None
        value = _SLIP_VALUES[key]
        return value is not None and _same(results[i], value)

    everywhere = [_message(mid, fields) for slip, mid, fields in table
                  if all(explains(slip, i) for i in results)]
    if everywhere:
        return join_slips(everywhere)
    here = [_message(mid, fields) for slip, mid, fields in table if explains(slip, wrong[0])]
    return join_slips(here) if here else None


def _args(i):
    """A forward slip's arguments on geometry ``i``: x, w, b, stride, pad."""
    return (*_problem(i)[:3], *GEOMETRIES[i][7:])


def _backward_args(i):
    """A backward slip's arguments on geometry ``i``: dy, x, w, b, stride, pad."""
    return (_problem(i)[3], *_problem(i)[:3], *GEOMETRIES[i][7:])


def _judge(got, want, table, args_of, errors, detail):
    """None when every result is right; else the verdict: a slip that explains every result
    the layer gave (then one that explains the first wrong one), else the error or the
    detail of the first failure, with the geometry that separates right from wrong."""
    ran = [i for i in range(len(got)) if got[i] is not None]
    wrong = [i for i in ran if not _same(got[i], want[i])]
    if not wrong and not errors:
        return None
    if wrong:
        results = {i: got[i] for i in ran}
        hint = _slip_hint(results, table, args_of, wrong)
        if hint is not None:
            return not_yet(M("at", where=_where(GEOMETRIES[wrong[0]]), hint=hint))
    first = min(wrong + sorted(errors))
    verdict = _error_verdict(first, errors[first]) if first in errors else \
        detail(first, got[first], want[first])
    separated = _separating([i for i in ran if i not in wrong], wrong + sorted(errors))
    return _only_for(separated, verdict.message) if separated else verdict


def _error_verdict(index, reject):
    """The verdict for the layer raising on geometry ``index`` (a float size is named)."""
    error = reject.error
    if isinstance(error, TypeError) and "float" in str(error) and "integer" in str(error):
        return not_yet(M("float_size", where=_where(GEOMETRIES[index]), error=str(error)))
    return reject.verdict


def _forward_detail(index, y, e):
    n, c, f, h, wd, kh, kw, s, p = GEOMETRIES[index]
    where = _where(GEOMETRIES[index])
    got, want = tuple(y.shape), tuple(e.shape)
    if got == want:
        bad = np.argwhere(~np.isclose(y, e, rtol=_RTOL, atol=_ATOL))
        first = tuple(int(i) for i in bad[0])
        return fallback(M("fwd.values", where=where, count=len(bad), size=y.size, first=first,
                          got=fmt(round(float(y[first]), 6)),
                          want=fmt(round(float(e[first]), 6))))
    if len(got) != 4:
        return not_yet(M("fwd.axes", where=where, got=got, want=want))
    if got[1] == c and c != f:
        return not_yet(M("fwd.channels", where=where, c=c, f=f, want=want))
    return fallback(M("fwd.shape", where=where, got=got, want=want))


def _backward_detail(name):
    def detail(index, got, want):
        where = _where(GEOMETRIES[index])
        if got.shape != want.shape:
            return fallback(M("bwd.shape", where=where, name=name, got=got.shape,
                              want=want.shape))
        return fallback(M("bwd.values", where=where, name=name,
                          err=fmt(round(_rel(got, want), 4))))
    return detail


@functools.lru_cache(maxsize=None)
def _want_forward(i):
    return SLIPS.forward(*_args(i))


@functools.lru_cache(maxsize=None)
def _want_backward(i):
    x, w, b, dy = _problem(i)
    dx, dw, _ = SLIPS.backward(dy, x, w, *GEOMETRIES[i][7:])
    return dx, dw, dy.sum(axis=(0, 2, 3))


# --------------------------------------------------------------------------- the checker
@checker
def conv_layer(conv_forward, conv_backward):
    """The exercise of notebook 10: ``conv_forward(x, w, b, stride, pad) -> (y, cache)`` and
    ``conv_backward(dy, cache) -> (dx, dw, db)``, tried on :data:`GEOMETRIES`."""
    conv_forward = as_function(conv_forward, M("name.forward"))
    conv_backward = as_function(conv_backward, M("name.backward"))
    _callable_as(conv_forward, 5, "conv_forward", "conv_forward(x, w, b, stride, pad)")
    _callable_as(conv_backward, 2, "conv_backward", "conv_backward(dy, cache)")
    return _check(conv_forward, conv_backward)


def _run_all(call, count):
    """``call(i)`` for every geometry: (results with None where it raised, {i: Reject});
    a Reject without an exception of the student's (in place, twice …) is raised at once."""
    results, errors = [], {}
    for i in range(count):
        try:
            results.append(call(i))
        except Reject as reject:
            if reject.error is None:
                raise
            errors[i] = reject
            results.append(None)
    return results, errors


def _check(conv_forward, conv_backward):
    count = len(GEOMETRIES)
    problems = [_problem(i) for i in range(count)]
    ran, errors = _run_all(lambda i: _forward(conv_forward, problems[i], GEOMETRIES[i],
                                              _where(GEOMETRIES[i])), count)
    ys = [None if r is None else r[0] for r in ran]             # 1. forward, every geometry
    verdict = _judge(ys, [_want_forward(i) for i in range(count)], SLIPS.FORWARD, _args,
                     errors, _forward_detail)
    if verdict is not None:
        return _with_globals(verdict, conv_forward, "conv_forward")

    grads, errors = _run_all(lambda i: _backward(conv_backward, ran[i][1], ran[i][2],
                                                 problems[i][3], _where(GEOMETRIES[i])), count)
    want = [_want_backward(i) for i in range(count)]            # 2. backward, every geometry
    verdict = None
    for slot, name, table in ((2, "db", SLIPS.DB), (1, "dw", SLIPS.DW), (0, "dx", SLIPS.DX)):
        got = [None if g is None else g[slot] for g in grads]
        verdict = _judge(got, [w[slot] for w in want], table, _backward_args, {},
                         _backward_detail(name))
        if verdict is not None:
            break
    if verdict is None and errors:
        right = [i for i in range(count) if grads[i] is not None]
        first = min(errors)
        verdict = _error_verdict(first, errors[first])
        separated = _separating(right, sorted(errors))
        if separated:
            verdict = _only_for(separated, verdict.message)
    if verdict is not None:
        if _right_when_called_at_once(conv_forward, conv_backward):
            verdict = not_yet(M("cache"))                   # it uses the latest forward's data
        return _with_globals(verdict, conv_backward, "conv_backward")

    verdict = _cache_contract(conv_forward, conv_backward)     # 3. the cache contract
    if verdict is not None:
        return verdict
    return correct(M("praise", count=count))


def _right_when_called_at_once(conv_forward, conv_backward):
    """Whether the layer, wrong when backward ran after all the forward calls, is right when
    backward follows its own forward at once (on a geometry it got wrong): then backward uses
    the data of the latest forward call, not its cache."""
    for i in range(len(GEOMETRIES)):
        x, w, b, dy = _problem(i)
        try:
            _, cache = conv_forward(x.copy(), w.copy(), b.copy(), *GEOMETRIES[i][7:])
            got = conv_backward(dy.copy(), cache)
            right = all(_same(np.asarray(a, float), e) for a, e in zip(got, _want_backward(i)))
        except Exception:
            right = False
        if not right:
            return False
    return True


def _cache_contract(conv_forward, conv_backward):
    """Backward of an *earlier* forward call must use that call's cache."""
    first, second = 1, 3
    g0, g2 = GEOMETRIES[first], GEOMETRIES[second]
    x0, w0, b0, dy0 = _problem(first)
    x2, w2, b2, _ = _problem(second)
    e = SLIPS.backward(dy0, x0, w0, g0[7], g0[8])
    try:
        _, cache0 = call_student(conv_forward, x0.copy(), w0.copy(), b0.copy(), g0[7], g0[8],
                                 where=_where(g0))
        call_student(conv_forward, x2.copy(), w2.copy(), b2.copy(), g2[7], g2[8],
                     where=_where(g2))
        dx, dw, _ = call_student(conv_backward, dy0.copy(), cache0, where=_where(g0))
        kept = _same(np.asarray(dx, float), e[0]) and _same(np.asarray(dw, float), e[1])
    except Exception:
        kept = False
    if kept:
        return None
    names = _globals_read(conv_backward)
    if names:
        return not_yet(M("globals", which="conv_backward", names=", ".join(names),
                         hint=M("cache")))
    return not_yet(M("cache"))


# --------------------------------------------------------------------------- for tests and notebook 11
def reference_layer():
    """convkit's own layer in the exercise's contract (for tests; not shown in a notebook)."""

    def conv_forward(x, w, b, stride=1, pad=0):
        return conv2d_loops(x, w, b, stride=stride, padding=pad), (x, w, b, stride, pad)

    def conv_backward(dy, cache):
        x, w, b, stride, pad = cache
        return conv2d_loops_backward(dy, x, w, stride=stride, padding=pad)

    return conv_forward, conv_backward


def _is_right(conv_forward, conv_backward):
    """Right on every geometry by the loops, without the checker's slip logic, called as a
    network calls it (every forward, then every backward) and leaving its inputs alone."""
    try:
        calls = []
        for i, g in enumerate(GEOMETRIES):
            x, w, b, dy = _problem(i)
            kept = (x.copy(), w.copy(), b.copy())
            y, cache = conv_forward(x, w, b, g[7], g[8])
            if not _same(np.asarray(y, float), SLIPS.forward(*kept, g[7], g[8])):
                return False
            calls.append((x, w, b, dy, kept, cache))
        for i, (x, w, b, dy, kept, cache) in enumerate(calls):
            before = copy.deepcopy(cache)
            got = conv_backward(dy.copy(), cache)
            if not _same_tree(cache, before):
                return False
            want = _want_backward(i)
            if len(got) != 3 or not all(_same(np.asarray(a, float), e) for a, e in zip(got, want)):
                return False
            if not all(np.array_equal(a, k) for a, k in zip((x, w, b), kept)):
                return False
            held = (x, w, b, *_arrays_in(cache))
            if any(isinstance(a, np.ndarray) and np.shares_memory(a, v) for a in got
                   for v in held):
                return False
        return True
    except Exception:
        return False


SOLUTION = '''
def conv_forward(x, w, b, stride=1, pad=0):
    """x (N, C, H, W), w (F, C, KH, KW), b (F,) -> y (N, F, Ho, Wo), cache."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = (H + 2 * pad - KH) // stride + 1, (W + 2 * pad - KW) // stride + 1
    xpad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    y = np.zeros((N, F, Ho, Wo)) + b[None, :, None, None]      # start at the bias
    for i in range(KH):
        for j in range(KW):
            # the inputs tap (i, j) meets, one per output: a strided slice of xpad
            tap = xpad[:, :, i:i + stride * (Ho - 1) + 1:stride, j:j + stride * (Wo - 1) + 1:stride]
            y += np.einsum("nchw,fc->nfhw", tap, w[:, :, i, j])
    cache = (x, w, b, stride, pad)
    return y, cache


def conv_backward(dy, cache):
    """dy (N, F, Ho, Wo) -> dx (N, C, H, W), dw (F, C, KH, KW), db (F,)."""
    x, w, b, stride, pad = cache
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dy.shape[2:]
    xpad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxpad = np.zeros_like(xpad)
    dw = np.zeros_like(w)
    for i in range(KH):
        for j in range(KW):
            rows = slice(i, i + stride * (Ho - 1) + 1, stride)
            cols = slice(j, j + stride * (Wo - 1) + 1, stride)
            dw[:, :, i, j] = np.einsum("nfhw,nchw->fc", dy, xpad[:, :, rows, cols])   # summed over N
            dxpad[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dy, w[:, :, i, j])  # copies add
    dx = dxpad[:, :, pad:pad + H, pad:pad + W]                 # the padding is not an input
    db = dy.sum(axis=(0, 2, 3))                                # shape (F,)
    return dx, dw, db


ex10.conv_layer(conv_forward, conv_backward)
'''

UNIT = Unit(conv_layer, messages=M, solution_code=SOLUTION, is_right=_is_right,
            stated=["`conv_forward(x, w, b, stride, pad)` → `(y, cache)`",
                    "`conv_backward(dy, cache)` → `(dx, dw, db)`"])
