"""Notebook 10 hands the student's layer to notebook 11 as code.

Every notebook runs in its own kernel, so notebook 11 cannot see notebook 10's variables.
``save_layer(conv_forward, conv_backward)`` (notebook 10) writes the two functions — and every
helper, constant and import they use, wherever in the notebook they were defined — to a module
file in a per-user folder; ``load_layer()`` (notebook 11) imports that file, whatever the
working directory, and runs the same checker on the imported code, then the layer on the
network's own shapes in float32.

    ~/.convkit/your_layer.py        the folder: $CONVKIT_STUDENT_DIR, else ~/.convkit

``make test`` and ``scripts/execute_notebooks.py`` point ``CONVKIT_STUDENT_DIR`` at a fresh
temporary folder, so a layer a developer saved never changes the committed outputs.

The helpers are found by following the names the functions read as globals (``dis``), not by
matching text: a helper ``pad4`` in its own cell comes along; one that is not defined at all
is named at save time, never a ``NameError`` later.  Whatever goes wrong, the answer says what
failed (the file, the import, the checker's named check, the network's shapes) and what to do.
"""
from __future__ import annotations

import builtins
import dis
import importlib.util
import inspect
import os
import pathlib
import sys
import textwrap
import types

import numpy as np

from convkit.direct import conv2d_loops, conv2d_loops_backward

from .._core import Shown
from ...i18n import Catalog, get_language, spaced

__all__ = ["student_dir", "layer_file", "layer_source", "save_layer", "load_layer",
           "YourLayer", "global_names"]

H = Catalog.beside(__file__, label="ex10.handover")
ENV = "CONVKIT_STUDENT_DIR"
FILE_NAME = "your_layer.py"
NAMES = ("conv_forward", "conv_backward")


def student_dir():
    """The per-user folder for what one notebook hands to another: ``$CONVKIT_STUDENT_DIR``,
    else ``~/.convkit``."""
    return pathlib.Path(os.environ.get(ENV) or pathlib.Path.home() / ".convkit")


def layer_file():
    return student_dir() / FILE_NAME


class Said(Shown):
    """A hand-over message as a notebook shows it (Markdown, or plain text)."""

    def __init__(self, message):
        self.message = message

    def render(self, language=None, markdown=False):
        language = language or get_language()
        return spaced(self.message.render(language, markdown=markdown), language)


class HandoverError(Exception):
    def __init__(self, message):
        super().__init__(message.render("en"))
        self.message = message


# --------------------------------------------------------------------------- the layer as code
def global_names(code):
    """The global names a code object (and the functions nested in it) reads, in order."""
    found = []
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME") and instruction.argval not in found:
            found.append(instruction.argval)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found += [name for name in global_names(const) if name not in found]
    return found


def _source(value, name):
    try:
        text = textwrap.dedent(inspect.getsource(value))
    except (OSError, TypeError, IndentationError):
        raise HandoverError(H("error.no_source", name=name)) from None
    return text.rstrip() + "\n"


def _literal(name, value):
    """``name = value`` as code, for a constant the layer reads; None when it is not one."""
    if isinstance(value, (bool, int, float, str, type(None))) or (
            isinstance(value, tuple) and all(isinstance(v, (bool, int, float, str)) for v in value)):
        return f"{name} = {value!r}\n"
    if isinstance(value, np.ndarray) and value.size <= 10_000 and value.dtype.kind in "biuf":
        return f"{name} = np.array({value.tolist()!r}, dtype={value.dtype.str!r})\n"
    return None


def layer_source(conv_forward, conv_backward):
    """(code, helper names): a module that defines ``conv_forward``, ``conv_backward`` and all
    they use from the notebook.  Raises :class:`HandoverError` naming what cannot be written."""
    namespace = conv_forward.__globals__
    imports, constants, blocks, helpers = [], [], [], []
    done = set(NAMES)
    queue = [("conv_forward", conv_forward), ("conv_backward", conv_backward)]
    while queue:
        name, value = queue.pop(0)
        text = _source(value, name)
        if getattr(value, "__name__", name) not in (name, "<lambda>"):
            text += f"{name} = {value.__name__}\n"       # def my_pad ...; pad4 = my_pad
        blocks.append(text)
        scope = getattr(value, "__globals__", namespace)
        for used in _names_read(value):
            if used in done:
                continue
            if used not in scope:
                if hasattr(builtins, used):
                    continue
                raise HandoverError(H("error.undefined", user=name, name=used))
            done.add(used)
            item = scope[used]
            if _defined_in(item, namespace):
                helpers.append(used)
                queue.append((used, item))
            else:
                line, needs_numpy = _as_code(used, item, name)
                if needs_numpy:
                    imports.append("import numpy as np\n")
                (imports if line.startswith(("import", "from")) else constants).append(line)
    body = "\n\n".join(text.rstrip() for text in reversed(blocks))  # helpers, then the layer
    code = (f"# {H('file.header').render('en')}\n" + "".join(dict.fromkeys(imports)) + "\n"
            + "".join(constants) + "\n\n" + body + "\n")
    return code, helpers


def _names_read(value):
    """The global names a function (or every method of a class) reads."""
    if isinstance(value, type):
        codes = [f.__code__ for f in vars(value).values() if inspect.isfunction(f)]
    else:
        codes = [value.__code__]
    found = []
    for code in codes:
        found += [name for name in global_names(code) if name not in found]
    return found


def _defined_in(value, namespace):
    """A function or class the notebook itself defined (its cells share ``namespace``)."""
    if inspect.isfunction(value):
        return value.__globals__ is namespace
    return isinstance(value, type) and value.__module__ == namespace.get("__name__")


def _as_code(name, value, user):
    """(a line that gives ``name`` its value in the module, whether it needs numpy as np)."""
    if isinstance(value, types.ModuleType):
        module = value.__name__
        return (f"import {module}\n" if module == name else f"import {module} as {name}\n"), False
    if callable(value):
        module = getattr(value, "__module__", None)
        qualname = getattr(value, "__qualname__", None) or getattr(value, "__name__", "")
        if module and qualname and "." not in qualname and "<" not in qualname:
            return (f"from {module} import {qualname}\n" if qualname == name
                    else f"from {module} import {qualname} as {name}\n"), False
    line = _literal(name, value)
    if line is None:
        raise HandoverError(H("error.unsupported", user=user, name=name,
                              kind=type(value).__name__))
    return line, isinstance(value, np.ndarray)


def _import(path):
    """The module at ``path``, imported afresh under a name of its own."""
    name = f"convkit_student_layer_{abs(hash((str(path), path.stat().st_mtime_ns)))}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules.pop(name, None)
    return module


# --------------------------------------------------------------------------- notebook 10
def save_layer(conv_forward, conv_backward):
    """Notebook 10: write the layer, with the helpers it uses, to :func:`layer_file` and check
    the written copy.  Returns what to show."""
    from .conv_layer import conv_layer

    verdict = conv_layer(conv_forward, conv_backward)
    if verdict.kind == "input" and {"ex10.conv_layer:forward_empty",
                                    "core:answer.function_empty"} & verdict.message_ids():
        return Said(H("save.empty"))
    if not (callable(conv_forward) and callable(conv_backward)):
        return Said(H("save.not_functions"))
    try:
        code, helpers = layer_source(conv_forward, conv_backward)
    except HandoverError as error:
        return Said(H("save.not_saved", why=error.message))
    path = layer_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code, encoding="utf-8")
        module = _import(path)
        copy = conv_layer(module.conv_forward, module.conv_backward)
    except Exception as error:
        return Said(H("save.broken", path=str(path), error=f"{type(error).__name__}: {error}"))
    listed = ", ".join(f"`{h}`" for h in helpers) if helpers else "—"
    if copy.correct:
        return Said(H("save.saved", path=str(path), helpers=listed))
    return Said(H("save.saved_failing", path=str(path), helpers=listed, verdict=copy.message))


# --------------------------------------------------------------------------- notebook 11
class YourLayer(Said):
    """What notebook 11 got from notebook 10: truthy when the layer passed every check, with
    ``conv_forward`` and ``conv_backward`` (None otherwise) and the message saying why."""

    def __init__(self, message, conv_forward=None, conv_backward=None):
        super().__init__(message)
        self.conv_forward, self.conv_backward = conv_forward, conv_backward

    def __bool__(self):
        return self.conv_forward is not None


#: the shapes of notebook 11's network: (x shape, w shape), stride 1, padding 1, float32
NETWORK = (((4, 1, 8, 8), (16, 1, 3, 3)), ((4, 16, 4, 4), (32, 16, 3, 3)))


def _network_check(conv_forward, conv_backward):
    """None when the layer computes notebook 11's two convolutions in float32 as the loops do
    (float32 tolerance), else the message naming what failed."""
    rng = np.random.default_rng(11)
    for x_shape, w_shape in NETWORK:
        x = rng.standard_normal(x_shape).astype(np.float32)
        w = rng.standard_normal(w_shape).astype(np.float32)
        b = rng.standard_normal(w_shape[0]).astype(np.float32)
        where = H("network.where", x=x_shape, w=w_shape)
        want_y = conv2d_loops(x.astype(float), w.astype(float), b.astype(float), padding=1)
        dy = rng.standard_normal(want_y.shape).astype(np.float32)
        want = conv2d_loops_backward(dy.astype(float), x.astype(float), w.astype(float),
                                     padding=1)
        try:
            y, cache = conv_forward(x.copy(), w.copy(), b.copy(), 1, 1)
            dx, dw, db = conv_backward(dy.copy(), cache)
            got = [np.asarray(v, dtype=float) for v in (y, dx, dw, db)]
        except Exception as error:
            return H("network.raised", where=where, error=f"{type(error).__name__}: {error}")
        for name, value, expected in zip(("y", "dx", "dw", "db"), got,
                                         (want_y, *want[:2], dy.astype(float).sum(axis=(0, 2, 3)))):
            if value.shape != expected.shape:
                return H("network.shape", where=where, name=name, got=value.shape,
                         want=expected.shape)
            if not np.allclose(value, expected, rtol=1e-3, atol=1e-3):
                return H("network.values", where=where, name=name)
    return None


def load_layer():
    """Notebook 11: the layer notebook 10 saved, imported as code and checked again — a
    :class:`YourLayer`, truthy when this notebook can train with it."""
    from .conv_layer import conv_layer

    path = layer_file()
    if not path.is_file():
        return YourLayer(H("load.none"))
    try:
        module = _import(path)
        conv_forward, conv_backward = module.conv_forward, module.conv_backward
    except Exception as error:
        return YourLayer(H("load.broken", error=f"{type(error).__name__}: {error}"))
    verdict = conv_layer(conv_forward, conv_backward)
    if not verdict.correct:
        return YourLayer(H("load.failing", verdict=verdict.message))
    problem = _network_check(conv_forward, conv_backward)
    if problem is not None:
        return YourLayer(H("load.network", problem=problem))
    return YourLayer(H("load.yours"), conv_forward, conv_backward)
