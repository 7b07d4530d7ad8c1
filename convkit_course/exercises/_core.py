"""What every checker shares: messages (en/zh), the verdict, and one answer policy.

Messages
    Every user-facing string is built by :func:`msg` from a *literal* English template with
    named ``{fields}``; the template is the key of the Chinese catalog
    (:mod:`convkit_course.exercises.messages_zh`).  A field may itself be a :class:`Message` (it is
    rendered in the same language).  :func:`set_language` picks ``"en"`` or ``"zh"``; a
    verdict is rendered when it is shown, so switching language re-renders old verdicts too.

Verdicts
    :func:`correct` / :func:`not_yet` (a specific hint) / :func:`fallback` (the generic
    "not it" hint, recognisable by ``verdict.kind == "generic"``) / :func:`bad_input` (the
    answer is not a number/array/function at all).  Verdicts show as one line starting with
    ``✔ Correct —`` or ``✘ Not yet —`` (no emoji font needed).

The answer policy (used by every checker)
    :func:`as_number`, :func:`as_array`, :func:`as_shape`, :func:`as_function` and
    :func:`call_student` turn whatever a student hands in into a number / float array /
    tuple of ints / a result, or raise :class:`Reject` carrying the hint.  Numbers: Python and
    numpy ints and floats, whole floats where a count is asked (``9930.0``), one-element
    arrays, complex numbers with a zero imaginary part.  Arrays: anything numpy turns into a
    numeric array; leading axes of length 1 (NCHW wrapping, e.g. (1, 1, 3, 3) for a 3×3
    answer, or the other way round) are accepted everywhere, with a note in the verdict.
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

from ..i18n import get_language, set_language, spaced as _spaced, template_fields

__all__ = ["Message", "msg", "set_language", "get_language", "zh_catalog", "Verdict", "correct", "not_yet",
           "fallback", "bad_input", "Reject", "checker", "as_number", "number_note", "as_array",
           "as_shape",
           "as_function", "call_student", "is_empty", "compare_array", "judge_number",
           "shape_hint", "correlate_2d", "fmt"]

_catalogs = {}


def _catalog(language):
    """{English template: translation}: ``messages_zh.ZH`` merged with every
    ``messages_zh_*.py`` module of the package (catalogs of checker modules other helpers own)."""
    if language != "zh":
        return {}
    if "zh" not in _catalogs:
        import importlib
        import pkgutil

        from . import __path__ as package_path
        from .messages_zh import ZH
        merged = dict(ZH)
        for info in pkgutil.iter_modules(package_path):
            if info.name.startswith("messages_zh_"):
                merged.update(importlib.import_module(f"{__package__}.{info.name}").ZH)
        _catalogs["zh"] = merged
    return _catalogs["zh"]


def zh_catalog():
    """The merged Chinese catalog (for tests and translators)."""
    return _catalog("zh")


class Message:
    """A template (the English text, also the catalog key) and its fields, rendered late."""

    __slots__ = ("template", "fields")

    def __init__(self, template, fields):
        self.template = template
        self.fields = fields

    def render(self, language=None):
        language = language or get_language()
        text = _catalog(language).get(self.template, self.template)
        values = {k: (v.render(language) if isinstance(v, Message) else v)
                  for k, v in self.fields.items()}
        try:
            return text.format(**values)
        except Exception:  # a catalog slip must never hide the hint: fall back to English
            return self.template.format(**values)

    def __str__(self):
        return self.render()

    def __repr__(self):
        return f"Message({self.template!r})"

    def __add__(self, other):
        return msg("{first} {second}", first=self, second=other)


def msg(template, **fields):
    """The one way to make user-facing text: a literal English template with named fields.

    >>> str(msg("has shape {got}; expected {want}.", got=(3, 3), want=(5, 5)))
    'has shape (3, 3); expected (5, 5).'
    """
    return Message(template, fields)


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


@dataclass(frozen=True)
class Verdict:
    """A checker's answer: truthy when correct; shows as one readable line in a notebook.

    ``kind``: ``"correct"``; ``"specific"`` (a named mistake); ``"generic"`` (the fallback
    "not it" hint: no mistake recognised); ``"input"`` (not a usable answer: empty, text,
    ragged, NaN, an error in the student's function ...).
    """

    correct: bool
    message: Message
    kind: str = "specific"
    notes: tuple = field(default=())

    def __post_init__(self):
        if not isinstance(self.message, Message):
            raise TypeError("Verdict: message must be built with msg(...), got "
                            f"{type(self.message).__name__}")

    def __bool__(self):
        return self.correct

    @property
    def text(self):
        """The message (without the prefix) in the current language."""
        language = get_language()
        gap = "" if language == "zh" else " "
        return _spaced(gap.join(p.render(language) for p in (self.message, *self.notes)),
                       language)

    def render(self, language=None):
        language = language or get_language()
        head = msg("✔ Correct —") if self.correct else msg("✘ Not yet —")
        gap = "" if language == "zh" else " "
        body = gap.join(p.render(language) for p in (self.message, *self.notes))
        return head.render(language) + " " + _spaced(body, language)

    def __repr__(self):
        return self.render()

    __str__ = __repr__

    def _repr_pretty_(self, p, cycle):
        p.text(self.render())

    def with_note(self, note):
        return Verdict(self.correct, self.message, self.kind, self.notes + (note,))


def correct(message=None):
    return Verdict(True, message if message is not None else msg("well done."), "correct")


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
        super().__init__(verdict.message.template)
        self.verdict = verdict
        self.error = error  # the student's exception, when call_student caught one


def checker(function):
    """Decorate a checker: it returns a Verdict whatever it is given, and is silent."""

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                verdict = function(*args, **kwargs)
        except Reject as reject:
            return reject.verdict
        except Exception as error:  # the promise: never a traceback, whatever the answer
            return bad_input(msg("the checker could not read this answer ({error_type}: "
                                 "{error}); hand in a number, an array or a function as "
                                 "the exercise asks.",
                                 error_type=type(error).__name__, error=_short(error)))
        if not isinstance(verdict, Verdict):  # a checker bug; say so rather than crash
            return bad_input(msg("the checker could not judge this answer."))
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
        raise Reject(bad_input(msg("{name} is still empty: replace the ... / None with your "
                                   "answer.", name=name)))
    if isinstance(answer, (str, bytes)):
        text = answer.decode(errors="replace") if isinstance(answer, bytes) else answer
        try:
            float(text)
            numeric = True
        except ValueError:
            numeric = False
        if numeric:
            raise Reject(bad_input(msg("{name} is the text {text!r}, not a number: remove the "
                                       "quotes.", name=name, text=text)))
        raise Reject(bad_input(msg("{name} is text ({text!r}); hand in numbers, not a string.",
                                   name=name, text=text[:40])))
    if isinstance(answer, (dict, set, frozenset)):
        raise Reject(bad_input(msg("{name} is a {kind}; hand in numbers (a number, a list or "
                                   "an array).", name=name, kind=_what(answer))))
    if callable(answer) and not hasattr(answer, "__array__") and not isinstance(answer, type):
        raise Reject(bad_input(msg("{name} is a function; call it and hand in what it returns.",
                                   name=name)))
    if isinstance(answer, type):
        raise Reject(bad_input(msg("{name} is a type ({kind}), not a value.", name=name,
                                   kind=answer.__name__)))


def _to_array(answer, name):
    """np.asarray with every failure named; returns a float64 array (maybe 0-d)."""
    _reject_common(answer, name)
    if isinstance(answer, (bool, np.bool_)):
        raise Reject(bad_input(msg("{name} is {value}, a truth value; hand in numbers.",
                                   name=name, value=str(bool(answer)))))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.asarray(answer)
    except ValueError as error:
        if "inhomogeneous" in str(error) or "sequence" in str(error):
            raise Reject(bad_input(msg("{name} is ragged: its rows have different lengths, so it "
                                       "is not an array. Check that every row has the same "
                                       "number of entries.", name=name))) from None
        raise Reject(bad_input(msg("{name} could not be turned into an array ({error_type}: "
                                   "{error}).", name=name, error_type=type(error).__name__,
                                   error=_short(error)))) from None
    except Exception as error:
        raise Reject(bad_input(msg("{name} could not be turned into an array ({error_type}: "
                                   "{error}).", name=name, error_type=type(error).__name__,
                                   error=_short(error)))) from None
    if array.dtype == object:
        if _is_ragged(answer):
            raise Reject(bad_input(msg("{name} is ragged: its rows have different lengths, so it "
                                       "is not an array. Check that every row has the same "
                                       "number of entries.", name=name)))
        try:
            array = array.astype(complex)
        except Exception:
            raise Reject(bad_input(msg("{name} holds things that are not numbers ({kind}).",
                                       name=name, kind=_first_odd_type(array)))) from None
    if array.dtype.kind in "USV":
        raise Reject(bad_input(msg("{name} holds text (strings), not numbers: remove the "
                                   "quotes.", name=name)))
    if array.dtype.kind in "Mm":
        raise Reject(bad_input(msg("{name} holds dates or times, not numbers.", name=name)))
    if array.dtype.kind == "c":
        imag = np.abs(array.imag)
        with np.errstate(all="ignore"):
            scale = float(np.nanmax(np.abs(array.real), initial=1.0)) if array.size else 1.0
        if np.any(imag > 1e-9 * max(1.0, scale if np.isfinite(scale) else 1.0)):
            raise Reject(bad_input(msg("{name} has a non-zero imaginary part ({value}): the "
                                       "answers here are real numbers — did an FFT or a complex "
                                       "number slip in? Take .real only if the imaginary part is "
                                       "round-off.", name=name,
                                       value=_first_value(array, imag == imag.max()))))
        array = array.real
    try:
        array = array.astype(np.float64)
    except Exception as error:
        raise Reject(bad_input(msg("{name} could not be turned into an array ({error_type}: "
                                   "{error}).", name=name, error_type=type(error).__name__,
                                   error=_short(error)))) from None
    if array.size and not np.all(np.isfinite(array)):
        nan = np.isnan(array)
        if array.ndim == 0:
            what = msg("NaN (not a number)") if nan else msg("infinite")
            raise Reject(bad_input(msg("{name} is {what}: look for 0/0, a division by zero, an "
                                       "overflow or an uninitialised np.empty.", name=name,
                                       what=what)))
        if np.any(nan):
            raise Reject(bad_input(msg("{name} contains NaN (not a number) at index {where}: look "
                                       "for 0/0, an empty mean or an uninitialised np.empty.",
                                       name=name, where=_first_index(nan))))
        raise Reject(bad_input(msg("{name} contains an infinite value at index {where}: look for "
                                   "a division by zero or an overflow.", name=name,
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
    name = name if name is not None else msg("your answer")
    array = _to_array(answer, name)
    if array.size != 1:
        if array.size == 0:
            raise Reject(bad_input(msg("{name} is empty (no entries); hand in one number.",
                                       name=name)))
        raise Reject(bad_input(msg("{name} should be one number, but it holds {size} numbers "
                                   "(shape {shape}).", name=name, size=array.size,
                                   shape=array.shape)))
    value = float(array.reshape(()))
    if whole:
        if value != math.floor(value):
            raise Reject(not_yet(msg("{name} is {value}, not a whole number: this answer counts "
                                     "things.", name=name, value=fmt(value))))
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
    return verdict.with_note(msg("(Your shape {got} was read as one number.)", got=shape))


def as_array(answer, name=None):
    """The answer as a float64 array (any shape, size ≥ 1); else :class:`Reject` with a hint."""
    name = name if name is not None else msg("your answer")
    array = _to_array(answer, name)
    if array.size == 0:
        raise Reject(bad_input(msg("{name} is empty (shape {shape}): it has no entries.",
                                   name=name, shape=array.shape)))
    return array


def as_shape(answer, name=None):
    """The answer as a tuple of non-negative ints (a shape); else :class:`Reject`."""
    name = name if name is not None else msg("your shape")
    array = _to_array(answer, name)
    if array.ndim != 1:
        raise Reject(bad_input(msg("{name} should be a tuple of whole numbers such as (2, 3, 4), "
                                   "got {got}.", name=name, got=_short(repr(answer), 60))))
    if np.any(array != np.floor(array)) or np.any(array < 0):
        raise Reject(bad_input(msg("{name} should hold whole, non-negative numbers, got "
                                   "{got}.", name=name, got=tuple(fmt(v) for v in array))))
    return tuple(int(v) for v in array)


def as_function(function, name=None):
    """The student's function itself; else :class:`Reject` (empty, called, not callable)."""
    name = name if name is not None else msg("your function")
    if is_empty(function):
        raise Reject(bad_input(msg("{name} is still empty: define it, then pass it here (no "
                                   "brackets).", name=name)))
    if not callable(function):
        raise Reject(bad_input(msg("pass the function itself (its name, no brackets); got a "
                                   "{kind}.", kind=_what(function))))
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
        raise Reject(bad_input(msg("{where}, your function raised {error_type}: {error}",
                                   where=where, error_type=type(error).__name__,
                                   error=_short(error))), error) from None
    if is_empty(result):
        raise Reject(bad_input(msg("{where}, your function returned {value}: finish it and return "
                                   "the result.", where=where, value=repr(result))))
    return result


# --------------------------------------------------------------------------- comparisons
def _strip_leading_ones(shape):
    shape = tuple(shape)
    while len(shape) > 1 and shape[0] == 1:
        shape = shape[1:]
    return shape


def _wrapped_note(got, want):
    return msg("(Your shape {got} was read as {want}: axes of length 1 in front are fine.)",
               got=got, want=want)


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
    name = name if name is not None else msg("your answer")
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
    if a.shape != expected.shape and _strip_leading_ones(a.shape) == _strip_leading_ones(
            expected.shape):
        note = _wrapped_note(a.shape, expected.shape)
        a = a.reshape(expected.shape)
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
        return not_yet(msg("{name} is the right answer transposed (rows and columns swapped): "
                           "entry [i, j] belongs at [j, i].", name=name))
    if a.ndim >= 2 and _close(a, e[..., ::-1, ::-1], rtol, atol):
        return not_yet(msg("{name} is the right answer rotated by 180° (flipped up-down and "
                           "left-right).", name=name))
    if a.ndim >= 2 and a.shape[-1] == a.shape[-2]:
        if _close(a, np.rot90(e, 1, axes=(-2, -1)), rtol, atol) or \
                _close(a, np.rot90(e, -1, axes=(-2, -1)), rtol, atol):
            return not_yet(msg("{name} is the right answer rotated by 90°.", name=name))
    if a.ndim >= 1 and a.shape[-1] > 1 and _close(a, e[..., ::-1], rtol, atol):
        return not_yet(msg("{name} is the right answer reversed (flipped left-right, or the "
                           "last axis in reverse order).", name=name))
    if np.any(e != 0) and _close(a, -e, rtol, atol):
        return not_yet(msg("{name} has the right numbers with the wrong sign: check which "
                           "term is subtracted from which.", name=name))
    nz = np.abs(e) > atol
    if np.any(nz) and np.all(np.abs(a[~nz]) <= atol):
        ratio = a[nz] / e[nz]
        if np.allclose(ratio, ratio.flat[0], rtol=1e-6) and not np.isclose(ratio.flat[0], 1):
            factor = float(ratio.flat[0])
            if factor != 0:
                return not_yet(msg("{name} is the right answer times {factor}: a factor is "
                                   "missing or extra (a mean instead of a sum, or a divide "
                                   "by the batch size?).", name=name, factor=fmt(factor)))
    if np.any(e != np.round(e)) and np.all(a == np.round(a)) and (
            np.array_equal(a, np.trunc(e)) or np.array_equal(a, np.round(e))
            or np.array_equal(a, np.floor(e))):
        return not_yet(msg("{name} holds whole numbers where the answer has fractions: was it "
                           "rounded or cast to int (astype(int), an int array, //)? Keep floats.",
                           name=name))
    bad = np.argwhere(~np.isclose(a, e, rtol=rtol, atol=atol))
    first = tuple(int(i) for i in bad[0])
    return fallback(msg("{name} has the right shape, but {count} of {size} entries differ; the "
                        "first is at index {first}: got {got}, expected {want}.", name=name,
                        count=len(bad), size=a.size, first=first, got=fmt(a[first]),
                        want=fmt(e[first])))


def _judge_shape(a, e, name, rtol, atol):
    sa, se = _strip_leading_ones(a.shape), _strip_leading_ones(e.shape)
    if len(sa) >= 2 and sa[:-2] == se[:-2] and sa[-2:] == se[-2:][::-1]:
        ea = e.reshape(se)
        if np.allclose(a.reshape(sa), _swap_last(ea), rtol=rtol, atol=atol):
            return not_yet(msg("{name} is the right answer transposed: shape {got} instead of "
                               "{want} (rows and columns swapped; .T or swapaxes turns it "
                               "back, a reshape would not).", name=name, got=a.shape,
                               want=e.shape))
        return not_yet(msg("{name} has shape {got}: rows and columns are swapped; expected "
                           "{want}.", name=name, got=a.shape, want=e.shape))
    if a.size == e.size:
        if np.allclose(a.reshape(e.shape), e, rtol=rtol, atol=atol):
            return not_yet(msg("{name} holds the right numbers in the right order, but has shape "
                               "{got}; reshape it to {want}.", name=name, got=a.shape,
                               want=e.shape))
        return fallback(msg("{name} has the right number of entries ({size}) but shape {got}; "
                            "expected {want}.", name=name, size=a.size, got=a.shape,
                            want=e.shape))
    return fallback(msg("{name} has shape {got}; expected {want}.", name=name, got=a.shape,
                        want=e.shape))


def judge_number(answer, expected, hints, praise, fallback, *, name=None, whole=True):
    """Judge a numeric answer: ``praise`` when right, ``hints[value]`` (a Message) for a known
    slip, else the generic ``fallback_hint``.  The policy of :func:`as_number` applies."""
    name = name if name is not None else msg("your answer")
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
    return _generic(msg("{value} is not it: {hint}", value=fmt(value), hint=fallback))


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
