"""The course's message catalogs (convkit_course/**/*.toml, see convkit_course/i18n.py): every
English text has its reviewed Chinese, the same fields, and every id the code asks for exists."""
from __future__ import annotations

import ast
import pathlib
import re

import pytest

from convkit_course.i18n import Catalog, template_fields

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "convkit_course"
CATALOGS = sorted(PACKAGE.rglob("*.toml"))
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("path", CATALOGS, ids=[p.name for p in CATALOGS])
def test_catalog_is_translated_and_reviewed(path):
    problems = Catalog(path).problems()
    assert not problems, ("run `scripts/zh.py messages`; after reviewing a translation, "
                          "`scripts/zh.py stamp-message FILE ID`:\n" + "\n".join(problems))


@pytest.mark.parametrize("path", CATALOGS, ids=[p.name for p in CATALOGS])
def test_every_message_renders_in_both_languages(path):
    catalog = Catalog(path)
    for message_id, entry in catalog.entries.items():
        fields = {name: 7 for name in template_fields(entry["en"])}
        english, chinese = (catalog.text(message_id, language, **fields) for language in ("en", "zh"))
        assert not CJK.search(english), (message_id, english)
        words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", entry["en"]))
        if words and not set(words) <= {"im2col", "col2im", "Loss"}:
            assert CJK.search(chinese) or english == chinese, (message_id, chinese)


def _ids_asked_for(module, function_names):
    """Literal message ids passed to ``tr(...)`` / ``MESSAGES.text(...)`` in a module."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in function_names and isinstance(node.args[0].value, str):
                yield node.args[0].value


@pytest.mark.parametrize("modules, catalog", [
    (sorted((PACKAGE / "diagrams").glob("*.py")), PACKAGE / "diagrams" / "diagrams.toml"),
    ([PACKAGE / "explorer.py"], PACKAGE / "explorer.toml"),
], ids=["diagrams", "explorer"])
def test_every_id_the_code_asks_for_exists(modules, catalog):
    entries = Catalog(catalog).entries
    asked = {i for module in modules for i in _ids_asked_for(module, {"tr", "text"})}
    assert asked, "no message ids found: the scan is broken"
    assert asked <= set(entries), f"asked for but not in {catalog.name}: {sorted(asked - set(entries))}"
