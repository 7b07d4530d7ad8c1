"""No checker can raise, praise garbage, print, or leak a warning — whatever it is given.

Every public checker of every module in ``convkit_course.exercises`` (found by walking the package,
so checker modules added later are covered) is fed the garbage list in each argument.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import warnings

import numpy as np
import pytest

import convkit_course.exercises as exercises
from convkit_course.exercises import Verdict, set_language


class ArrayRaises:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array for you")


class LenRaises:
    def __len__(self):
        raise TypeError("no len")

    def __iter__(self):
        raise TypeError("no iter")


class EqRaises:
    def __eq__(self, other):
        raise ValueError("no comparison")

    __hash__ = object.__hash__


def raises(*args, **kwargs):
    raise ZeroDivisionError("division by zero")


def raises_keyboard_like(*args, **kwargs):
    raise RecursionError("maximum recursion depth exceeded")


GARBAGE = {
    "None": None, "Ellipsis": ..., "text": "abc", "numeric-text": "333", "empty-text": "",
    "bytes": b"3", "ragged": [[1, 2], [3]], "ragged-deep": [[[1], [2, 3]]], "dict": {},
    "dict-full": {"a": 1}, "set": {1, 2}, "complex": 3 + 4j, "complex-array": np.ones(9) * 1j,
    "nan": float("nan"), "inf": float("inf"), "-inf": -np.inf, "nan-array": np.full((3, 3), np.nan),
    "inf-array": np.full((1, 1, 5, 5), np.inf), "bool": True, "bool-array": np.ones((3, 3), bool),
    "empty-array": np.array([]), "empty-2d": np.zeros((0, 3)), "str-array": np.array(["a", "b"]),
    "object-array": np.array([None, 1], dtype=object), "array-raises": ArrayRaises(),
    "len-raises": LenRaises(), "eq-raises": EqRaises(), "object": object(), "type": int,
    "huge-int": 10 ** 400, "negative": -7, "zero": 0, "float-huge": 1e308,
    "big-array": np.zeros((7, 7, 7)), "nested-list-of-str": [["1", "2"], ["3", "4"]],
    "datetime": np.datetime64("2020-01-01"), "generator": (i for i in range(3)),
    "function-raises": raises, "function-recursion": raises_keyboard_like,
    "function-returns-text": lambda *a, **k: "x", "function-returns-none": lambda *a, **k: None,
    "function-returns-ragged": lambda *a, **k: [[1, 2], [3]],
    "function-returns-nan": lambda *a, **k: np.full((3, 3), np.nan),
    "function-returns-complex": lambda *a, **k: np.ones((5, 5)) + 1j,
    "function-returns-dict": lambda *a, **k: {},
    "function-returns-array-raises": lambda *a, **k: ArrayRaises(),
    "function-no-args": lambda: 3, "builtin": len, "class": ValueError,
}


def _checkers():
    found = []
    for info in pkgutil.iter_modules(exercises.__path__):
        if info.name.startswith("_") or info.name == "messages_zh":
            continue
        module = importlib.import_module(f"convkit_course.exercises.{info.name}")
        for name in getattr(module, "__all__", dir(module)):
            function = getattr(module, name, None)
            if callable(function) and getattr(function, "is_checker", False):
                found.append((f"{info.name}.{name}", function))
    return found


CHECKERS = _checkers()


def test_every_public_checker_is_decorated():
    """A public callable whose name is not a task/problem helper must be a @checker."""
    for info in pkgutil.iter_modules(exercises.__path__):
        if info.name.startswith("_") or info.name == "messages_zh":
            continue
        module = importlib.import_module(f"convkit_course.exercises.{info.name}")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj) and not name.endswith(("_task", "_problem", "problems")):
                assert getattr(obj, "is_checker", False), f"{info.name}.{name} is not a @checker"
    assert len(CHECKERS) >= 30


def _arity(function):
    params = inspect.signature(function).parameters.values()
    return sum(1 for p in params if p.default is p.empty and
               p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))


@pytest.mark.parametrize("name, check", CHECKERS, ids=[n for n, _ in CHECKERS])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_garbage_never_raises_never_praises_never_warns(name, check, language, capsys):
    n = _arity(check)
    calls = []
    for label, junk in GARBAGE.items():
        calls.append((label, (junk,) * n))
        for position in range(n if n > 1 else 0):  # one garbage argument, the others 0
            args = [0] * n
            args[position] = junk
            calls.append((f"{label}@{position}", tuple(args)))
    set_language(language)
    try:
        for label, args in calls:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                verdict = check(*args)
                text = repr(verdict)
            assert isinstance(verdict, Verdict), f"{name}({label}) returned {verdict!r}"
            assert not verdict, f"{name}({label}) praised garbage: {text}"
            assert text.startswith("✘ "), text
            assert "Traceback" not in text
            assert not caught, f"{name}({label}) leaked {[str(w.message) for w in caught]}"
    finally:
        set_language("en")
    out = capsys.readouterr()
    assert out.out == "" and out.err == "", f"{name} printed: {out.out!r} {out.err!r}"
