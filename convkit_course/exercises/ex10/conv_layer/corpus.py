"""Whole layers students hand to ex10.conv_layer(conv_forward, conv_backward).

``student_layer(bug)`` is a student's tap-loop layer, written here the way notebook 10's plan
describes it; ``bug`` changes the one line a student gets wrong.  Other students write other
layers: seven literal loops, their own im2col, helpers in cells of their own, a dict as the
cache — and the slips that only show in place or across calls (a kernel rotated in place,
``dw = w``, an accumulator never reset, a backward that reads the notebook's globals).
"""
import numpy as np

from convkit_course.exercises._corpus import other, right, slip

STATE = {}


def student_layer(bug=None):
    def conv_forward(x, w, b, stride=1, pad=0):
        N, C, H, W = x.shape
        F, _, KH, KW = w.shape
        S = {"fwd-no-stride": 1, "stride-2": 2}.get(bug, stride)
        P = {"fwd-no-pad": 0, "pad-1": 1}.get(bug, pad)
        if bug == "pad-bool":
            P = 1 if pad else 0
        Ho, Wo = (H + 2 * P - KH) // S + 1, (W + 2 * P - KW) // S + 1
        if bug == "float-size":
            Ho, Wo = (H + 2 * P - KH) / S + 1, (W + 2 * P - KW) / S + 1
        if bug == "one-side":
            xpad = np.pad(x, ((0, 0), (0, 0), (P, 0), (P, 0)))
            Ho, Wo = (H + P - KH) // S + 1, (W + P - KW) // S + 1
        elif bug == "pad-ones":
            xpad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)), constant_values=1)
        else:
            xpad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
        kernel = w[:, :, ::-1, ::-1] if bug == "flipped" else w
        y = np.zeros((N, F, Ho, Wo))
        if bug == "bias-0":
            y += b[0]
        elif bug == "bias-sum":
            y += b.sum()
        elif bug != "no-bias":
            y += b[None, :, None, None]
        for i in range(KH):
            for j in range(KW):
                step = 1 if bug == "first-outputs" else S
                tap = xpad[:, :, i:i + step * (Ho - 1) + 1:step, j:j + step * (Wo - 1) + 1:step]
                weight = kernel[:, :, j, i] if bug == "fwd-transposed" else kernel[:, :, i, j]
                if bug == "channel-0":
                    y += np.einsum("nhw,f->nfhw", tap[:, 0], weight[:, 0])
                else:
                    y += np.einsum("nchw,fc->nfhw", tap, weight)
        if bug == "nf-swapped":
            y = y.transpose(1, 0, 2, 3)
        if bug == "hw-swapped":
            y = y.transpose(0, 1, 3, 2)
        cache = (x, w, b, stride, pad)
        if bug == "global-cache":
            STATE["cache"] = cache
        return y, cache

    def conv_backward(dy, cache):
        x, w, b, stride, pad = STATE["cache"] if bug == "global-cache" else cache
        N, C, H, W = x.shape
        F, _, KH, KW = w.shape
        Ho, Wo = dy.shape[2:]
        S = {"bwd-no-stride": 1, "stride-2": 2, "bwd-stride-2": 2}.get(bug, stride)
        S_dx = 1 if bug == "dx-no-stride" else S
        P = 1 if bug == "pad-1" else pad
        xpad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
        x_for_dw = np.pad(x, ((0, 0), (0, 0), (0, 2 * P), (0, 2 * P))) if bug == "dw-unpadded" \
            else xpad
        dxpad = np.zeros_like(xpad)
        dw = np.zeros_like(w)
        for i in range(KH):
            for j in range(KW):
                rows = slice(i, i + S * (Ho - 1) + 1, S)
                cols = slice(j, j + S * (Wo - 1) + 1, S)
                images = slice(0, 1) if bug == "dw-image-0" else slice(None)
                ti, tj = (j, i) if bug == "bwd-transposed" else (i, j)
                dw[:, :, ti, tj] = np.einsum("nfhw,nchw->fc", dy[images], x_for_dw[images, :, rows, cols])
                kernel = w[:, :, KH - 1 - i, KW - 1 - j] if bug == "dx-rotated" else w[:, :, ti, tj]
                if bug == "dx-transposed":
                    kernel = w[:, :, j, i]
                dx_rows = slice(i, i + S_dx * (Ho - 1) + 1, S_dx)
                dx_cols = slice(j, j + S_dx * (Wo - 1) + 1, S_dx)
                if bug == "dx-filter-0":
                    dxpad[:, :, dx_rows, dx_cols] += np.einsum("nhw,c->nchw", dy[:, 0], kernel[0])
                else:
                    dxpad[:, :, dx_rows, dx_cols] += np.einsum("nfhw,fc->nchw", dy, kernel)
        db = dy.sum(axis=(0, 2, 3))
        if bug == "dw-mean":
            dw = dw / N
        if bug == "dw-rotated":
            dw = dw[:, :, ::-1, ::-1]
        if bug == "dw-per-image":   # one dW per image: the batch sum forgotten
            dw = np.zeros((N,) + w.shape)
            for i in range(KH):
                for j in range(KW):
                    rows = slice(i, i + S * (Ho - 1) + 1, S)
                    cols = slice(j, j + S * (Wo - 1) + 1, S)
                    dw[:, :, :, i, j] = np.einsum("nfhw,nchw->nfc", dy, xpad[:, :, rows, cols])
        if bug == "db-4d":
            db = db[None, :, None, None]
        if bug == "db-mean":
            db = dy.mean(axis=(0, 2, 3))
        if bug == "db-scalar":
            db = dy.sum()
        if bug == "db-per-image":
            db = dy.sum(axis=(2, 3))
        if bug == "db-image-0":
            db = dy[0].sum(axis=(1, 2))
        if bug == "db-axes":
            db = dy.sum(axis=(0, 1, 2))
        if bug == "dx-mean":
            dxpad = dxpad / N
        if bug == "dx-no-crop":
            return dxpad, dw, db
        if bug == "dx-crop-one-side":
            return dxpad[:, :, :H, :W], dw, db
        if bug == "dx-crop-minus":
            return dxpad[:, :, pad:-pad, pad:-pad], dw, db
        return dxpad[:, :, P:P + H, P:P + W], dw, db

    return conv_forward, conv_backward


# ----------------------------------------------------------------------------- other right layers
def loops_forward(x, w, b, stride, pad):
    """The seven literal loops (slow, and right)."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho, Wo = (H + 2 * pad - KH) // stride + 1, (W + 2 * pad - KW) // stride + 1
    y = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for r in range(Ho):
                for c in range(Wo):
                    y[n, f, r, c] = b[f] + np.sum(
                        xp[n, :, r * stride:r * stride + KH, c * stride:c * stride + KW] * w[f])
    return y, {"x": x, "w": w, "stride": stride, "pad": pad}


def loops_backward(dy, cache):
    x, w, stride, pad = cache["x"], cache["w"], cache["stride"], cache["pad"]
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for n in range(N):
        for f in range(F):
            for r in range(dy.shape[2]):
                for c in range(dy.shape[3]):
                    window = (n, slice(None), slice(r * stride, r * stride + KH),
                              slice(c * stride, c * stride + KW))
                    dw[f] += dy[n, f, r, c] * xp[window]
                    dxp[window] += dy[n, f, r, c] * w[f]
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dy.sum(axis=(0, 2, 3))


def im2col_forward(x, w, b, stride, pad):
    """A student's own im2col: fancy indexing into the padded input."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = (H + 2 * pad - KH) // stride + 1, (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    i = (np.arange(KH)[:, None] + stride * np.arange(Ho)[None, :])   # (KH, Ho)
    j = (np.arange(KW)[:, None] + stride * np.arange(Wo)[None, :])   # (KW, Wo)
    cols = xp[:, :, i[:, None, :, None], j[None, :, None, :]]        # (N, C, KH, KW, Ho, Wo)
    cols = cols.reshape(N, C * KH * KW, Ho * Wo)
    y = (w.reshape(F, -1) @ cols + b[:, None]).reshape(N, F, Ho, Wo)
    return y, (x.shape, w, stride, pad, cols, i, j)


def im2col_backward(dy, cache):
    x_shape, w, stride, pad, cols, i, j = cache
    N, C, H, W = x_shape
    F, _, KH, KW = w.shape
    dY = dy.reshape(N, F, -1)
    dw = np.einsum("nfl,nkl->fk", dY, cols).reshape(w.shape)
    dcols = (w.reshape(F, -1).T @ dY).reshape(N, C, KH, KW, dy.shape[2], dy.shape[3])
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    np.add.at(dxp, (slice(None), slice(None), i[:, None, :, None], j[None, :, None, :]), dcols)
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dy.sum(axis=(0, 2, 3))


def pad4(x, p):
    """A helper in its own cell: pad the two spatial axes of an NCHW array."""
    return np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))


def helper_forward(x, w, b, stride, pad):
    xp = pad4(x, pad)
    F, _, KH, KW = w.shape
    Ho, Wo = (xp.shape[2] - KH) // stride + 1, (xp.shape[3] - KW) // stride + 1
    y = np.tile(b[None, :, None, None], (x.shape[0], 1, Ho, Wo)).astype(float)
    for i in range(KH):
        for j in range(KW):
            y += np.einsum("nchw,fc->nfhw", xp[:, :, i:i + stride * Ho:stride,
                                              j:j + stride * Wo:stride], w[:, :, i, j])
    return y, (x, w, b, stride, pad)


def as_lists_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return [y.astype(np.float32).tolist(), cache]


def as_lists_backward(dy, cache):
    return list(student_layer()[1](dy, cache))


# ----------------------------------------------------------------------------- slips seen only in place
def rotating_forward(x, w, b, stride, pad):
    """Rotates the caller's kernel in place, to 'convolve', then computes a correlation with
    the rotation undone on the fly: right numbers, the caller's w changed."""
    w[...] = w[:, :, ::-1, ::-1].copy()
    return student_layer()[0](x, w[:, :, ::-1, ::-1], b, stride, pad)


def flipping_backward(dy, cache):
    """Flips the cached weight in place for the full-correlation form of dx."""
    x, w, b, stride, pad = cache
    dx, dw, db = student_layer()[1](dy, cache)
    w[...] = w[:, :, ::-1, ::-1]            # "rotate the kernel" ... in place
    return dx, dw, db


def aliasing_backward(dy, cache):
    """dw = w: the gradient written into the weight's own array."""
    x, w, b, stride, pad = cache
    dx, dw_right, db = student_layer()[1](dy, cache)
    dw = w
    dw[...] = dw_right
    return dx, dw, db


def buffer_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return y, cache + (np.zeros_like(w),)      # a buffer for dw, kept in the cache


def buffer_backward(dy, cache):
    dx, dw, db = student_layer()[1](dy, cache[:5])
    buffer = cache[5]
    buffer[...] = dw
    return dx, buffer, db


ACCUMULATOR = {}


def accumulating_backward(dy, cache):
    dx, dw, db = student_layer()[1](dy, cache)
    ACCUMULATOR.setdefault("dw", np.zeros_like(dw))
    if ACCUMULATOR["dw"].shape != dw.shape:
        ACCUMULATOR["dw"] = np.zeros_like(dw)
    ACCUMULATOR["dw"] += dw                  # never reset
    return dx, ACCUMULATOR["dw"].copy(), db


def dy_scaling_backward(dy, cache):
    dy *= 1.0
    dy[0] = dy[0] * 2 / 2 + 1e-3             # "normalises" dy in place
    return student_layer()[1](dy - np.eye(1)[0, 0] * 0, cache)


def popping_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return y, list(cache)


def popping_backward(dy, cache):
    pad = cache.pop()                         # the cache loses its pad
    return student_layer()[1](dy, tuple(cache) + (pad,))


x = np.ones((2, 3, 7, 6))                     # the notebook's own check variables
w = np.ones((4, 3, 3, 3))


def globals_backward(dy, cache):
    """Reads the notebook's x and w instead of the cache."""
    _, _, b, stride, pad = cache
    return student_layer()[1](dy, (x, w, b, stride, pad))


# ----------------------------------------------------------------------------- form slips
def cs231n_forward(x, w, b, conv_param):
    return student_layer()[0](x, w, b, conv_param["stride"], conv_param["pad"])


def y_only_forward(x, w, b, stride, pad):
    return student_layer()[0](x, w, b, stride, pad)[0]


def two_grads_backward(dy, cache):
    return student_layer()[1](dy, cache)[:2]


def empty_forward(x, w, b, stride=1, pad=0):
    y = ...
    cache = ...
    return y, cache


def empty_backward(dy, cache):
    dx, dw, db = ..., ..., ...
    return dx, dw, db


def no_db_backward(dy, cache):
    dx, dw, _ = student_layer()[1](dy, cache)
    return dx, dw, ...


def flat_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return y.reshape(y.shape[0], y.shape[1], -1), cache


def channels_forward(x, w, b, stride, pad):
    """Each input channel convolved with filter 0's slice: one output per input channel."""
    y, cache = student_layer()[0](x, np.repeat(w[:1], x.shape[1], axis=0)[:, :, :, :], 0 * b[:1]
                                   .repeat(x.shape[1]), stride, pad)
    return y, cache


def nan_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    y = y.copy()
    y[:, :, -1] = np.nan                      # the placeholder's last row, never filled
    return y, cache


def dict_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return {"y": y}, cache


def off_by_one_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return np.pad(y, ((0, 0), (0, 0), (0, 1), (0, 1))), cache


def noisy_forward(x, w, b, stride, pad):
    y, cache = student_layer()[0](x, w, b, stride, pad)
    return y + 0.01 * np.sign(y), cache


def noisy_backward(dy, cache):
    dx, dw, db = student_layer()[1](dy, cache)
    return dx, dw * 1.01 + 0.01, db


def bigger_dw_backward(dy, cache):
    dx, dw, db = student_layer()[1](dy, cache)
    return dx, np.pad(dw, ((0, 0), (0, 0), (0, 1), (0, 0))), db


def square_forward(x, w, b, stride, pad):
    """One kernel size for both axes: K = w.shape[2]."""
    N, C, H, W = x.shape
    F, _, K, _ = w.shape
    Ho, Wo = (H + 2 * pad - K) // stride + 1, (W + 2 * pad - K) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    y = np.zeros((N, F, Ho, Wo)) + b[None, :, None, None]
    for i in range(K):
        for j in range(K):
            y += np.einsum("nchw,fc->nfhw", xp[:, :, i:i + stride * (Ho - 1) + 1:stride,
                                               j:j + stride * (Wo - 1) + 1:stride], w[:, :, i, j])
    return y, (x, w, b, stride, pad)


def dict_cache_forward(x, w, b, stride, pad):
    y, _ = student_layer()[0](x, w, b, stride, pad)
    return y, {"x": x, "w": w, "b": b, "stride": stride, "pad": pad}


def precedence_forward(x, w, b, stride, pad):
    """Ho = H + 2*pad - KH // stride + 1: right for stride 1, raises for the others."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = H + 2 * pad - KH // stride + 1, W + 2 * pad - KW // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    y = np.zeros((N, F, Ho, Wo)) + b[None, :, None, None]
    for i in range(KH):
        for j in range(KW):
            y += np.einsum("nchw,fc->nfhw", xp[:, :, i:i + stride * (Ho - 1) + 1:stride,
                                               j:j + stride * (Wo - 1) + 1:stride], w[:, :, i, j])
    return y, (x, w, b, stride, pad)


def layer(bug=None):
    return student_layer(bug)


RIGHT_F, RIGHT_B = student_layer()

CORPUS = [
    right(RIGHT_F, RIGHT_B, why="the tap-loop layer of the plan"),
    right(loops_forward, loops_backward, why="seven literal loops, a dict as the cache"),
    right(im2col_forward, im2col_backward, why="a student's own im2col"),
    right(helper_forward, RIGHT_B, why="a helper pad4 in a cell of its own"),
    right(as_lists_forward, as_lists_backward, why="lists, float32 y"),
    right(lambda x, w, b, s, p: RIGHT_F(x, w, b, stride=s, pad=p), RIGHT_B,
          why="a lambda calling it by keyword"),
    # forward
    slip(*layer("no-bias"), hint="fwd.no_bias", why="bias forgotten"),
    slip(*layer("bias-0"), hint="fwd.bias_first", why="+ b[0]"),
    slip(*layer("flipped"), hint="fwd.flipped", why="kernel flipped"),
    slip(*layer("fwd-transposed"), hint="fwd.kernel_transposed", why="w[:, :, j, i]"),
    slip(*layer("channel-0"), hint="fwd.channel_0", why="only channel 0"),
    slip(*layer("nf-swapped"), hint="fwd.nf_swapped", why="(F, N, Ho, Wo)"),
    slip(*layer("hw-swapped"), hint="fwd.hw_swapped", why="(N, F, Wo, Ho)"),
    slip(*layer("first-outputs"), hint="fwd.first_outputs", why="tap slices with step 1"),
    slip(*layer("fwd-no-stride"), hint="fwd.no_stride", why="stride ignored in forward"),
    slip(*layer("fwd-no-pad"), hint="fwd.no_padding", why="padding forgotten"),
    slip(*layer("one-side"), hint="fwd.one_side", why="padded before only"),
    slip(*layer("pad-ones"), hint="fwd.padded_ones", why="padded with ones"),
    slip(*layer("pad-bool"), hint="fwd.padding_bool", why="pad = 1 if pad else 0"),
    slip(*layer("stride-2"), hint="fixed", why="stride hard-coded to 2 (as in the example)"),
    slip(*layer("pad-1"), hint="fixed", why="pad hard-coded to 1 (as in the example)"),
    slip(*layer("float-size"), hint="float_size", why="Ho with / instead of //"),
    slip(precedence_forward, RIGHT_B, hint="only_for", why="H + 2P - KH // S + 1"),
    slip(square_forward, RIGHT_B, hint="only_square", why="K = w.shape[2] for both axes"),
    slip(*layer("bias-sum"), hint="fwd.bias_sum", why="+ b.sum()"),
    slip(flat_forward, RIGHT_B, hint="fwd.axes", why="y left as (N, F, Ho·Wo)"),
    slip(channels_forward, RIGHT_B, hint="fwd.channels", why="one output per input channel"),
    # backward
    slip(*layer("db-4d"), hint="db.shape", why="db (1, F, 1, 1)"),
    slip(*layer("db-mean"), hint="db.mean", why="dy.mean"),
    slip(*layer("db-scalar"), hint="db.scalar", why="dy.sum()"),
    slip(*layer("db-per-image"), hint="db.per_image", why="db (N, F)"),
    slip(*layer("db-axes"), hint="db.axes", why="axis=(0, 1, 2)"),
    slip(*layer("db-image-0"), hint="db.image_0", why="db from image 0"),
    slip(*layer("dw-image-0"), hint="dw.image_0", why="dw from image 0"),
    slip(*layer("dw-mean"), hint="dw.mean", why="dw / N"),
    slip(*layer("dw-rotated"), hint="dw.rotated", why="dw rotated"),
    slip(*layer("dw-per-image"), hint="dw.per_image", why="one dw per image"),
    slip(*layer("bwd-transposed"), hint="dw.kernel_transposed", why="(j, i) in backward"),
    slip(*layer("bwd-no-stride"), hint="dw.no_stride", why="stride ignored in backward"),
    slip(*layer("bwd-stride-2"), hint="only_for", why="stride hard-coded to 2 in backward"),
    slip(*layer("dw-unpadded"), hint="dw.unpadded", why="dw from the unpadded x"),
    slip(*layer("dx-no-crop"), hint="dx.no_crop", why="dxpad returned"),
    slip(*layer("dx-crop-one-side"), hint="dx.crop_one_side", why="dxpad[:, :, :H, :W]"),
    slip(*layer("dx-crop-minus"), hint="dx.crop_minus", why="dxpad[:, :, pad:-pad, pad:-pad]"),
    slip(*layer("dx-filter-0"), hint="dx.filter_0", why="only filter 0 in dx"),
    slip(*layer("dx-rotated"), hint="dx.rotated", why="rotated kernel in the scatter form"),
    slip(*layer("dx-mean"), hint="dx.mean", why="dx / N"),
    slip(*layer("dx-transposed"), hint="dx.kernel_transposed", why="w[:, :, j, i] in dx only"),
    slip(*layer("dx-no-stride"), hint="dx.no_stride", why="stride ignored when dx is scattered"),
    slip(dict_cache_forward, RIGHT_B, hint="core:answer.raised",
         why="a dict as the cache, unpacked as a tuple"),
    slip(RIGHT_F, None, hint="core:answer.function_empty", why="conv_backward not handed in"),
    slip(*layer("global-cache"), hint="cache", why="the cache in a global"),
    slip(RIGHT_F, globals_backward, hint="globals", why="reads the notebook's x and w"),
    # in place, twice, shared
    slip(rotating_forward, RIGHT_B, hint="changed.forward",
         why="rotates the caller's kernel in place"),
    slip(RIGHT_F, flipping_backward, hint="changed.backward",
         why="flips the cached weight in place"),
    slip(RIGHT_F, aliasing_backward, hint="aliased", why="dw = w"),
    slip(buffer_forward, buffer_backward, hint="aliased_cache", why="dw is a buffer of the cache"),
    slip(RIGHT_F, accumulating_backward, hint="backward_twice", why="an accumulator never reset"),
    slip(RIGHT_F, dy_scaling_backward, hint="changed.dy", why="changes dy in place"),
    slip(popping_forward, popping_backward, hint="changed.cache", why="pops from its cache"),
    # form
    slip(cs231n_forward, RIGHT_B, hint="signature", why="CS231n's conv_param"),
    slip(y_only_forward, RIGHT_B, hint="forward_pair", why="returns y only"),
    slip(RIGHT_F, two_grads_backward, hint="backward_triple", why="returns (dx, dw)"),
    slip(empty_forward, empty_backward, hint="forward_empty", why="the scaffold"),
    slip(RIGHT_F, empty_backward, hint="backward_empty", why="backward still the scaffold"),
    slip(RIGHT_F, no_db_backward, hint="returns_ellipsis", why="db still ..."),
    slip(nan_forward, RIGHT_B, hint="not_finite", why="a NaN placeholder row"),
    slip(dict_forward, RIGHT_B, hint="not_numbers", why="y in a dict"),
    slip(None, None, hint="core:answer.function_empty", why="nothing handed in"),
    other(off_by_one_forward, RIGHT_B, why="an extra row and column"),
    other(noisy_forward, RIGHT_B, why="y slightly off"),
    other(RIGHT_F, noisy_backward, why="dw slightly off"),
    other(RIGHT_F, bigger_dw_backward, why="dw one row too many"),
]
