"""What every checker shares: messages (en/zh), the verdict, and one answer policy.

Messages
    The shared text lives in ``_core.toml`` (:data:`CORE`, an id-keyed :class:`~convkit_course.
    i18n.Catalog`: ``CORE("answer.ragged", name=...)``); an exercise unit's own text in the
    ``messages.toml`` beside it (see ``_unit.py``); a message may sit in another's fields.
    :func:`set_language` picks ``"en"`` or ``"zh"``; a
    verdict is rendered when it is shown, so switching language re-renders old verdicts too.

Verdicts
    :func:`correct` / :func:`not_yet` (a specific hint) / :func:`fallback` (the generic
    "not it" hint, recognisable by ``verdict.kind == "generic"``) / :func:`bad_input` (the
    answer is not a number/array/function at all).  Verdicts show as one line starting with
    ``✔ Correct —`` or ``✘ Not yet —`` (no emoji font needed).  In a notebook a verdict shows
    as Markdown (``_repr_markdown_``: bold head, ```code```), in a terminal and in nbval's
    ``text/plain`` as the same words without markup.  A verdict of an exercise unit that is
    not yet right ends with how to ask for a hint (``ex01.output_shape.hint()``).

The answer policy (used by every checker)
    :func:`as_number`, :func:`as_array`, :func:`as_shape`, :func:`as_function` and
    :func:`call_student` turn whatever a student hands in into a number / float array /
    tuple of ints / a result, or raise :class:`Reject` carrying the hint.  Numbers: Python and
    numpy ints and floats, whole floats where a count is asked (``9930.0``), one-element
    arrays, complex numbers with a zero imaginary part.  Arrays: anything numpy turns into a
    numeric array.  Shapes, one rule (stated in notebook 00): leading axes of length 1 are
    ignored (NCHW wrapping, (1, 1, 3, 3) for a 3×3 answer, or the other way round); where a
    list (one axis) is asked, a grid holding it row by row counts too; any other shape is not
    yet right, and the hint names the shape asked for.  A note in the verdict says how an
    answer was read.
    Rejected, each with its own hint: None / ..., bool, text (also "333"), dicts and sets,
    ragged lists, non-zero imaginary parts, NaN, infinity, objects that fail to convert.

    Every checker is decorated with :func:`checker`: it never raises (a :class:`Reject`
    becomes its verdict; any other exception a hint naming it) and no warning leaks out.
"""
from __future__ import annotations

import functools
import math
import numbers
import re
import string
import warnings
from dataclasses import dataclass, field

import numpy as np

from convkit.direct import conv2d_loops

from ..i18n import Catalog, get_language, set_language
from ..i18n import spaced as _spaced

__all__ = ["CORE", "set_language", "get_language", "Verdict",
           "correct", "not_yet", "fallback", "bad_input", "Reject", "checker", "as_number",
           "number_note", "as_array", "as_shape", "as_function", "call_student", "is_empty",
           "compare_array", "conform_shape", "judge_number", "shape_hint", "correlate_2d", "fmt",
           "join_slips"]

CORE = Catalog.beside(__file__, label="core")  # _core.toml: the text every checker shares

def fmt(value):
    """A number as a student would write it: 3 (not 3.0), 2.5, 1e-07."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6g}"
    return repr(value)


class Shown:
    """What a notebook displays of a verdict, a hint or a solution: Markdown
    (``_repr_markdown_``) or plain text (``repr``, ``str``, IPython's pretty printer), rendered
    by ``self.render(language=None, markdown=False)`` each time it is shown."""

    def __repr__(self):
        return self.render()

    __str__ = __repr__

    def _repr_pretty_(self, p, cycle):
        p.text(self.render())

    def _repr_markdown_(self):
        return self.render(markdown=True)


@dataclass(frozen=True, repr=False)
class Verdict(Shown):
    """A checker's answer: truthy when correct; shows as Markdown in a notebook, plain text
    elsewhere, rendered in the language of the moment each time it is shown.

    ``kind``: ``"correct"``; ``"specific"`` (a named mistake); ``"generic"`` (the fallback
    "not it" hint: no mistake recognised); ``"input"`` (not a usable answer: empty, text,
    ragged, NaN, an error in the student's function ...).  ``help``: a last line (how to ask
    for a hint), set by :func:`checker` for exercise units.
    """

    correct: bool
    message: object  # a message of a catalog (CORE, a unit's)
    kind: str = "specific"
    notes: tuple = field(default=())
    help: object = None

    def __post_init__(self):
        if isinstance(self.message, str) or not callable(getattr(self.message, "render", None)):
            raise TypeError("Verdict: message must be a catalog message "
                            f"(CORE(...), a unit's catalog), got {type(self.message).__name__}")

    def __bool__(self):
        return self.correct

    @property
    def text(self):
        """The message (without the prefix) in the current language, plain."""
        language = get_language()
        return _spaced(self._body(language, False), language)

    def _body(self, language, markdown):
        gap = "" if language == "zh" else " "
        return gap.join(p.render(language, markdown=markdown)
                        for p in (self.message, *self.notes))

    def render(self, language=None, markdown=False):
        """``✔ Correct — …`` / ``✘ Not yet — …`` (+ the help line), Markdown or plain."""
        language = language or get_language()
        head = CORE("verdict.correct" if self.correct else "verdict.not_yet")
        text = head.render(language, markdown=markdown) + " " + _spaced(
            self._body(language, markdown), language)
        if self.help is not None:
            text += ("\n\n" if markdown else "\n") + _spaced(
                self.help.render(language, markdown=markdown), language)
        return text

    def message_ids(self):
        """Every catalog message this verdict is made of: ``{"core:answer.empty", ...}``
        The corpus tests read which hint a slip
        got from here, whatever the language."""
        found = set()
        for root in (self.message, *self.notes):
            for part in root.parts():
                found.add(part.qualified_id)
        return found

    def with_note(self, note):
        return Verdict(self.correct, self.message, self.kind, self.notes + (note,), self.help)

    def with_help(self, help):
        return Verdict(self.correct, self.message, self.kind, self.notes, help)


def correct(message=None):
    return Verdict(True, message if message is not None else CORE("verdict.well_done"),
                   "correct")


def not_yet(message):
    """A specific hint: the checker recognised what went wrong."""
    return Verdict(False, message, "specific")


def fallback(message):
    """The generic hint: no typical mistake matched (tests assert a corpus never gets it)."""
    return Verdict(False, message, "generic")


_generic = fallback


def bad_input(message):
    """The answer is not usable (empty, text, ragged, NaN, a failing function ...)."""
    return Verdict(False, message, "input")


class Reject(Exception):
    """Raised by the answer policy; :func:`checker` turns it into its verdict."""

    def __init__(self, verdict, error=None):
        super().__init__(verdict.message.render("en"))
        self.verdict = verdict
        self.error = error  # the student's exception, when call_student caught one


def checker(function):
    """Decorate a checker: it returns a Verdict whatever it is given, and is silent.

    When an exercise unit has claimed the checker (``_unit.Unit`` sets ``checker.unit``), a
    verdict that is not yet right ends with how to ask for the unit's hint.
    """

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                verdict = function(*args, **kwargs)
        except Reject as reject:
            verdict = reject.verdict
        except Exception as error:  # the promise: never a traceback, whatever the answer
            verdict = bad_input(CORE("checker.unreadable", error_type=type(error).__name__,
                                     error=_short(error)))
        if not isinstance(verdict, Verdict):  # a checker bug; say so rather than crash
            verdict = bad_input(CORE("checker.bug"))
        unit = getattr(wrapped, "unit", None)
        if unit is not None and not verdict.correct:
            verdict = verdict.with_help(unit.stuck())
        return verdict

    wrapped.is_checker = True
    return wrapped


def _short(error, limit=120):
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --------------------------------------------------------------------------- the answer policy
def is_empty(answer):
    return answer is None or answer is Ellipsis


def _what(answer):
    """A short, language-neutral description of a value's type."""
    return type(answer).__name__


def _reject_common(answer, name):
    """Hints shared by numbers and arrays: empty, text, dict/set, bool, a function."""
    if is_empty(answer):
        raise Reject(bad_input(CORE("answer.empty", name=name)))
    if isinstance(answer, (str, bytes)):
        text = answer.decode(errors="replace") if isinstance(answer, bytes) else answer
        try:
            float(text)
            numeric = True
        except ValueError:
            numeric = False
        if numeric:
            raise Reject(bad_input(CORE("answer.numeric_text", name=name, text=text)))
        raise Reject(bad_input(CORE("answer.text",
                                   name=name, text=text[:40])))
    if isinstance(answer, (dict, set, frozenset)):
        raise Reject(bad_input(CORE("answer.container", name=name, kind=_what(answer))))
    if callable(answer) and not hasattr(answer, "__array__") and not isinstance(answer, type):
        raise Reject(bad_input(CORE("answer.function",
                                   name=name)))
    if isinstance(answer, type):
        raise Reject(bad_input(CORE("answer.type", name=name,
                                   kind=answer.__name__)))


def _to_array(answer, name):
    """np.asarray with every failure named; returns a float64 array (maybe 0-d)."""
    _reject_common(answer, name)
    if isinstance(answer, (bool, np.bool_)):
        raise Reject(bad_input(CORE("answer.bool",
                                   name=name, value=str(bool(answer)))))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.asarray(answer)
    except ValueError as error:
        if "inhomogeneous" in str(error) or "sequence" in str(error):
            raise Reject(bad_input(CORE("answer.ragged", name=name))) from None
        raise Reject(bad_input(CORE("answer.unconvertible", name=name, error_type=type(error).__name__,
                                   error=_short(error)))) from None
    except Exception as error:
        raise Reject(bad_input(CORE("answer.unconvertible", name=name, error_type=type(error).__name__,
                                   error=_short(error)))) from None
    if array.dtype == object:
        if _is_ragged(answer):
            raise Reject(bad_input(CORE("answer.ragged", name=name)))
        try:
            array = array.astype(complex)
        except Exception:
            raise Reject(bad_input(CORE("answer.not_numbers",
                                       name=name, kind=_first_odd_type(array)))) from None
    if array.dtype.kind in "USV":
        raise Reject(bad_input(CORE("answer.strings", name=name)))
    if array.dtype.kind in "Mm":
        raise Reject(bad_input(CORE("answer.dates", name=name)))
    if array.dtype.kind == "c":
        imag = np.abs(array.imag)
        with np.errstate(all="ignore"):
            scale = float(np.nanmax(np.abs(array.real), initial=1.0)) if array.size else 1.0
        if np.any(imag > 1e-9 * max(1.0, scale if np.isfinite(scale) else 1.0)):
            raise Reject(bad_input(CORE("answer.imaginary", name=name,
                                       value=_first_value(array, imag == imag.max()))))
        array = array.real
    try:
        array = array.astype(np.float64)
    except Exception as error:
        raise Reject(bad_input(CORE("answer.unconvertible", name=name, error_type=type(error).__name__,
                                   error=_short(error)))) from None
    if array.size and not np.all(np.isfinite(array)):
        nan = np.isnan(array)
        if array.ndim == 0:
            what = CORE("answer.nan_word") if nan else CORE("answer.infinite_word")
            raise Reject(bad_input(CORE("answer.not_finite", name=name,
                                       what=what)))
        if np.any(nan):
            raise Reject(bad_input(CORE("answer.nan_at",
                                       name=name, where=_first_index(nan))))
        raise Reject(bad_input(CORE("answer.inf_at", name=name,
                                   where=_first_index(np.isinf(array)))))
    return array


def _first_value(array, mask):
    value = array[tuple(np.argwhere(mask)[0])] if array.ndim else array[()]
    return f"{complex(value):g}".strip("()")


def _first_index(mask):
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _is_ragged(answer):
    try:
        lengths = set()
        for row in answer:
            if isinstance(row, (list, tuple, np.ndarray)):
                lengths.add(len(row))
            else:
                lengths.add(None)
        return len(lengths) > 1
    except Exception:
        return False


def _first_odd_type(array):
    for value in array.flat:
        if not isinstance(value, (numbers.Number, np.number)):
            return type(value).__name__
    return "object"


def as_number(answer, name=None, *, whole=False):
    """The answer as a Python int (``whole=True``) or float; else :class:`Reject` with a hint.

    Accepts ints, floats, numpy scalars, 0-d / one-element arrays and complex numbers with a
    zero imaginary part; with ``whole=True`` a float must be whole (9930.0 -> 9930).
    """
    name = name if name is not None else CORE("name.answer")
    array = _to_array(answer, name)
    if array.size != 1:
        if array.size == 0:
            raise Reject(bad_input(CORE("answer.no_number",
                                       name=name)))
        raise Reject(bad_input(CORE("answer.not_one_number", name=name, size=array.size,
                                   shape=array.shape)))
    value = float(array.reshape(()))
    if whole:
        if value != math.floor(value):
            raise Reject(not_yet(CORE("answer.not_whole", name=name, value=fmt(value))))
        return int(value)
    return int(value) if value == int(value) and abs(value) < 2 ** 53 else value


def number_note(answer, verdict):
    """``verdict`` with a note when a one-element list/array was read as a number (the same
    policy as NCHW-wrapped arrays: accepted, and said so)."""
    try:
        shape = np.shape(answer) if isinstance(answer, (list, tuple, np.ndarray)) else ()
    except Exception:
        shape = ()
    if shape == ():
        return verdict
    return verdict.with_note(CORE("note.one_number", got=shape))


def as_array(answer, name=None):
    """The answer as a float64 array (any shape, size ≥ 1); else :class:`Reject` with a hint."""
    name = name if name is not None else CORE("name.answer")
    array = _to_array(answer, name)
    if array.size == 0:
        raise Reject(bad_input(CORE("answer.empty_array",
                                   name=name, shape=array.shape)))
    return array


def as_shape(answer, name=None):
    """The answer as a tuple of non-negative ints (a shape); else :class:`Reject`."""
    name = name if name is not None else CORE("name.shape")
    array = _to_array(answer, name)
    if array.ndim != 1:
        raise Reject(bad_input(CORE("answer.shape_not_tuple", name=name, got=_short(repr(answer), 60))))
    if np.any(array != np.floor(array)) or np.any(array < 0):
        raise Reject(bad_input(CORE("answer.shape_not_whole", name=name, got=tuple(fmt(v) for v in array))))
    return tuple(int(v) for v in array)


def as_function(function, name=None):
    """The student's function itself; else :class:`Reject` (empty, called, not callable)."""
    name = name if name is not None else CORE("name.function")
    if is_empty(function):
        raise Reject(bad_input(CORE("answer.function_empty", name=name)))
    if not callable(function):
        raise Reject(bad_input(CORE("answer.not_callable", kind=_what(function))))
    return function


def call_student(function, *args, where):
    """Call a student's function; an exception inside it becomes a :class:`Reject` hint.

    ``where`` (a Message) says on which problem, e.g. "for input 5x5, K=3, stride 2".
    """
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            result = function(*args)
    except Exception as error:
        raise Reject(bad_input(CORE("answer.raised",
                                   where=where, error_type=type(error).__name__,
                                   error=_short(error))), error) from None
    if is_empty(result):
        raise Reject(bad_input(CORE("answer.returned_empty", where=where, value=repr(result))))
    return result


# --------------------------------------------------------------------------- comparisons
def _strip_leading_ones(shape):
    shape = tuple(shape)
    while len(shape) > 1 and shape[0] == 1:
        shape = shape[1:]
    return shape


def conform_shape(array, shape):
    """The one shape rule (notebook 00, "How checkers answer"): ``array`` read in ``shape``
    when the rule allows it -> ``(array, note)``, the note saying how it was read (None when
    nothing was changed); ``array`` unchanged when it does not fit (the caller's hint then
    names the shape asked for).

    * leading axes of length 1 are ignored, both ways: (1, 1, 3, 3) is read as (3, 3);
    * where a list (one axis) is asked, a grid (two axes, both longer than 1, after leading
      1s are dropped) that holds it row by row counts too: a 3 × 3 grid for 9 ids.
    """
    shape = tuple(shape)
    if array.shape == shape:
        return array, None
    if _strip_leading_ones(array.shape) == _strip_leading_ones(shape):
        return array.reshape(shape), CORE("note.leading_ones", got=array.shape, want=shape)
    asked, given = _strip_leading_ones(shape), _strip_leading_ones(array.shape)
    if len(asked) == 1 and len(given) == 2 and min(given) > 1 and array.size == asked[0]:
        return array.reshape(shape), CORE("note.as_list", got=array.shape, size=asked[0])
    return array, None


def _close(a, b, rtol, atol):
    return a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol)


def compare_array(answer, expected, name=None, *, rtol=1e-6, atol=1e-8, mistakes=(),
                  praise=None, shapes=None):
    """Judge ``answer`` against ``expected``; return a :class:`Verdict` with a specific hint.

    ``mistakes``: ``(wrong_array, Message)`` pairs — answers a student typically gives;
    ``shapes``: ``{shape: Message}`` for typical wrong shapes.  Then the shared slips are
    named: transposed, rotated 180°/90°, sign flipped, scaled by a constant, rounded to
    whole numbers, right numbers in a wrong shape.  Else the generic hint (first difference).
    """
    name = name if name is not None else CORE("name.answer")
    try:
        a = as_array(answer, name)
    except Reject as reject:
        return reject.verdict
    expected = np.asarray(expected, dtype=np.float64)
    shapes = shapes or {}
    note = None
    for key in (a.shape, _strip_leading_ones(a.shape)):
        if key in shapes and _strip_leading_ones(key) != _strip_leading_ones(expected.shape):
            return not_yet(shapes[key])
    a, note = conform_shape(a, expected.shape)
    verdict = _judge_values(a, expected, name, rtol, atol, mistakes, praise)
    return verdict.with_note(note) if note is not None else verdict


def _swap_last(a):
    return np.swapaxes(a, -1, -2) if a.ndim >= 2 else a


def _judge_values(a, expected, name, rtol, atol, mistakes, praise):
    if a.shape != expected.shape:
        return _judge_shape(a, expected, name, rtol, atol)
    if np.allclose(a, expected, rtol=rtol, atol=atol):
        return correct(praise)
    for wrong, hint in mistakes:
        wrong = np.asarray(wrong, dtype=np.float64)
        if wrong.shape != a.shape and _strip_leading_ones(wrong.shape) == _strip_leading_ones(
                a.shape):
            wrong = wrong.reshape(a.shape)
        if _close(a, wrong, rtol, atol):
            return not_yet(hint)
    return _shared_slips(a, expected, name, rtol, atol)


def _shared_slips(a, e, name, rtol, atol):
    """The slips every array exercise can meet, named; else the generic first difference."""
    if a.ndim >= 2 and a.shape[-1] == a.shape[-2] and _close(a, _swap_last(e), rtol, atol):
        return not_yet(CORE("compare.transposed", name=name))
    if a.ndim >= 2 and _close(a, e[..., ::-1, ::-1], rtol, atol):
        return not_yet(CORE("compare.rotated_180", name=name))
    if a.ndim >= 2 and a.shape[-1] == a.shape[-2]:
        if _close(a, np.rot90(e, 1, axes=(-2, -1)), rtol, atol) or \
                _close(a, np.rot90(e, -1, axes=(-2, -1)), rtol, atol):
            return not_yet(CORE("compare.rotated_90", name=name))
    if a.ndim >= 1 and a.shape[-1] > 1 and _close(a, e[..., ::-1], rtol, atol):
        return not_yet(CORE("compare.reversed", name=name))
    if np.any(e != 0) and _close(a, -e, rtol, atol):
        return not_yet(CORE("compare.sign", name=name))
    nz = np.abs(e) > atol
    if np.any(nz) and np.all(np.abs(a[~nz]) <= atol):
        ratio = a[nz] / e[nz]
        if np.allclose(ratio, ratio.flat[0], rtol=1e-6) and not np.isclose(ratio.flat[0], 1):
            factor = float(ratio.flat[0])
            if factor != 0:
                return not_yet(CORE("compare.scaled", name=name, factor=fmt(factor)))
    if np.any(e != np.round(e)) and np.all(a == np.round(a)) and (
            np.array_equal(a, np.trunc(e)) or np.array_equal(a, np.round(e))
            or np.array_equal(a, np.floor(e))):
        return not_yet(CORE("compare.rounded",
                           name=name))
    bad = np.argwhere(~np.isclose(a, e, rtol=rtol, atol=atol))
    first = tuple(int(i) for i in bad[0])
    return fallback(CORE("compare.entries_differ", name=name,
                        count=len(bad), size=a.size, first=first, got=fmt(a[first]),
                        want=fmt(e[first])))


def _judge_shape(a, e, name, rtol, atol):
    sa, se = _strip_leading_ones(a.shape), _strip_leading_ones(e.shape)
    if len(sa) >= 2 and sa[:-2] == se[:-2] and sa[-2:] == se[-2:][::-1]:
        ea = e.reshape(se)
        if np.allclose(a.reshape(sa), _swap_last(ea), rtol=rtol, atol=atol):
            return not_yet(CORE("compare.shape_transposed", name=name, got=a.shape,
                               want=e.shape))
        return not_yet(CORE("compare.shape_swapped", name=name, got=a.shape, want=e.shape))
    if a.size == e.size:
        if np.allclose(a.reshape(e.shape), e, rtol=rtol, atol=atol):
            return not_yet(CORE("compare.reshape", name=name, got=a.shape,
                               want=e.shape))
        return fallback(CORE("compare.shape_size", name=name, size=a.size, got=a.shape,
                            want=e.shape))
    return fallback(CORE("compare.shape", name=name, got=a.shape,
                        want=e.shape))


def judge_number(answer, expected, hints, praise, fallback, *, name=None, whole=True):
    """Judge a numeric answer: ``praise`` when right, ``hints[value]`` (a Message) for a known
    slip, else the generic ``fallback_hint``.  The policy of :func:`as_number` applies."""
    name = name if name is not None else CORE("name.answer")
    try:
        value = as_number(answer, name, whole=whole)
    except Reject as reject:
        if whole and reject.verdict.kind == "specific":  # a fraction: maybe a known slip
            try:
                value = as_number(answer, name)
            except Reject:
                return reject.verdict
            for wrong, hint in hints.items():
                if np.isclose(value, wrong):
                    return not_yet(hint)
        return reject.verdict
    if np.isclose(value, expected, rtol=1e-9, atol=1e-9):
        return number_note(answer, correct(praise))
    for wrong, hint in hints.items():
        if np.isclose(value, wrong, rtol=1e-9, atol=1e-9):
            return not_yet(hint)
    return _generic(CORE("number.not_it", value=fmt(value), hint=fallback))


def join_slips(hints):
    """Several hints that fit the same answer, as one message: "A Or: B Or: C" (a hint that
    two ways of making one slip both gave is said once)."""
    unique, seen = [], set()
    for hint in hints:
        key = (getattr(hint, "qualified_id", None) or getattr(hint, "template", None),
               repr(sorted(getattr(hint, "fields", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(hint)
    joined = unique[0]
    for hint in unique[1:]:
        joined = CORE("slips.or", first=joined, second=hint)
    return joined


def shape_hint(answer, hints):
    """A specific hint when ``answer`` has one of the shapes in ``hints`` ({shape: Message})."""
    if is_empty(answer) or isinstance(answer, (str, bytes, dict, set)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            shape = np.shape(answer)
    except Exception:  # ragged lists and the like: compare_array explains
        return None
    return not_yet(hints[shape]) if shape in hints else None


def correlate_2d(x, k):
    """Valid cross-correlation of one-channel 2-D arrays via the literal-loop oracle.

    x (H, W), k (KH, KW) -> (Ho, Wo).  The checkers' expected answers come from here, not
    from the vectorised code a student is learning to write.
    """
    return conv2d_loops(np.asarray(x, float)[None, None], np.asarray(k, float)[None, None])[0, 0]
