"""One language switch for everything a student sees, and messages kept under stable ids.

    import convkit_course as course
    course.set_language("zh")     # checkers, figures, the explorer, printed tables: Chinese

Every text a student sees comes from a :class:`Catalog`: a TOML file beside the code that uses
it, one table per message, keyed by a stable id::

    [rounded_up]
    en = "you rounded up: take the floor of (I + 2P - D(K-1) - 1) / S, then add 1."
    zh = "你向上取整了：……"
    en_hash = "3f2a9b1c0d4e"

``en_hash`` is the first 12 hex digits of the SHA-256 of the ``en`` text that the ``zh`` text
translates (the scheme of the notebook translations, ``scripts/zh.py``).  Editing an English
message without re-reviewing its translation leaves a stale hash, and
``tests/test_catalogs.py`` fails until a translator updates ``zh`` and the hash
(``scripts/zh.py messages`` lists them; ``scripts/zh.py stamp-message FILE ID`` writes the new
hash).  Texts are ``str.format`` templates with named ``{fields}``; a field may itself be a
:class:`Message`, rendered in the same language.  A message is rendered when it is shown, so
switching the language re-renders what is already on screen the next time it is displayed.

Texts may carry two bits of Markdown: ``**bold**`` and ```code```.  ``render()`` gives the
plain text (the markup dropped: terminals, nbval's ``text/plain``, figures);
``render(markdown=True)`` keeps it and escapes the field values, so that a value such as
``x_ex[1:4]`` shows as written (values inside a ```code``` span are left alone).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import pathlib
import re
import string
import tomllib

__all__ = ["LANGUAGES", "set_language", "get_language", "language", "english_hash", "Catalog",
           "Message", "spaced", "fill", "plain", "Markup"]

LANGUAGES = ("en", "zh")
_state = {"language": "en"}


def set_language(language):
    """Show everything in ``"en"`` (English, the default) or ``"zh"`` (简体中文)."""
    if language not in LANGUAGES:
        raise ValueError(f"set_language: language must be one of {LANGUAGES}, got {language!r}")
    _state["language"] = language
    from . import fonts  # pyplot's own figures (titles, labels) get the CJK fonts in Chinese
    fonts.use_in_matplotlib(language == "zh")


def get_language():
    """The language the course speaks now: ``"en"`` or ``"zh"``."""
    return _state["language"]


@contextlib.contextmanager
def language(name):
    """Speak ``name`` inside this block, then the language of before (``figures`` draws both)."""
    before = get_language()
    set_language(name)
    try:
        yield
    finally:
        set_language(before)


def english_hash(text):
    """First 12 hex digits of SHA-256 of ``text`` (UTF-8): what ``en_hash`` records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


_LATIN_CJK = re.compile(r"(?<=[A-Za-z\)\]])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z\(\[])")


def spaced(text, language=None):
    """Chinese text gets a space between Latin letters and Chinese characters, as zh.d2l.ai
    writes it ("你的 dW 还是空的"); digits are left alone (the article's "旋转180度")."""
    language = language or get_language()
    return _LATIN_CJK.sub(" ", text) if language == "zh" else text


class Markup(str):
    """Text already rendered as Markdown (a rendered message): :func:`fill` does not escape it."""


_MARKUP = re.compile(r"\*\*|`")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def plain(text):
    """``text`` without its Markdown markup: ``**bold**`` -> ``bold``, ```code``` -> ``code``."""
    return _MARKUP.sub("", text)


def fill(template, values, markdown=False):
    """``template.format(**values)``, as Markdown or plain text (see the module docstring).

    A value that has a ``render`` method (a :class:`Message`, or any message-like object) must
    be rendered by the caller first; a :class:`Markup` value is inserted as it is.
    """
    if not markdown:
        return plain(template).format(**values)
    formatter = string.Formatter()
    out, in_code = [], False
    for literal, name, spec, conversion in formatter.parse(template):
        out.append(literal)
        in_code ^= literal.count("`") % 2 == 1
        if name is None:
            continue
        value, _ = formatter.get_field(name, (), values)
        value = formatter.convert_field(value, conversion)
        text = formatter.format_field(value, spec or "")
        out.append(text if in_code or isinstance(value, Markup)
                   else _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    return "".join(out)


def render_value(value, language, markdown=False):
    """A field value for :func:`fill`: messages (anything with ``render``) rendered now."""
    if hasattr(value, "render") and callable(value.render):
        text = value.render(language, markdown=markdown)
        return Markup(text) if markdown else text
    return value


def template_fields(template):
    """The set of field names in a ``str.format`` template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


class Catalog:
    """The messages of one part of the course: ``{id: {"en", "zh", "en_hash"}}`` from TOML.

    ``catalog("rounded_up", value=3)`` -> a :class:`Message`, rendered late;
    ``catalog.text("title")`` -> the text now, in the current language.
    """

    def __init__(self, path, label=None):
        self.path = pathlib.Path(path)
        self.label = label or self.path.stem  # names the catalog in message ids: "core:ragged"

    @classmethod
    def beside(cls, module_file, name=None, label=None):
        """The catalog next to a module: ``name`` or the module's own stem + ``.toml``."""
        module_file = pathlib.Path(module_file)
        return cls(module_file.with_name(name or module_file.stem + ".toml"), label)

    @functools.cached_property
    def entries(self):
        """{id: {"en": ..., "zh": ..., "en_hash": ...}}; nested tables give dotted ids."""
        with open(self.path, "rb") as file:
            return dict(_flatten(tomllib.load(file)))

    def __contains__(self, message_id):
        return message_id in self.entries

    def __call__(self, message_id, **fields):
        if message_id not in self.entries:
            raise KeyError(f"{self.path.name} has no message {message_id!r}")
        return Message(self, message_id, fields)

    def text(self, message_id, language=None, **fields):
        """The message rendered now (``language`` or the current one), as plain text."""
        return self(message_id, **fields).render(language)

    def template(self, message_id, language):
        """The raw template of one message in one language (English if no translation)."""
        entry = self.entries[message_id]
        return entry.get(language) or entry["en"]

    def problems(self):
        """What a translator must look at: missing or stale translations, field mismatches."""
        found = []
        for message_id, entry in self.entries.items():
            where = f"{self.path.name} [{message_id}]"
            if "en" not in entry:
                found.append(f"{where}: no English text")
                continue
            if not entry.get("zh"):
                found.append(f"{where}: no Chinese text")
                continue
            if entry.get("en_hash") != english_hash(entry["en"]):
                found.append(f"{where}: stale: the English changed since the Chinese was "
                             f"reviewed (en_hash {entry.get('en_hash')!r}, English now "
                             f"{english_hash(entry['en'])!r})")
            if template_fields(entry["en"]) != template_fields(entry["zh"]):
                found.append(f"{where}: fields differ: en {sorted(template_fields(entry['en']))}"
                             f", zh {sorted(template_fields(entry['zh']))}")
        return found


def _flatten(table, prefix=""):
    for key, value in table.items():
        if not isinstance(value, dict):
            continue
        name = f"{prefix}{key}"
        if "en" in value:
            yield name, value
        else:
            yield from _flatten(value, name + ".")


class Message:
    """One message of a catalog with its fields, rendered in the language of the moment."""

    __slots__ = ("catalog", "id", "fields")

    def __init__(self, catalog, message_id, fields):
        self.catalog, self.id, self.fields = catalog, message_id, fields

    @property
    def qualified_id(self):
        """``"label:id"``, e.g. ``"core:ragged"`` or ``"ex01.output_shape:slip.rounded_up"``."""
        return f"{self.catalog.label}:{self.id}"

    def render(self, language=None, markdown=False):
        """The text in ``language`` (default: the current one); Markdown or plain text."""
        language = language or get_language()
        values = {k: render_value(v, language, markdown) for k, v in self.fields.items()}
        try:
            return fill(self.catalog.template(self.id, language), values, markdown)
        except (KeyError, IndexError, ValueError, AttributeError):
            # a slip in a translation: show the English rather than nothing
            return fill(self.catalog.template(self.id, "en"), values, markdown)

    def parts(self):
        """This message and every message among its fields, depth first."""
        yield self
        for value in self.fields.values():
            if hasattr(value, "parts"):
                yield from value.parts()

    def __str__(self):
        return self.render()

    def __repr__(self):
        return f"Message({self.catalog.path.name}:{self.id})"
