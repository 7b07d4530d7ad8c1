"""A student sees one language: the Chinese edition shows no English, the English no Chinese.

Each committed notebook is executed top to bottom in a fresh kernel (``student_text.collect``)
and everything a student sees is collected: every text of every figure drawn, every visible
string of every explorer after using its controls, every printed line.  The Chinese edition
may show English only where the glossary keeps it (``notebooks/zh/glossary.toml``: names
such as im2col or PyTorch; code identifiers, maths symbols and acronyms are recognised as
such) and a library's exception text after its Chinese explanation; the English edition may
show Chinese only in the article's own terms (实力派, 整容, ...).  Every figure must draw every
character (no "missing from font" box).

Slow (every notebook of both editions runs once more, about as long as nbval).
"""
from __future__ import annotations

import pathlib

import pytest

import student_text

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHINESE = sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb"))


def _report(found):
    return "\n".join(f"  {kind}: {s!r}" for kind, strings in found.items()
                     for s in sorted(set(strings)))


def _uses_the_explorer(path):
    return "explore(" in path.read_text(encoding="utf-8")


EDITIONS = [(path, "zh") for path in CHINESE] + [(path, "en") for path in ENGLISH]


@pytest.mark.slow
@pytest.mark.parametrize("path, edition", EDITIONS,
                         ids=[f"{edition}-{path.stem}" for path, edition in EDITIONS])
def test_a_student_sees_one_language(path, edition):
    """zh: no English a Chinese student sees (translate it, or keep the term in glossary.toml);
    en: no Chinese but the article's terms."""
    seen = student_text.collect(path)
    assert seen["printed"], "the notebook printed nothing: the collector is broken"
    if _uses_the_explorer(path):
        assert seen["explorers"] and seen["widget"], "the explorer's strings were not collected"
    assert not seen["missing_glyph"], seen["missing_glyph"]
    other = student_text.english if edition == "zh" else student_text.chinese
    found = {kind: [s for s in seen[kind] if other(s)] for kind in student_text.KINDS}
    assert not any(found.values()), (f"{edition}/{path.name}: "
                                     f"{'English' if edition == 'zh' else 'Chinese'} a student "
                                     "of this edition sees:\n" + _report(found))


@pytest.mark.parametrize("text, words", [
    ("the whole training of section 5", ["the", "whole", "training", "section"]),
    ("*全*（full）卷积，“same”填充", []),                # the glossary keeps the padding modes' names
    ("训练损失", []),
    ("dx12 = dz0·k8 + dz1·k7", []),                      # maths symbols
    ("ck.output_size = 3", []),                           # code
    ("conv2d_direct == conv2d_im2col", []),
    ("x (1, 3, 5, 5)   w (2, 3, 3, 3)", []),
    ("im2col 矩阵 / 输入（内存）", []),                   # a kept name
    ("GEMM 和 FFT", []),                                 # acronyms
    ("SoftmaxCrossEntropy 的 forward(x)", []),            # a class, a call
    ("ValueError: conv2d_fft needs stride 1", []),        # a library's exception text
    ("输入 5x5，卷积核 3x3 → output 3x3", ["output"]),
    ("stride 2", ["stride"]),
])
def test_english_words_are_found_and_code_is_not(text, words):
    assert student_text.english(text) == words


@pytest.mark.parametrize("text, runs", [
    ("ck.im2col_indices(5, 3) is the article's 整容 matrix", []),
    ("实力派 and 偶像派", []),
    ("input 输入", ["输入"]),
])
def test_chinese_outside_the_article_terms_is_found(text, runs):
    assert student_text.chinese(text) == runs


def test_shown_lines_skip_a_picture_s_text_and_read_html():
    import nbformat
    picture = nbformat.v4.new_output("display_data", data={
        "image/png": "iVBOR", "text/plain": "<convkit figure: forward map, ...>"})
    html = nbformat.v4.new_output("display_data", data={
        "text/html": "<div>探索器没有在运行</div><style>.x {color: red}</style>",
        "text/plain": "<IPython.core.display.HTML object>"})
    stream = nbformat.v4.new_output("stream", name="stdout", text="a\n\nb\n")
    assert student_text._shown_lines(picture) == []
    assert student_text._shown_lines(html) == ["探索器没有在运行"]
    assert student_text._shown_lines(stream) == ["a", "b"]
