"""The one list of exercise units.  Adding an exercise = one unit folder + one line here.

A unit's id is how a notebook calls its checker (``ex01.output_shape(answer)``) and where it
lives (``exercises/ex01/output_shape/``).  A notebook package (``exercises/ex01/__init__.py``)
calls :func:`export`, which puts the public names of its registered units into it, so
``from convkit_course.exercises import ex01`` gives the notebook every checker of notebook 01.
The generic tests (``tests/test_exercise_units.py``) iterate :data:`UNITS`.
"""
from __future__ import annotations

import importlib

__all__ = ["UNITS"]  # unit(), units() and export() are for tests and packages, not students

UNITS = (
    "ex00.article_output_size",
    "ex01.output_shape",
    "ex01.output_size_formula",
    "ex01.one_output",
    "ex02.window_ids",
    "ex02.forward_one",
    "ex03.input_gradient",
    "ex03.participation",
    "ex04.weight_gradient",
    "ex04.batch_weight_gradient",
    "ex04.bias_gradient",
    "ex05.output_sizes",
    "ex05.counts",
    "ex05.input_gradient",
    "ex05.stride_two_dx",
    "concepts.kernel_id_for",
    "concepts.dx_terms",
    "concepts.why_dw_not_rotated",
    "concepts.dw_zeros",
    "concepts.weight_gradient_strided",
    "concepts.cols_entries",
    "concepts.dx_terms_channels",
    "ex06.im2col_row",
    "ex06.forward_matmul",
    "ex06.input_gradient_col2im",
    "ex07.grouped_weight_shape",
    "ex07.im2col_shapes",
    "ex07.conv_transpose",
    "ex08.forward_flops",
    "ex08.im2col_bytes",
    "ex08.flat_runs",
    "ex09.winograd_products",
    "ex09.fft_correlation",
    "ex09.winograd_count",
    "ex10.conv_layer",
    "ex11.relu_backward",
    "ex11.maxpool_backward",
    "ex11.cross_entropy_gradient",
    "ex11.parameter_count",
)

_PACKAGE = __name__.rpartition(".")[0]  # convkit_course.exercises


def unit(unit_id):
    """The :class:`~._unit.Unit` registered as ``unit_id`` (e.g. ``"ex01.output_shape"``)."""
    if unit_id not in UNITS:
        raise KeyError(f"no exercise unit {unit_id!r}; registered: {', '.join(UNITS)}")
    return importlib.import_module(f"{_PACKAGE}.{unit_id}").UNIT


def units():
    """Every registered unit, in registry order."""
    return [unit(unit_id) for unit_id in UNITS]


def export(package_name, namespace):
    """Put the public names (``__all__``) of every unit registered under ``package_name``
    (``convkit_course.exercises.ex01``) into ``namespace``; returns them, for ``__all__``.

    The checker's name then stands for the checker, not for its unit's module (which stays
    reachable as ``ex01.output_shape.unit`` and in ``sys.modules``)."""
    prefix = package_name.removeprefix(_PACKAGE + ".") + "."
    names = []
    for unit_id in UNITS:
        if not unit_id.startswith(prefix) or "." in unit_id[len(prefix):]:
            continue
        module = importlib.import_module(f"{_PACKAGE}.{unit_id}")
        for name in module.__all__:
            if name in names:
                raise ValueError(f"{unit_id} exports {name!r}, which another unit of "
                                 f"{package_name} exports too")
            namespace[name] = getattr(module, name)
            names.append(name)
    return names
