"""Every message catalog of the course package stays translated, and messages render right.

The staleness test covers every ``convkit_course/**/*.toml`` (a catalog added later is covered
without editing this file): it fails when an English message changed and its Chinese was not
re-reviewed (``en_hash``), a translation is missing, or the two use different fields.
``scripts/zh.py messages`` lists the same problems; ``scripts/zh.py stamp-message FILE ID``
records a reviewed translation.
"""
from __future__ import annotations

import pathlib
import textwrap

import pytest
from scripts_module import load_script

import convkit_course
from convkit_course.i18n import Catalog, Markup, english_hash, fill, plain, set_language

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOGS = sorted((ROOT / "convkit_course").rglob("*.toml"))

zh = load_script("zh")


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_catalog_is_translated_and_up_to_date(path):
    catalog = Catalog(path)
    assert catalog.entries, f"{path}: no messages"
    problems = catalog.problems()
    assert not problems, ("run `scripts/zh.py messages`, review the Chinese, then "
                          "`scripts/zh.py stamp-message FILE ID`:\n" + "\n".join(problems))


def test_the_catalogs_are_found():
    names = {p.relative_to(ROOT / "convkit_course").as_posix() for p in CATALOGS}
    assert "exercises/_core.toml" in names
    assert "exercises/ex01/output_shape/messages.toml" in names


# --------------------------------------------------------------------------- staleness, stamping
def write(tmp_path, text):
    path = tmp_path / "messages.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_problems_name_stale_missing_and_mismatched_messages(tmp_path):
    path = write(tmp_path, f"""
        [fresh]
        en = "fine"
        zh = "好"
        en_hash = "{english_hash('fine')}"

        [edited]
        en = "the English now"
        zh = "旧的中文"
        en_hash = "{english_hash('the English before')}"

        [untranslated]
        en = "new"

        [fields.differ]
        en = "{{a}} and {{b}}"
        zh = "{{a}}和{{c}}"
        en_hash = "{english_hash('{a} and {b}')}"
        """)
    problems = "\n".join(Catalog(path).problems())
    assert "[edited]: stale" in problems
    assert "[untranslated]: no Chinese text" in problems
    assert "[fields.differ]: fields differ" in problems
    assert "[fresh]" not in problems


def test_stamp_message_records_a_reviewed_translation_and_keeps_the_file(tmp_path):
    path = write(tmp_path, """
        # a comment that must survive
        [greeting]
        en = "hello {name}"
        zh = "你好，{name}"

        [slip.rounded_up]
        en = "you rounded up"
        zh = "你向上取整了"
        en_hash = "000000000000"
        """)
    assert len(Catalog(path).problems()) == 2
    zh.stamp_message(path, [], new=True)  # the message written with its translation
    assert [p for p in Catalog(path).problems() if "greeting" in p] == []
    zh.stamp_message(path, ["slip.rounded_up"])  # the one a translator reviewed
    assert Catalog(path).problems() == []
    assert "# a comment that must survive" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("you rounded up", "you rounded"),
                    encoding="utf-8")
    assert any("stale" in p for p in Catalog(path).problems())


def test_stamp_message_refuses_unknown_ids_and_missing_chinese(tmp_path):
    path = write(tmp_path, """
        [only_english]
        en = "hello"
        """)
    with pytest.raises(SystemExit, match="no Chinese"):
        zh.stamp_message(path, ["only_english"])
    with pytest.raises(SystemExit, match="no message"):
        zh.stamp_message(path, ["nope"])


def test_the_messages_command_fails_on_a_stale_catalog(tmp_path, capsys):
    package = tmp_path / "convkit_course"
    package.mkdir()
    (package / "figures.toml").write_text('[title]\nen = "a title"\nzh = "标题"\n'
                                          'en_hash = "000000000000"\n', encoding="utf-8")
    old_root = zh.ROOT
    zh.set_root(tmp_path)
    try:
        assert zh.messages() == 1
        assert "figures.toml: stale" in capsys.readouterr().out
        zh.stamp_message(package / "figures.toml", ["title"])
        assert zh.messages() == 0
    finally:
        zh.set_root(old_root)


# --------------------------------------------------------------------------- rendering
def test_markdown_keeps_the_markup_and_escapes_values_but_not_inside_code():
    template = "**{name}** is `{code}`, not {value}"
    values = dict(name="x_ex", code="x_ex[1:4]", value="a*b [c]")
    assert fill(template, values, markdown=True) == r"**x\_ex** is `x_ex[1:4]`, not a\*b \[c\]"
    assert fill(template, values) == "x_ex is x_ex[1:4], not a*b [c]"
    assert fill("{v!r} and {m}", dict(v="a_b", m=Markup("**kept**")), markdown=True) == \
        r"'a\_b' and **kept**"
    assert plain("**bold** and `code`") == "bold and code"


def test_a_message_renders_late_nested_and_in_both_languages(tmp_path):
    path = write(tmp_path, """
        [outer]
        en = "**{inner}** then `{code}`"
        zh = "**{inner}**，然后 `{code}`"

        [inner]
        en = "inside_it"
        zh = "里面"
        """)
    catalog = Catalog(path, label="demo")
    message = catalog("outer", inner=catalog("inner"), code="f(x)")
    assert message.qualified_id == "demo:outer"
    assert [m.id for m in message.parts()] == ["outer", "inner"]
    assert message.render("en") == "inside_it then f(x)"
    assert message.render("en", markdown=True) == r"**inside_it** then `f(x)`"
    assert message.render("zh", markdown=True) == "**里面**，然后 `f(x)`"
    try:
        convkit_course.set_language("zh")
        assert str(message) == "里面，然后 f(x)"
    finally:
        set_language("en")


def test_a_broken_translation_falls_back_to_english(tmp_path):
    path = write(tmp_path, """
        [m]
        en = "{a} apples"
        zh = "{b} 个苹果"
        """)
    assert Catalog(path)("m", a=3).render("zh") == "3 apples"
