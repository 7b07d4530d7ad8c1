"""The check-your-understanding questions of notebooks 02–07 and notebook 05's dW exercise:
the right answer in three forms, each typical slip its own specific hint, garbage never
raises and is never praised, and the notebooks state the problems the checkers judge."""
from __future__ import annotations

import numpy as np
import pytest

from convkit_course.exercises import concepts
from notebook_text import notebook_text

GARBAGE = [None, ..., "abc", "8.5", [1, 2], [[1, 2], [3]], float("nan"), float("inf"), 3 + 4j,
           {"a": 1}, {1, 2}, True, np.array([]), lambda: 3, object(), b"\x00"]


# --------------------------------------------------------------------------- number questions
# right answers worked out by hand (and cross-checked with convkit below)
NUMBER_QUESTIONS = {
    # input 12 = (2, 2) is the bottom-right corner of output 0's window rows 0-2, cols 0-2
    "kernel_id_for": (8, [0, 4, 12, 6]),
    # 6x6, 3x3: windows covering row 1 start at 0, 1 (2); covering column 2 at 0, 1, 2 (3)
    "dx_terms": (6, [9, 3, 2, 5, 4]),
    # stride 3 spreads dZ with S - 1 = 2 zeros; D = 2 is the reading step
    "dw_zeros": (2, [1, 3, 0, 5, 4]),
    # 4x6 input, 3x3 kernel: 2 x 4 outputs, 9 weights -> 72 entries
    "cols_entries": (72, [24, 8, 9, 216, 81]),
    # 9 windows x 8 filters
    "dx_terms_channels": (72, [9, 27, 216, 8, 24]),
}


def test_number_answers_agree_with_convkit():
    import convkit as ck
    fmap = ck.forward_map(5, 3)
    assert fmap[0, 0, 2, 2] == NUMBER_QUESTIONS["kernel_id_for"][0]
    q = concepts.QUESTIONS["dx_terms"]
    assert ck.participation_counts(q["input_size"], q["kernel"])[q["at"]] == \
        NUMBER_QUESTIONS["dx_terms"][0]
    q = concepts.QUESTIONS["cols_entries"]
    assert ck.im2col(np.zeros((1, 1) + q["input_size"]), q["kernel"]).size == \
        NUMBER_QUESTIONS["cols_entries"][0]
    q = concepts.QUESTIONS["dx_terms_channels"]
    dx, _, _ = ck.conv2d_direct_backward(np.ones((1, q["filters"], 5, 5)),
                                         np.zeros((1, q["channels"], 7, 7)),
                                         np.ones((q["filters"], q["channels"], 3, 3)))
    assert dx[0, 0, 3, 3] == NUMBER_QUESTIONS["dx_terms_channels"][0]


@pytest.mark.parametrize("name", list(NUMBER_QUESTIONS))
@pytest.mark.parametrize("form", [int, float, np.int64, lambda v: np.array([v]),
                                  lambda v: complex(v, 0)], ids=["int", "float", "np.int64",
                                                                 "array", "complex0"])
def test_number_right_answer_in_several_forms(name, form):
    right = NUMBER_QUESTIONS[name][0]
    verdict = getattr(concepts, name)(form(right))
    assert verdict and verdict.kind == "correct", repr(verdict)


@pytest.mark.parametrize("name, wrong", [(n, w) for n, (_, ws) in NUMBER_QUESTIONS.items()
                                         for w in ws])
def test_number_slips_get_specific_hints(name, wrong):
    verdict = getattr(concepts, name)(wrong)
    assert not verdict and verdict.kind == "specific", repr(verdict)


@pytest.mark.parametrize("name", list(NUMBER_QUESTIONS))
def test_number_slips_are_distinguishable(name):
    texts = [repr(getattr(concepts, name)(w)) for w in NUMBER_QUESTIONS[name][1]]
    assert len(set(texts)) == len(texts) or name == "dx_terms"  # 2 and 3: one axis, same hint


@pytest.mark.parametrize("name", list(NUMBER_QUESTIONS) + ["why_dw_not_rotated"])
@pytest.mark.parametrize("answer", GARBAGE, ids=[repr(g)[:12] for g in GARBAGE])
def test_garbage_never_raises_never_praised(name, answer):
    verdict = getattr(concepts, name)(answer)
    assert not verdict
    assert repr(verdict).startswith("✘ Not yet —")


# --------------------------------------------------------------------------- choice question
@pytest.mark.parametrize("answer", ["b", "B", " (b) ", "b."])
def test_choice_right(answer):
    assert concepts.why_dw_not_rotated(answer)


@pytest.mark.parametrize("answer, hint", [("a", "symmetric"), ("c", "padding changes"),
                                          ("d", "not a convention")])
def test_choice_wrong_letters_get_specific_hints(answer, hint):
    verdict = concepts.why_dw_not_rotated(answer)
    assert not verdict and verdict.kind == "specific" and hint in repr(verdict)


@pytest.mark.parametrize("answer, hint", [("e", "one of the letters"), (2, "one letter"),
                                          (..., "still empty")])
def test_choice_bad_input(answer, hint):
    assert hint in repr(concepts.why_dw_not_rotated(answer))


# --------------------------------------------------------------------------- dW exercise
def dw_by_scatter(x, dz, kernel_size, stride, padding, dilation):
    """The right answer, independently: each output adds dz x input under every weight."""
    kh, kw = kernel_size
    xp = np.pad(x, padding)
    dw = np.zeros((kh, kw))
    for a in range(dz.shape[0]):
        for b in range(dz.shape[1]):
            for i in range(kh):
                for j in range(kw):
                    dw[i, j] += dz[a, b] * xp[a * stride + i * dilation, b * stride + j * dilation]
    return dw


def _corr(x, k, step):
    kh, kw = k.shape
    ho, wo = (x.shape[0] - kh) // step + 1, (x.shape[1] - kw) // step + 1
    return np.array([[np.sum(x[r * step:r * step + kh, c * step:c * step + kw] * k)
                      for c in range(wo)] for r in range(ho)])


def _spread(a, s):
    out = np.zeros(((a.shape[0] - 1) * s + 1, (a.shape[1] - 1) * s + 1))
    out[::s, ::s] = a
    return out


def slip(kind):
    def weight_gradient(x, dz, kernel_size, stride, padding, dilation):
        kh, kw = kernel_size
        s, p, d = stride, padding, dilation
        if kind == "no-stride":
            s_spread = 1
        else:
            s_spread = s
        if kind == "swap":
            s_spread, d = d, s
        xp = x if kind == "no-padding" else np.pad(x, p)
        step = 1 if kind == "no-dilation" else d
        full = _corr(xp, _spread(dz, s_spread), step)
        if kind == "uncropped":
            return full
        dw = full[:kh, :kw]
        if kind == "rotated":
            dw = dw[::-1, ::-1]
        if kind == "transposed":
            dw = dw.T
        if kind == "dx-shape":
            return np.zeros_like(x)
        if kind == "nchw":
            return dw[None, None]
        if kind == "list":
            return dw.tolist()
        return dw
    return weight_gradient


@pytest.mark.parametrize("fn", [dw_by_scatter, slip(None), slip("nchw"), slip("list")],
                         ids=["scatter", "recipe", "nchw", "list"])
def test_weight_gradient_right(fn):
    verdict = concepts.weight_gradient_strided(fn)
    assert verdict and verdict.kind == "correct", repr(verdict)


@pytest.mark.parametrize("kind, hint", [
    ("no-stride", "ignores the stride"),
    ("no-padding", "ignores the padding"),
    ("no-dilation", "ignores the dilation"),
    ("swap", "swaps stride and dilation"),
    ("rotated", "rotated by 180°"),
    ("transposed", "transposed"),
    ("uncropped", "the whole correlation"),
    ("dx-shape", "looks like dX"),
])
def test_weight_gradient_slips(kind, hint):
    verdict = concepts.weight_gradient_strided(slip(kind))
    assert not verdict and verdict.kind == "specific", repr(verdict)
    assert hint in repr(verdict), repr(verdict)


def _raises(*args):
    raise IndexError("index 9 is out of bounds")


@pytest.mark.parametrize("fn", [None, ..., 3, "f", lambda *a: None, lambda *a: "dw",
                                lambda *a: [[1, 2], [3]], lambda *a: np.full((3, 3), np.nan),
                                _raises, lambda x: x])
def test_weight_gradient_garbage(fn):
    verdict = concepts.weight_gradient_strided(fn)
    assert not verdict and repr(verdict).startswith("✘ Not yet —")


def test_weight_gradient_mutating_input_is_named():
    def mutating(x, dz, kernel_size, stride, padding, dilation):
        result = dw_by_scatter(x, dz, kernel_size, stride, padding, dilation)
        x *= 0
        return result
    assert "in place" in repr(concepts.weight_gradient_strided(mutating))


# --------------------------------------------------------------------------- notebook text
@pytest.mark.parametrize("notebook, phrase", [
    ("02_forward-map", "Which kernel weight multiplies **input 12** in **output 0**"),
    ("03_input-gradient", "For a **6×6** input and a 3×3 kernel (stride 1, no padding), how many "
                          "terms does the sum for dX at input **(1, 2)**"),
    ("04_weight-gradient", "Why is dW **not** rotated"),
    ("05_stride-padding-dilation", "stride **3** and dilation **2**"),
    ("06_im2col", "a **4×6** input and a 3×3 kernel"),
    ("07_channels-batches-groups", "**3** input channels, **8** filters of 3×3"),
    ("05_stride-padding-dilation", "concepts.weight_gradient_strided(weight_gradient)"),
])
def test_notebook_states_the_question(notebook, phrase):
    text = notebook_text(notebook)
    import json
    import pathlib
    nb = json.loads((pathlib.Path(__file__).resolve().parent.parent / "notebooks"
                     / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    code = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert phrase in text or phrase in code


# --------------------------------------------------------------------------- the Chinese catalog
@pytest.mark.parametrize("module", ["concepts"])  # ex10 is an exercise unit (id-keyed catalog)
def test_every_template_has_a_chinese_entry_with_the_same_fields(module):
    import ast
    import importlib
    import string
    from convkit_course.exercises._core import zh_catalog
    ZH = zh_catalog()
    source = importlib.import_module(f"convkit_course.exercises.{module}").__file__
    templates = [node.args[0].value for node in ast.walk(ast.parse(open(source).read()))
                 if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg"]
    assert templates

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    for template in templates:
        assert template in ZH, template
        assert fields(ZH[template]) == fields(template), template


def test_chinese_verdicts_render():
    from convkit_course.exercises import set_language
    try:
        set_language("zh")
        assert repr(concepts.dw_zeros(2)).startswith("✔ 正确 —")
        assert "步幅" in repr(concepts.dw_zeros(3))
    finally:
        set_language("en")
