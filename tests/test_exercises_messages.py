"""The old message mechanism, for the checker modules not yet moved into exercise units (the
units' id-keyed catalogs are tested by ``tests/test_i18n.py`` and ``test_exercise_units.py``).

Every checker message is an i18n template: a literal English string passed to ``msg`` with
named fields, with a Chinese entry in ``messages_zh.ZH`` that uses the same fields; every
template renders in both languages.  The templates are collected by AST from every module of
``convkit_course.exercises`` (so a checker module added later is covered without editing this test)."""
from __future__ import annotations

import ast
import pathlib
import re

import pytest

import convkit_course.exercises as exercises
from convkit_course.exercises import _core
from convkit_course.exercises._core import msg, template_fields, zh_catalog

ZH = zh_catalog()  # messages_zh.ZH merged with any messages_zh_*.py catalog in the package

PACKAGE = pathlib.Path(exercises.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if not p.name.startswith("messages_zh"))


def _msg_calls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "msg":
                yield node


def collect_templates():
    found = {}
    for path in MODULES:
        for node in _msg_calls(path):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, f"{path.name}:{node.lineno}")
    return found


TEMPLATES = collect_templates()


def test_templates_were_found_in_every_checker_module():
    assert len(TEMPLATES) > 100
    with_msgs = {loc.split(":")[0] for loc in TEMPLATES.values()}
    checkers = {p.name for p in MODULES if re.fullmatch(r"ex\d\d\.py", p.name)}
    assert checkers <= with_msgs, f"checker modules without msg(...): {checkers - with_msgs}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_msg_is_always_called_with_one_literal_template(path):
    for node in _msg_calls(path):
        where = f"{path.name}:{node.lineno}"
        assert len(node.args) == 1, f"{where}: msg takes the template, then keyword fields only"
        first = node.args[0]
        assert isinstance(first, ast.Constant) and isinstance(first.value, str), \
            f"{where}: msg's template must be a string literal (no f-string, no variable)"
        fields = template_fields(first.value)
        assert all(f.isidentifier() for f in fields), f"{where}: fields must be plain names"
        given = {k.arg for k in node.keywords}
        assert None not in given, f"{where}: no **kwargs: name every field"
        assert given == fields, f"{where}: fields {sorted(fields)} but keywords {sorted(given)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_f_string_reaches_a_verdict(path):
    """not_yet/correct/fallback/bad_input/Verdict only accept a Message (checked at run time
    too); here: none of them is called with a string literal or an f-string."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                "not_yet", "correct", "fallback", "bad_input"):
            for arg in node.args:
                assert not isinstance(arg, (ast.JoinedStr, ast.Constant)), \
                    f"{path.name}:{node.lineno}: wrap the text in msg(...)"


def test_every_template_has_a_chinese_entry():
    missing = sorted(t for t in TEMPLATES if t not in ZH)
    assert not missing, f"{len(missing)} templates lack a Chinese entry, e.g. {missing[:5]}"


def test_no_stale_chinese_entries():
    stale = sorted(t for t in ZH if t not in TEMPLATES)
    assert not stale, f"ZH has entries no checker uses: {stale[:5]}"


@pytest.mark.parametrize("template", sorted(TEMPLATES), ids=lambda t: t[:40])
def test_chinese_entry_has_the_same_fields_and_renders(template):
    zh = ZH.get(template)
    assert zh is not None, f"no Chinese entry for {template!r} ({TEMPLATES[template]})"
    assert template_fields(zh) == template_fields(template)
    fields = {name: 3 for name in template_fields(template)}
    english = msg(template, **fields).render("en")
    chinese = msg(template, **fields).render("zh")
    assert english == template.format(**fields)
    assert chinese == zh.format(**fields)
    prose = re.sub(r"\{[^}]*\}", "", template)  # fields are filled in, not translated
    prose = re.sub(r"`[^`]*`|[\w.]*[_.(\[][\w.()\[\], :-]*", "", prose)  # code stays code
    words = set(re.findall(r"[A-Za-z]{4,}", prose)) - {"cols"}
    assert re.search(r"[\u4e00-\u9fff]", zh) or not words, \
        f"the Chinese entry looks untranslated: {zh!r}"
    assert "✅" not in english + chinese and "❌" not in english + chinese


def test_set_language_switches_verdicts_and_rejects_unknown_languages():
    # an old msg() template inside a message of the id-keyed core catalog: both translate
    verdict = _core.not_yet(_core.CORE("compare.shape", name=msg("your dX"), got=(3, 3),
                                       want=(5, 5)))
    try:
        exercises.set_language("zh")
        assert exercises.get_language() == "zh"
        assert repr(verdict).startswith("✘ 还不对 — ")
        assert "你的 dX 的形状是 (3, 3)" in repr(verdict) and "(5, 5)" in repr(verdict)
        assert repr(_core.correct(msg("well done."))).startswith("✔ 正确 — ")
    finally:
        exercises.set_language("en")
    assert repr(verdict) == "✘ Not yet — your dX has shape (3, 3); expected (5, 5)."
    with pytest.raises(ValueError, match="language"):
        exercises.set_language("fr")


def test_a_verdict_refuses_plain_text():
    with pytest.raises(TypeError, match="msg"):
        _core.not_yet("plain text cannot be translated")
