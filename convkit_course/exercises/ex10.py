"""Checker for notebook 10 · your own layer.

    from convkit_course.exercises import ex10
    ex10.conv_layer(conv_forward, conv_backward)
        # conv_forward(x, w, b, stride, pad) -> (y, cache)
        # conv_backward(dy, cache)           -> (dx, dw, db)
    ex10.load_layer("10_your-own-layer.ipynb")   # notebook 11: the two functions, or None

The checker runs the student's layer on hidden geometries (a batch, several channels and
filters, stride 2, padding, a non-square kernel, rows the floor drops), gradient-checks it
numerically and compares it with convkit's literal-loop oracle.  It names the *first* thing
that fails: forward before backward, shapes before values, and for a wrong value the typical
slip that produces exactly it (bias forgotten, kernel flipped, stride ignored in backward,
padding not cropped from dx, dW not summed over the batch, ...).
"""
from __future__ import annotations

import json

import numpy as np

from convkit.direct import conv2d_loops, conv2d_loops_backward
from convkit.gradcheck import numerical_gradient
from ._core import (Reject, as_array, as_function, bad_input, call_student, checker, correct,
                    fallback, is_empty, msg, not_yet)

__all__ = ["GEOMETRIES", "conv_layer"]  # load_layer, reference_layer: helpers, not checkers

# (N, C, F, H, W, KH, KW, stride, pad): hidden from the notebook, in the order they are tried.
GEOMETRIES = [
    (2, 3, 4, 5, 5, 3, 3, 1, 0),    # the article's size, a batch, channels and filters
    (2, 2, 3, 6, 7, 3, 3, 1, 1),    # padding, a non-square input
    (3, 2, 3, 7, 6, 3, 3, 2, 1),    # stride 2 and padding
    (2, 2, 2, 6, 5, 3, 2, 2, 0),    # a non-square kernel; the floor drops a row and a column
]
_RTOL, _ATOL = 1e-5, 1e-7


def _problem(index):
    """x, w, b, dy for geometry ``index`` (seeded, float64)."""
    n, c, f, h, wd, kh, kw, s, p = GEOMETRIES[index]
    rng = np.random.default_rng(100 + index)
    x = rng.standard_normal((n, c, h, wd))
    w = rng.standard_normal((f, c, kh, kw))
    b = rng.standard_normal(f)
    ho, wo = (h + 2 * p - kh) // s + 1, (wd + 2 * p - kw) // s + 1
    dy = rng.standard_normal((n, f, ho, wo))
    return x, w, b, dy


def _where(index):
    n, c, f, h, wd, kh, kw, s, p = GEOMETRIES[index]
    return msg("for x {x}, w {w}, stride {s}, pad {p}", x=(n, c, h, wd), w=(f, c, kh, kw),
               s=s, p=p)


def _forward(x, w, b, s, p):
    return conv2d_loops(x, w, b, stride=s, padding=p)


def _backward(dy, x, w, s, p):
    return conv2d_loops_backward(dy, x, w, stride=s, padding=p)


def _same(a, e):
    return a.shape == e.shape and np.allclose(a, e, rtol=_RTOL, atol=_ATOL)


# --------------------------------------------------------------------------- forward
def _forward_shape_hint(y_shape, x, w, s, p, where):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    want = (n, f, (h + 2 * p - kh) // s + 1, (wd + 2 * p - kw) // s + 1)
    got = tuple(y_shape)
    if len(got) != 4:
        return not_yet(msg("{where}, y has shape {got}; expected 4 axes (N, F, Ho, Wo) = {want}.",
                           where=where, got=got, want=want))
    if got[:2] == (f, n) and n != f:
        return not_yet(msg("{where}, y has shape {got}: the batch and filter axes are swapped; "
                           "expected (N, F, Ho, Wo) = {want}.", where=where, got=got, want=want))
    if got[1] == c and c != f:
        return not_yet(msg("{where}, y has {c} channels — one per input channel. A filter sums "
                           "over all C input channels and gives one output channel: y has F = {f} "
                           "channels, shape {want}.", where=where, c=c, f=f, want=want))
    hw = got[2:]
    if hw == (h + 2 * p - kh + 1, wd + 2 * p - kw + 1) and s > 1:
        return not_yet(msg("{where}, y has shape {got}: that is the stride-1 output. With stride "
                           "{s} the window jumps {s} pixels: Ho = (H + 2P - KH) // S + 1, so "
                           "expected {want}.", where=where, got=got, s=s, want=want))
    if hw == ((h - kh) // s + 1, (wd - kw) // s + 1) and p > 0:
        return not_yet(msg("{where}, y has shape {got}: the padding is missing. Pad x with {p} "
                           "zeros on every side of H and W first; expected {want}.",
                           where=where, got=got, p=p, want=want))
    if hw == ((h + p - kh) // s + 1, (wd + p - kw) // s + 1) and p > 0:
        return not_yet(msg("{where}, y has shape {got}: the padding was added on one side only; "
                           "pad both sides (P before and P after); expected {want}.",
                           where=where, got=got, want=want))
    if hw == (want[3], want[2]) and want[2] != want[3]:
        return not_yet(msg("{where}, y has shape {got}: height and width are swapped; expected "
                           "{want}.", where=where, got=got, want=want))
    return fallback(msg("{where}, y has shape {got}; expected (N, F, Ho, Wo) = {want}, with "
                        "Ho = (H + 2P - KH) // S + 1.", where=where, got=got, want=want))


def _forward_value_hint(y, x, w, b, s, p, where):
    e_nob = _forward(x, w, None, s, p)
    if _same(y, e_nob):
        return not_yet(msg("{where}, y is right except for the bias: add b[f] to every output of "
                           "filter f (b has shape (F,), so b[None, :, None, None]).", where=where))
    if _same(y, _forward(x, w[:, :, ::-1, ::-1].copy(), b, s, p)):
        return not_yet(msg("{where}, y is a true convolution: you flipped (rotated) the kernel. "
                           "A conv layer computes cross-correlation — no flip (notebook 01).",
                           where=where))
    if w.shape[2] == w.shape[3] and _same(y, _forward(x, w.transpose(0, 1, 3, 2).copy(), b, s, p)):
        return not_yet(msg("{where}, y uses the kernel transposed: w[f, c, i, j] multiplies "
                           "x[..., row + i, column + j] (i along H, j along W).", where=where))
    if _same(y, _forward(x[:, :1], w[:, :1], b, s, p)):
        return not_yet(msg("{where}, y only uses input channel 0: sum over all C channels.",
                           where=where))
    if _same(y, e_nob + b.sum()):
        return not_yet(msg("{where}, every output got the sum of all biases: filter f adds only "
                           "its own b[f].", where=where))
    if s > 1:
        full = _forward(x, w, b, 1, p)
        ho, wo = y.shape[2:]
        if _same(y, full[:, :, :ho, :wo]):
            return not_yet(msg("{where}, y holds the first stride-1 outputs: with stride {s}, "
                               "output (r, c) reads the window at (r·{s}, c·{s}) of the padded "
                               "input.", where=where, s=s))
    if p > 0 and _same(y, _forward(np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)),
                                          constant_values=1.0), w, b, s, 0)):
        return not_yet(msg("{where}, y was padded with ones: pad with zeros (np.pad's default).",
                           where=where))
    e = _forward(x, w, b, s, p)
    bad = np.argwhere(~np.isclose(y, e, rtol=_RTOL, atol=_ATOL))
    first = tuple(int(i) for i in bad[0])
    return fallback(msg("{where}, y has the right shape but {count} of {size} entries differ; "
                        "the first is y{first}: got {got:.6g}, expected {want:.6g}.",
                        where=where, count=len(bad), size=y.size, first=first,
                        got=float(y[first]), want=float(e[first])))


def _call_forward(conv_forward, x, w, b, s, p, where):
    args = (x.copy(), w.copy(), b.copy())
    out = call_student(conv_forward, *args, s, p, where=msg("{where}, in conv_forward", where=where))
    if not all(np.array_equal(a, o) for a, o in zip(args, (x, w, b))):
        raise Reject(not_yet(msg("your layer changed its inputs x, w or b in place (e.g. x += "
                                 "... or x[...] = ...): work on copies or new arrays.")))
    if is_empty(out) or (isinstance(out, tuple) and len(out) == 2 and is_empty(out[0])):
        raise Reject(bad_input(msg("conv_forward is still empty: it returns ... — write the "
                                   "forward pass (the scaffold's y = ...).")))
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        raise Reject(not_yet(msg("{where}, conv_forward should return two things, (y, cache); "
                                 "it returned a {kind}.", where=where, kind=type(out).__name__)))
    y = as_array(out[0], "y")
    return y, out[1]


# --------------------------------------------------------------------------- backward
def _batch_first(dy, x, w, s, p):
    return _backward(dy[:1], x[:1], w, s, p)


def _stride_ignored(dy, x, w, s, p):
    """The backward of a stride-1 layer applied to dy: dy's entries treated as neighbours."""
    kh, kw = w.shape[2:]
    n, c, h, wd = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    ho, wo = dy.shape[2:]
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + ho, j:j + wo]
            dw[:, :, i, j] = np.einsum("nfhw,nchw->fc", dy, patch)
            dxp[:, :, i:i + ho, j:j + wo] += np.einsum("nfhw,fc->nchw", dy, w[:, :, i, j])
    return dxp[:, :, p:p + h, p:p + wd], dw


def _check_db(db, dy, where):
    f = dy.shape[1]
    e = dy.sum(axis=(0, 2, 3))
    if db.shape == (1, f, 1, 1) or db.shape == (f, 1, 1) or db.shape == (1, f):
        if _same(db.reshape(f), e):
            return not_yet(msg("{where}, db has shape {got}: the numbers are right, but b has "
                               "shape (F,), so db must too: sum dy over N, Ho and Wo (axis=(0, 2, "
                               "3)) and you get shape ({f},).", where=where, got=db.shape, f=f))
    if db.shape == () or db.size == 1 and f > 1:
        return not_yet(msg("{where}, db is one number: each filter has its own bias, so db has "
                           "shape (F,) = ({f},) — sum dy over every axis except the filter axis.",
                           where=where, f=f))
    if db.shape == (dy.shape[0], f):
        return not_yet(msg("{where}, db has shape {got}, one row per image: the bias is shared by "
                           "the whole batch, so sum over N too; expected ({f},).", where=where,
                           got=db.shape, f=f))
    if db.shape != (f,):
        return fallback(msg("{where}, db has shape {got}; expected (F,) = ({f},).", where=where,
                            got=db.shape, f=f))
    if _same(db, e):
        return None
    if _same(db, e / dy.shape[0]):
        return not_yet(msg("{where}, db is divided by the batch size N: sum over the batch, do not "
                           "average (the loss already did any averaging).", where=where))
    if _same(db, dy[0].sum(axis=(1, 2))):
        return not_yet(msg("{where}, db only has image 0's contribution: sum over the whole batch "
                           "(axis 0) too.", where=where))
    return fallback(msg("{where}, db is not dy summed over N, Ho and Wo.", where=where))


def _check_dw(dw, dy, x, w, s, p, where):
    e = _backward(dy, x, w, s, p)[1]
    if dw.shape != w.shape:
        if dw.shape == (dy.shape[0],) + w.shape:
            return not_yet(msg("{where}, dw has shape {got}: one dW per image. The same weights "
                               "serve every image, so sum over the batch; expected {want}.",
                               where=where, got=dw.shape, want=w.shape))
        return fallback(msg("{where}, dw has shape {got}; expected w's shape {want}.",
                            where=where, got=dw.shape, want=w.shape))
    if _same(dw, e):
        return None
    n = dy.shape[0]
    if _same(dw, e / n):
        return not_yet(msg("{where}, dw is divided by the batch size N: dW sums the images' "
                           "contributions (notebook 04), no average.", where=where))
    if n > 1 and _same(dw, _batch_first(dy, x, w, s, p)[1]):
        return not_yet(msg("{where}, dw only has image 0's contribution: dW is summed over the "
                           "batch — every image used the same weights.", where=where))
    if _same(dw, e[:, :, ::-1, ::-1]):
        return not_yet(msg("{where}, dw is rotated by 180°: dW is not rotated — the indices of dy "
                           "and x grow together (notebook 04).", where=where))
    if s > 1 and _same(dw, _stride_ignored(dy, x, w, s, p)[1]):
        return not_yet(msg("{where}, dw ignores the stride in the backward pass: output (r, c) "
                           "read the window at (r·{s}, c·{s}), so weight (i, j) met "
                           "xpad[..., r·{s} + i, c·{s} + j] (notebook 05).", where=where, s=s))
    if p > 0 and _same(dw, _backward(dy, np.pad(x, ((0, 0), (0, 0), (0, 2 * p), (0, 2 * p))),
                                     w, s, 0)[1]):
        return not_yet(msg("{where}, dw uses the unpadded x: the weights met the padded input, "
                           "so correlate xpad (x with {p} zeros on every side) with dy.",
                           where=where, p=p))
    return fallback(msg("{where}, dw fails the gradient check (compared with a numerical "
                        "gradient); the largest relative error is {err:.3g}.", where=where,
                        err=_rel(dw, e)))


def _check_dx(dx, dy, x, w, s, p, where):
    e = _backward(dy, x, w, s, p)[0]
    n, c, h, wd = x.shape
    if dx.shape != x.shape:
        if dx.shape == (n, c, h + 2 * p, wd + 2 * p) and p > 0:
            return not_yet(msg("{where}, dx has shape {got}, the padded input's: the padding is not "
                               "an input, so crop {p} rows and columns from every side "
                               "(dxpad[:, :, {p}:-{p}, {p}:-{p}]); expected {want}.",
                               where=where, got=dx.shape, p=p, want=x.shape))
        return fallback(msg("{where}, dx has shape {got}; expected x's shape {want}.",
                            where=where, got=dx.shape, want=x.shape))
    if _same(dx, e):
        return None
    if p > 0:
        # the gradient of the padded input, cropped at the wrong place
        dxp = _backward(dy, np.pad(x, ((0, 0), (0, 0), (p, p), (p, p))), w, s, 0)[0]
        if _same(dx, dxp[:, :, :h, :wd]) or _same(dx, dxp[:, :, 2 * p:, 2 * p:]):
            return not_yet(msg("{where}, dx is cropped at the wrong place: drop {p} rows and "
                               "columns from *each* side of the padded gradient, "
                               "[:, :, {p}:{p} + H, {p}:{p} + W].", where=where, p=p))
    if s > 1 and _same(dx, _stride_ignored(dy, x, w, s, p)[0]):
        return not_yet(msg("{where}, dx ignores the stride in the backward pass: output (r, c) "
                           "sends dy × w back to the window at (r·{s}, c·{s}), not (r, c) "
                           "(notebook 05).", where=where, s=s))
    if w.shape[0] > 1 and _same(dx, _backward(dy[:, :1], x, w[:1], s, p)[0]):
        return not_yet(msg("{where}, dx only has filter 0's contribution: every filter read x, so "
                           "dx sums over all F filters.", where=where))
    if _same(dx, _backward(dy, x, w[:, :, ::-1, ::-1].copy(), s, p)[0]):
        return not_yet(msg("{where}, dx uses the kernel rotated the wrong way: in the full "
                           "correlation form the kernel is rotated 180° (notebook 03); in the "
                           "scatter form (dy × w added onto each window) it is not rotated at "
                           "all.", where=where))
    if n > 1 and _same(dx, e / n):
        return not_yet(msg("{where}, dx is divided by the batch size N: each image gets its own "
                           "gradient, nothing is averaged.", where=where))
    return fallback(msg("{where}, dx fails the gradient check (compared with a numerical "
                        "gradient); the largest relative error is {err:.3g}.", where=where,
                        err=_rel(dx, e)))


def _rel(a, e):
    return float(np.max(np.abs(a - e) / np.maximum(1e-8, np.abs(a) + np.abs(e))))


def _call_backward(conv_backward, dy, cache, where):
    dy_copy = dy.copy()
    out = call_student(conv_backward, dy_copy, cache,
                       where=msg("{where}, in conv_backward", where=where))
    if not np.array_equal(dy_copy, dy):
        raise Reject(not_yet(msg("conv_backward changed dy in place: work on a copy or new "
                                 "arrays (dy belongs to the layer above).")))
    if is_empty(out) or (isinstance(out, (tuple, list)) and len(out) == 3
                         and all(is_empty(v) for v in out)):
        raise Reject(bad_input(msg("conv_forward passes every test. conv_backward is still "
                                   "empty: it returns ... — now write the backward pass.")))
    if not (isinstance(out, (tuple, list)) and len(out) == 3):
        raise Reject(not_yet(msg("{where}, conv_backward should return three arrays, (dx, dw, "
                                 "db); it returned a {kind}.", where=where,
                                 kind=type(out).__name__)))
    names = ("dx", "dw", "db")
    for name, value in zip(names, out):
        if is_empty(value):
            raise Reject(bad_input(msg("{where}, conv_backward returns ... for {name}: write it.",
                                       where=where, name=name)))
    return tuple(as_array(v, name) for name, v in zip(names, out))


# --------------------------------------------------------------------------- the checker
@checker
def conv_layer(conv_forward, conv_backward):
    """Exercise (notebook 10): a whole conv layer, forward and backward.

    ``conv_forward(x, w, b, stride, pad) -> (y, cache)``: x (N, C, H, W), w (F, C, KH, KW),
    b (F,) -> y (N, F, Ho, Wo).  ``conv_backward(dy, cache) -> (dx, dw, db)`` with the shapes
    of x, w and b.  Tried on hidden geometries; the first failure is named.
    """
    conv_forward = as_function(conv_forward, "conv_forward")
    conv_backward = as_function(conv_backward, "conv_backward")

    for index in range(len(GEOMETRIES)):                       # 1. forward, every geometry
        x, w, b, dy = _problem(index)
        s, p = GEOMETRIES[index][7:]
        where = _where(index)
        y, cache = _call_forward(conv_forward, x, w, b, s, p, where)
        e = _forward(x, w, b, s, p)
        if y.shape != e.shape:
            return _forward_shape_hint(y.shape, x, w, s, p, where)
        if not _same(y, e):
            return _forward_value_hint(y, x, w, b, s, p, where)

    for index in range(len(GEOMETRIES)):                       # 2. backward, every geometry
        x, w, b, dy = _problem(index)
        s, p = GEOMETRIES[index][7:]
        where = _where(index)
        _, cache = _call_forward(conv_forward, x, w, b, s, p, where)
        dx, dw, db = _call_backward(conv_backward, dy, cache, where)
        for verdict in (_check_db(db, dy, where), _check_dw(dw, dy, x, w, s, p, where),
                        _check_dx(dx, dy, x, w, s, p, where)):
            if verdict is not None:
                return verdict

    # 3. the cache contract: backward of an *earlier* forward call must use that call's cache
    x0, w0, b0, dy0 = _problem(0)
    x2, w2, b2, _ = _problem(2)
    _, cache0 = _call_forward(conv_forward, x0, w0, b0, 1, 0, _where(0))
    _call_forward(conv_forward, x2, w2, b2, 2, 1, _where(2))
    e = _backward(dy0, x0, w0, 1, 0)
    try:
        dx, dw, db = _call_backward(conv_backward, dy0, cache0, _where(0))
        kept = dx.shape == e[0].shape and dw.shape == e[1].shape and _same(dx, e[0]) \
            and _same(dw, e[1])
    except Reject:
        kept = False
    if not kept:
        return not_yet(msg("conv_backward does not use its cache: after a second forward call it "
                           "gave wrong gradients for the first one. Keep everything backward needs "
                           "(x, w, b, stride, pad) in cache, not in global variables."))

    # 4. a numerical gradient check of the student's own forward pass
    x, w, b, dy = _problem(3)
    s, p = GEOMETRIES[3][7:]
    _, cache = _call_forward(conv_forward, x, w, b, s, p, _where(3))
    dx, dw, db = _call_backward(conv_backward, dy, cache, _where(3))
    for name, got, arg in (("dx", dx, 0), ("dw", dw, 1), ("db", db, 2)):
        def loss_of(value, arg=arg):
            args = [x, w, b]
            args[arg] = value
            return np.asarray(conv_forward(args[0], args[1], args[2], s, p)[0], dtype=float)
        # the layer is linear in x, w and b, so a large step is exact (and float32-proof)
        numeric = numerical_gradient(loss_of, (x, w, b)[arg], dout=dy, h=0.1)
        if _rel(got, numeric) > 1e-4:
            return fallback(msg("{name} disagrees with the numerical gradient of your own "
                                "conv_forward (relative error {err:.3g}).", name=name,
                                err=_rel(got, numeric)))
    return correct(msg("your layer gives the right y, dx, dw and db for batches, channels, filters, "
                       "stride 2, padding and a non-square kernel, matches convkit's oracle and "
                       "passes a numerical gradient check. Notebook 11 trains a network with it."))


# --------------------------------------------------------------------------- for notebook 11
def load_layer(notebook="10_your-own-layer.ipynb"):
    """The student's ``(conv_forward, conv_backward)`` from notebook 10, or ``None``.

    Runs, in a fresh namespace, only the notebook's code cells that define them (each
    notebook has its own kernel, so notebook 11 cannot see notebook 10's variables).
    ``None`` when the file is missing or those cells fail to run.
    """
    try:
        with open(notebook, encoding="utf-8") as handle:
            cells = json.load(handle)["cells"]
        sources = ["".join(c["source"]) for c in cells if c.get("cell_type") == "code"]
        wanted = [src for src in sources if "def conv_forward(" in src
                  or "def conv_backward(" in src]
        namespace = {"np": np, "__name__": "your_layer"}
        for source in wanted:
            exec(compile(source, notebook, "exec"), namespace)  # noqa: S102 - the student's code
        return namespace["conv_forward"], namespace["conv_backward"]
    except Exception:
        return None


def reference_layer():
    """convkit's own layer in the exercise's contract (for tests; not shown in a notebook)."""

    def conv_forward(x, w, b, stride=1, pad=0):
        return conv2d_loops(x, w, b, stride=stride, padding=pad), (x, w, b, stride, pad)

    def conv_backward(dy, cache):
        x, w, b, stride, pad = cache
        return conv2d_loops_backward(dy, x, w, stride=stride, padding=pad)

    return conv_forward, conv_backward

