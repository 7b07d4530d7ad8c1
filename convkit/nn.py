"""The few layers a tiny CNN needs around ``Conv2d`` — the same contract, nothing more.

Every layer has ``forward(x) -> y`` and ``backward(dy) -> dx``; a layer with parameters keeps
them in ``weight`` / ``bias`` and its gradients in ``grad_weight`` / ``grad_bias`` (overwritten,
not accumulated, by each backward).  ``SGD`` updates any layer with those attributes, so it
trains ``Conv2d`` as it is.  The point of the course is the convolution; these are kept
small enough to read at one sitting (CS231n ``layers.py`` style), not to be a framework.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from .validation import check_array, check_float_dtype, check_int, check_rng

__all__ = ["ReLU", "MaxPool2d", "Flatten", "Linear", "SoftmaxCrossEntropy", "SGD", "Sequential"]


def _need_cache(layer, cache):
    if cache is None:
        raise RuntimeError(f"{type(layer).__name__}.backward called before forward")
    return cache


class ReLU:
    """max(x, 0), elementwise.  x (any shape) -> y (same shape).

    backward passes dy where x > 0 and 0 elsewhere (at x == 0 too, as PyTorch does).
    """

    def __init__(self):
        self._mask = None

    def forward(self, x):
        self._mask = x > 0
        return np.where(self._mask, x, 0).astype(x.dtype, copy=False)

    def backward(self, dy):
        return np.where(_need_cache(self, self._mask), dy, 0).astype(dy.dtype, copy=False)

    __call__ = forward

    def __repr__(self):
        return "ReLU()"


class MaxPool2d:
    """2×2 max-pooling with stride 2.  x (N, C, H, W) -> y (N, C, H//2, W//2).

    An odd last row or column is dropped (floor, as PyTorch does) and gets zero gradient.
    backward routes each dy entry to the one input that was the window's maximum (the
    first one, in row-major order, when several tie).
    """

    def __init__(self):
        self._cache = None

    def forward(self, x):
        check_array(x, "x", 4, shape_hint="(N, C, H, W)")
        n, c, h, w = x.shape
        if h < 2 or w < 2:
            raise ValueError(f"x must be at least 2×2 to pool 2×2, got shape {x.shape}")
        ho, wo = h // 2, w // 2
        # (N, C, Ho, Wo, 4): the four entries of each window side by side
        windows = (x[:, :, :2 * ho, :2 * wo].reshape(n, c, ho, 2, wo, 2)
                   .transpose(0, 1, 2, 4, 3, 5).reshape(n, c, ho, wo, 4))
        winner = windows.argmax(axis=-1)  # first maximum wins a tie
        self._cache = (x.shape, winner)
        return np.take_along_axis(windows, winner[..., None], axis=-1)[..., 0]

    def backward(self, dy):
        shape, winner = _need_cache(self, self._cache)
        n, c, h, w = shape
        ho, wo = h // 2, w // 2
        if dy.shape != (n, c, ho, wo):
            raise ValueError(f"dy must have the output's shape {(n, c, ho, wo)}, got {dy.shape}")
        dwindows = np.zeros((n, c, ho, wo, 4), dtype=dy.dtype)
        np.put_along_axis(dwindows, winner[..., None], dy[..., None], axis=-1)
        dx = np.zeros(shape, dtype=dy.dtype)
        dx[:, :, :2 * ho, :2 * wo] = (dwindows.reshape(n, c, ho, wo, 2, 2)
                                      .transpose(0, 1, 2, 4, 3, 5).reshape(n, c, 2 * ho, 2 * wo))
        return dx

    __call__ = forward

    def __repr__(self):
        return "MaxPool2d(kernel_size=2, stride=2)"


class Flatten:
    """x (N, d1, d2, ...) -> y (N, d1*d2*...); backward reshapes dy back."""

    def __init__(self):
        self._shape = None

    def forward(self, x):
        if not isinstance(x, np.ndarray) or x.ndim < 2:
            raise ValueError(f"x must be an array with a batch axis (ndim >= 2), got "
                             f"{getattr(x, 'shape', type(x).__name__)}")
        self._shape = x.shape
        return x.reshape(x.shape[0], int(np.prod(x.shape[1:])))  # -1 fails for N = 0

    def backward(self, dy):
        return dy.reshape(_need_cache(self, self._shape))

    __call__ = forward

    def __repr__(self):
        return "Flatten()"


class Linear:
    """Fully connected layer.  x (N, in_features) -> y = x @ weightᵀ + bias, (N, out_features).

    weight (out_features, in_features) and bias (out_features,), initialised as in PyTorch:
    uniform in ±1/sqrt(in_features), drawn from ``rng`` (a numpy Generator or a seed).
    """

    def __init__(self, in_features, out_features, bias=True, rng=None, dtype=np.float64):
        in_features = check_int(in_features, "in_features")
        out_features = check_int(out_features, "out_features")
        dtype = check_float_dtype(dtype)
        rng = check_rng(rng)
        bound = 1 / math.sqrt(in_features)
        self.weight = rng.uniform(-bound, bound, size=(out_features, in_features)).astype(dtype)
        self.bias = rng.uniform(-bound, bound, size=out_features).astype(dtype) if bias else None
        self.grad_weight = np.zeros_like(self.weight)
        self.grad_bias = None if self.bias is None else np.zeros_like(self.bias)
        self._x = None

    def forward(self, x):
        check_array(x, "x", 2, shape_hint="(N, in_features)")
        if x.shape[1] != self.weight.shape[1]:
            raise ValueError(f"x must have in_features={self.weight.shape[1]} columns, "
                             f"got shape {x.shape}")
        x = x.astype(self.weight.dtype, copy=False)
        self._x = x
        y = x @ self.weight.T
        return y if self.bias is None else y + self.bias

    def backward(self, dy):
        x = _need_cache(self, self._x)
        dy = dy.astype(self.weight.dtype, copy=False)
        self.grad_weight = dy.T @ x           # (out, N) @ (N, in): summed over the batch
        if self.bias is not None:
            self.grad_bias = dy.sum(axis=0)
        return dy @ self.weight

    __call__ = forward

    def __repr__(self):
        out_f, in_f = self.weight.shape
        return f"Linear({in_f}, {out_f}, bias={self.bias is not None})"


class SoftmaxCrossEntropy:
    """Mean cross-entropy of softmax(logits) against integer labels.

    forward(logits (N, K), labels (N,) ints in [0, K)) -> loss, a float.
    backward(dloss=1.0) -> dlogits (N, K) = dloss * (softmax(logits) - onehot(labels)) / N.
    """

    def __init__(self):
        self._cache = None

    def forward(self, logits, labels):
        check_array(logits, "logits", 2, shape_hint="(N, K)")
        labels = np.asarray(labels)
        if labels.shape != logits.shape[:1] or not np.issubdtype(labels.dtype, np.integer):
            raise ValueError(f"labels must be {logits.shape[0]} ints (one per row of logits), "
                             f"got shape {labels.shape} dtype {labels.dtype}")
        k = logits.shape[1]
        if labels.size and (labels.min() < 0 or labels.max() >= k):
            raise ValueError(f"labels must lie in [0, {k}) for logits with {k} columns, "
                             f"got values from {labels.min()} to {labels.max()}")
        shifted = logits - logits.max(axis=1, keepdims=True)  # exp() cannot overflow now
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        rows = np.arange(len(labels))
        self._cache = (np.exp(log_probs), labels)
        return float(-log_probs[rows, labels].mean())

    def backward(self, dloss=1.0):
        probs, labels = _need_cache(self, self._cache)
        dlogits = probs.copy()
        dlogits[np.arange(len(labels)), labels] -= 1
        return dlogits * (dloss / len(labels))

    __call__ = forward

    def __repr__(self):
        return "SoftmaxCrossEntropy()"


class Sequential:
    """Layers applied in order; backward runs them in reverse.  Iterable, indexable."""

    def __init__(self, *layers):
        for i, layer in enumerate(layers):
            if not (callable(getattr(layer, "forward", None))
                    and callable(getattr(layer, "backward", None))):
                raise TypeError(f"layer {i} ({layer!r}) must have forward and backward methods")
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dy):
        for layer in reversed(self.layers):
            dy = layer.backward(dy)
        return dy

    __call__ = forward

    def __iter__(self):
        return iter(self.layers)

    def __getitem__(self, i):
        return self.layers[i]

    def __len__(self):
        return len(self.layers)

    def __repr__(self):
        inner = "".join(f"\n  ({i}) {layer!r}" for i, layer in enumerate(self.layers))
        return f"Sequential({inner}\n)"


class SGD:
    """Stochastic gradient descent with momentum, PyTorch's form.

    For every (param, grad) pair of the given layers:
    ``velocity = momentum * velocity + grad``; ``param -= lr * velocity``.
    ``layers``: an iterable of layers (a Sequential works); a layer takes part when it has
    ``weight``/``grad_weight`` (and ``bias``/``grad_bias`` when its bias is not None).
    Parameters are updated in place, so a layer keeps the same arrays.
    """

    def __init__(self, layers, lr, momentum=0.0):
        if not isinstance(lr, numbers.Real) or not lr > 0:
            raise ValueError(f"lr must be a positive number, got {lr!r}")
        if not isinstance(momentum, numbers.Real) or not 0 <= momentum < 1:
            raise ValueError(f"momentum must be a number in [0, 1), got {momentum!r}")
        self.lr, self.momentum = lr, momentum
        self.slots = [(layer, name) for layer in layers for name in ("weight", "bias")
                      if getattr(layer, name, None) is not None]
        if not self.slots:
            raise ValueError("layers have no parameters (no layer has a weight or bias)")
        self.velocity = [np.zeros_like(getattr(layer, name)) for layer, name in self.slots]

    def step(self):
        for (layer, name), v in zip(self.slots, self.velocity):
            grad = getattr(layer, "grad_" + name)
            v *= self.momentum
            v += grad
            getattr(layer, name)[...] -= self.lr * v
