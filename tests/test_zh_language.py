"""The Chinese a student reads keeps one glossary, quotes the article verbatim and punctuates
like Chinese: full-width in prose, half-width in code and maths, no English in LaTeX \\text{}.

The checks live in ``scripts/zh_lint.py`` (run it to list every problem); the glossary is
``notebooks/zh/glossary.toml``.  Texts: every translation block, README.zh.md, the ``zh`` value
of every ``convkit_course/**/*.toml`` catalog (the checkers' included) — a catalog added later
is picked up by the glob.  Each check is
also run on a made-up text that must fail it, so none of them passes by reading nothing.
"""
from __future__ import annotations

import re
import textwrap

import pytest
from scripts_module import load_script

lint = load_script("zh_lint")
ROOT = lint.ROOT
GLOSSARY = lint.load_glossary()
RULES = lint.term_rules(GLOSSARY)
KEPT = GLOSSARY["kept"]["terms"]
TEXTS = lint.chinese_texts()
ARTICLE_PATH = lint.find_article(ROOT, GLOSSARY)
ARTICLE = lint.normalise(ARTICLE_PATH.read_text(encoding="utf-8")) if ARTICLE_PATH else None


def _file(text):
    return re.split(r"[: ]", text.where)[0]


FILES = sorted({_file(t) for t in TEXTS})


def _texts_of(path):
    return [t for t in TEXTS if _file(t) == path]


def _article():
    if ARTICLE is None:
        pytest.skip("the source article (shared/reference/article-zh.txt) is not next to the "
                    "repository; set CONVKIT_ARTICLE to its path")
    return ARTICLE


# ---------------------------------------------------------------------------------------------
# what is read

def test_every_place_a_chinese_student_reads_is_read():
    assert {p for p in FILES if p.startswith("notebooks/zh/translations/")} == {
        f"notebooks/zh/translations/{p.stem}.md" for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert "README.zh.md" in FILES
    for path in (ROOT / "convkit_course").rglob("*.toml"):
        if 'zh = "' in path.read_text(encoding="utf-8") or "zh = '" in path.read_text(encoding="utf-8"):
            assert str(path.relative_to(ROOT)) in FILES, path
    assert len([t for t in TEXTS if "exercises" in t.where]) > 300  # the checkers' replies


def test_a_new_catalog_is_picked_up(tmp_path):
    package = tmp_path / "convkit_course" / "explorer_parts"
    package.mkdir(parents=True)
    (package / "labels.toml").write_text(textwrap.dedent('''\
        [stride]
        en = "stride"
        zh = "步长"
        en_hash = "000000000000"
        [views.forward]
        en = "forward map"
        zh = "前向图"
        '''), encoding="utf-8")
    found = {t.where: t.body for t in lint.catalog_texts(tmp_path)}
    assert found == {"convkit_course/explorer_parts/labels.toml [stride]": "步长",
                     "convkit_course/explorer_parts/labels.toml [views.forward]": "前向图"}
    problems = [p for t in lint.catalog_texts(tmp_path) for p in lint.term_problems(t, GLOSSARY, RULES)]
    assert len(problems) == 1 and "'步长' → '步幅'" in problems[0]


# ---------------------------------------------------------------------------------------------
# the glossary itself

def test_glossary_is_well_formed():
    names = [t["zh"] for t in GLOSSARY["term"]]
    assert len(names) == len(set(names)), "a Chinese term is listed twice"
    assert GLOSSARY["source"]["name"] == "原文"
    for term in GLOSSARY["term"]:
        assert term["en"] and all(isinstance(e, str) for e in term["en"]), term
    canonical = names + [GLOSSARY["source"]["name"]]
    for pattern, use, english in RULES:
        hits = [c for c in canonical if pattern.search(c)]
        assert not hits, f"forbidden {pattern.pattern!r} (use {use}) forbids the term {hits}"
    assert len(KEPT) == len(set(KEPT))


@pytest.mark.parametrize("zh_term", ["卷积核", "步幅", "填充", "膨胀", "学习率", "通道", "批量",
                                     "互相关", "梯度", "旋转180度", "参与度", "残差", "整容",
                                     "实力派", "偶像派", "小图", "卷积核位置"])
def test_glossary_has_the_agreed_terms(zh_term):
    assert zh_term in [t["zh"] for t in GLOSSARY["term"]]


@pytest.mark.parametrize("latin", ["im2col", "GEMM", "FFT", "PyTorch", "NCHW"])
def test_glossary_keeps_latin_names(latin):
    assert latin in KEPT


# ---------------------------------------------------------------------------------------------
# the checks, on the repository

@pytest.mark.parametrize("path", FILES)
def test_one_term_per_concept(path):
    found = [p for t in _texts_of(path) for p in lint.term_problems(t, GLOSSARY, RULES)]
    assert not found, ("a forbidden variant (notebooks/zh/glossary.toml says which term to use):\n"
                       + "\n".join(found))


@pytest.mark.parametrize("path", FILES)
def test_full_width_in_prose_half_width_in_code_and_maths(path):
    found = [p for t in _texts_of(path) for p in lint.punctuation_problems(t)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", [p for p in FILES if p.endswith(".md")])
def test_no_english_words_in_latex_text(path):
    found = [p for t in _texts_of(path) if t.kind == "markdown"
             for p in lint.latex_text_problems(t, KEPT)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", FILES)
def test_quotes_of_the_article_are_verbatim(path):
    article = _article()
    found = [p for t in _texts_of(path) for p in lint.quote_problems(t, article, GLOSSARY)]
    assert not found, "\n".join(found)


def test_the_english_notebooks_quote_the_article_verbatim():
    article = _article()
    found = [p for t in lint.english_texts() for p in lint.english_quote_problems(t, article)]
    assert not found, "\n".join(found)


def test_the_chinese_edition_quotes_the_article():
    """The quotes are found at all (the attribution rule reads them): several per notebook."""
    quoted = [q for t in TEXTS for q in lint.article_quotes(t, lint.regions(t).prose)]
    assert len(quoted) >= 20
    assert any("讲观看的视角" in q for _, _, q in quoted), "03 quotes the article's 讲 (for 将)"


def test_the_sic_quote_keeps_the_typo_with_its_note():
    article = _article()
    sic = GLOSSARY["source"]["sic"][0]
    assert lint.normalise(sic["text"]) in article
    texts = [t for t in TEXTS if sic["text"] in t.body]
    assert texts, "the quote with the article's typo is gone"
    assert all(sic["note"] in t.body for t in texts)


def test_the_source_is_named_one_way_and_its_title_once_per_notebook_at_most():
    title = GLOSSARY["source"]["title"]
    for path in [p for p in FILES if p.startswith("notebooks/")]:
        body = "\n".join(t.body for t in _texts_of(path))
        assert body.count(title) <= 1, f"{path} names {title} more than once"


# ---------------------------------------------------------------------------------------------
# the checks can fail

def _md(body, identifiers=()):
    return lint.Text("x.md:1", body, "markdown", frozenset(identifiers))


def _msg(body):
    return lint.Text("x.py:1", body, "message")


def _code(body):
    """A translation's code block: Python whose strings and comments a student reads."""
    return lint.Text("x.md:1", body, "code")


@pytest.mark.parametrize("body, want", [
    ("每个滤波器一个偏置。", "'滤波器' → '卷积核'"),
    ("最后 5 个用小十倍的步长。", "'步长' → '步幅'"),
    ("拖动这个旋钮。", "'旋钮' → '超参数'"),
    ("文章说它很快。", "'文章' → '原文'"),
    ("逐字循环很慢。", "'逐字' → '朴素循环'"),
    ("卷积核旋转 180° 之后", "→ '旋转180度'"),
    ("$\\sum_{\\text{滤波器}} x$", "'滤波器' → '卷积核'"),
    ("```bash\nmake test   # 运行每个滤波器\n```", "'滤波器' → '卷积核'"),
])
def test_term_check_finds_a_forbidden_variant(body, want):
    found = lint.term_problems(_md(body), GLOSSARY, RULES)
    assert len(found) == 1 and want in found[0], found


@pytest.mark.parametrize("body", [
    "每个卷积核一个偏置；步幅为 2，学习率小十倍。",
    "`filter_flip=True` 和 `步长` 都在代码里。",                      # code spans are not searched
    "原文：“我们用前面得到的Loss和与这个元素相乘的参数进行相乘再相加”。",  # a quote stays as written
    "按行依次编号 0–24。",                                           # 编号 as a verb
    "把卷积核旋转180度，分组卷积。",
])
def test_term_check_passes_the_glossary_terms(body):
    assert lint.term_problems(_md(body), GLOSSARY, RULES) == []


@pytest.mark.parametrize("body, kind, want", [
    ("用它的卷积核 id(0–8)作答。", "markdown", "ASCII brackets"),
    ("输入梯度 (notebook 03)。", "markdown", "ASCII brackets"),
    ("原文:“前向图”", "markdown", "ASCII ':'"),
    ("卷积核, 步幅", "markdown", "ASCII ','"),
    ("这就是互相关.", "markdown", "ASCII '.'"),
    ('选 "same" 填充', "markdown", "ASCII '\"'"),
    ("（批量 N、通道 C)", "markdown", "（ closed by )"),
    ("第 1 张图—前向图", "markdown", "a single —"),
    ("你好...", "markdown", "ellipsis"),
    ("原文说“有志成为“实力派”的童鞋”。", "markdown", "a quote inside a quote"),
    ("“没有结束的引号", "markdown", "“ without its ”"),
    ("写出 `input_gradient（dz, k）`。", "markdown", "full-width '（' in code"),
    ("$O = I - K + 1，$", "markdown", "full-width '，' in maths"),
    ("```bash\nmake lab    # 打开 JupyterLab,运行\n```", "markdown", "ASCII ','"),
    ("{name}是文本, 不是数", "message", "ASCII ','"),
    ("在 'same' 填充下", "markdown", "ASCII \"'\""),             # not an apostrophe
    ("形状为 (N, C, 卷积核位置)。", "markdown", "ASCII ','"),        # maths in prose: $…$
    ("idx = f(4, 3)  # (输出, 卷积核位置)：遇到的输入 id", "code", "ASCII ','"),
    ("idx = f(4, 3)  # (输出, 卷积核位置)：遇到的输入 id", "code", "ASCII brackets"),
    ('print("9 x 25 个 (输出, 输入) 对全部相同")', "code", "ASCII brackets"),
    ('print("im2col 是 M (81×25)，col2im 是 Mᵀ")', "code", "ASCII brackets"),
    ("ho = f(h)  # \"same\" 填充", "code", "ASCII '\"'"),
    ('def f(a):\n    """在 \'same\' 填充下算乘法次数。"""', "code", "ASCII \"'\""),
    ("x = (1，2)  # 两个数", "code", "full-width '，' in code"),
    ("cols = f(x)  # (N, C, 卷积核位置, Ho*Wo), 每个输出一列", "code", "ASCII ','"),
])
def test_punctuation_check_finds_a_slip(body, kind, want):
    text = {"markdown": _md, "message": _msg, "code": _code}[kind](body)
    found = lint.punctuation_problems(text)
    assert any(want in p for p in found), found


@pytest.mark.parametrize("body, kind", [
    ("输入 X 为 5×5（id 0–24），形状为 (1, 1, 5, 5)，调用 `f(x, y)`。", "markdown"),
    ("$\\text{本例中：} 5 - 3 + 1 = 3$，以及 $(x, y)$。", "markdown"),
    ("跟随原文《卷积层(2)》。", "markdown"),                  # a title is taken as it is
    ("第 1 张图——前向图；✔ 正确 — 做得好。", "markdown"),
    ("把 ... / None 换成你的答案，用 .T 或 np.sum，例如 \"a\"。", "message"),
    ("{name}是文本 {text!r}，不是数：去掉引号。", "message"),
    ("Zeiler 和 Fergus 的 *Deconvolutional Networks*（CVPR 2010）", "markdown"),
    ("PyTorch's unfold 和 col2im 的布局相同。", "markdown"),           # an apostrophe
    # in code, a tuple of code names and Chinese words is notation (a shape's axes)
    ("cols = f(x).reshape(2, 3, 9, -1)  # (N, C, 卷积核位置, Ho*Wo)", "code"),
    ("geometries = [  # (H, W, K, 步幅, 填充, 膨胀)\n    (5, 5, 3, 1, 0, 1),\n]", "code"),
    ("idx = f(4, 3)  # （输出，卷积核位置）：每个卷积核位置遇到的输入 id", "code"),
    ('print("A：", a.shape, "（输出，输入）", f"{n} 组几何参数：(H, W)")', "code"),
    ("ho = f(h)  # “same”填充", "code"),
])
def test_punctuation_check_passes_good_chinese(body, kind):
    text = {"markdown": _md, "message": _msg, "code": _code}[kind](body)
    assert lint.punctuation_problems(text) == []


def test_latex_text_check():
    assert lint.latex_text_problems(_md("$$O = I - K + 1 \\qquad\\text{here } 5 - 3 + 1$$"), KEPT)
    assert lint.latex_text_problems(_md("$X[\\text{map}[i, j]]$"), KEPT)
    assert lint.latex_text_problems(_md("$X[\\text{wmap}[i, j]]$", {"wmap"}), KEPT) == []
    assert lint.latex_text_problems(_md("$\\sum_{\\text{读取 } p \\text{ 的输出 } o}$"), KEPT) == []
    assert lint.latex_text_problems(_md("$Y = W \\cdot \\text{im2col}(x)$"), KEPT) == []


def test_quote_check():
    article = _article()
    good = _md("原文：“很显然，当stride=1，padding=0时，两个公式是等价的。”")
    assert lint.quote_problems(good, article, GLOSSARY) == []
    corrected = _md("原文说：“我们需要将观看的视角做一下转换。”")        # the typo silently fixed
    assert any("not in the article" in p for p in lint.quote_problems(corrected, article, GLOSSARY))
    no_note = _md("原文说：“我们需要讲观看的视角做一下转换。”")
    assert any("原文如此" in p for p in lint.quote_problems(no_note, article, GLOSSARY))
    with_note = _md("原文说：“我们需要讲观看的视角做一下转换。”（“讲”应为“将”，原文如此。）")
    assert lint.quote_problems(with_note, article, GLOSSARY) == []
    elided = _md("原文最后说：“至于向下一层传递的导数，做法也类似……这里就不再赘述了。”")
    assert lint.quote_problems(elided, article, GLOSSARY) == []
    invented = _md("原文说：“卷积层的反向传播非常简单。”")
    assert lint.quote_problems(invented, article, GLOSSARY)
    unattributed = _md("我们说：“卷积层的反向传播非常简单。”")             # not the article's
    assert lint.quote_problems(unattributed, article, GLOSSARY) == []
    english = lint.Text("en", 'The article: "把输入数据和输出数据的误差做卷积".', "markdown")
    assert lint.english_quote_problems(english, article)
