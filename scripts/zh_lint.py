"""Check the Chinese a student reads: one glossary, verbatim quotes, punctuation, no English in \\text{}.

    .venv/bin/python scripts/zh_lint.py      # every problem, one a line; exit 1 if there is any

What it reads (:func:`chinese_texts`): every block of ``notebooks/zh/translations/*.md``,
``README.zh.md`` and the ``zh`` value of every table of every i18n catalog
``convkit_course/**/*.toml`` (the checkers' included).  New catalogs are found by the glob, so
they are checked from the day they are merged.

What it checks, against ``notebooks/zh/glossary.toml``:

* **terms** — no ``forbidden`` variant of a glossary term (滤波器 for 卷积核, 步长 for 步幅 …), in
  the prose, in LaTeX ``\\text{}`` and in code comments; code spans, code, URLs and verbatim quotes
  of the article are not searched;
* **quotes** — a “…” quote attributed to the article (原文 earlier in the same sentence) is the
  article's text: the same characters, in order (an elision ``……`` may skip text; whitespace and
  the width of punctuation are not compared — the article's copy on disk has ASCII commas).  A
  known typo of the article (``[[source.sic]]``) stays, followed by its note (原文如此).  The
  English notebooks' quotes in Chinese (``"…"`` with Chinese characters) are checked too;
* **punctuation** — full-width in Chinese prose: no ASCII ``, ; : ? ! . " '`` next to a Chinese
  character, no ASCII brackets around or against Chinese, no （ closed by ) or the reverse, a
  dash is ``——``, quotes are balanced and a quote inside a quote is ‘…’ (in a code block's
  comments and strings, a tuple of code names and Chinese words, ``(N, C, 卷积核位置)``, is
  notation and stays half-width; ``(输出, 输入)`` is Chinese: （输出，输入）); half-width in code and
  maths: no full-width punctuation inside code spans, code blocks (comments aside) or ``$…$``
  (``\\text{}`` aside).  Book titles 《…》 are taken as they are;
* **LaTeX** — ``\\text{}`` in the Chinese edition holds Chinese, code identifiers of its notebook
  or ``[kept]`` names — no English words.
"""

import argparse
import dataclasses
import importlib.util
import io
import keyword
import os
import pathlib
import re
import sys
import tokenize
import tomllib
import unicodedata

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
GLOSSARY = pathlib.Path("notebooks/zh/glossary.toml")

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
FULL_WIDTH_PUNCT = re.compile(r"[，。：；？！（）【】《》、“”‘’\uff01-\uff5e]")
HIDDEN = "\ue000"  # stands in for code, maths, URLs and fields, so offsets (and lines) are kept


def _load_sibling(name):
    path = pathlib.Path(__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"{name}_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


zh = _load_sibling("zh")


# ---------------------------------------------------------------------------------------------
# what a Chinese student reads

@dataclasses.dataclass
class Text:
    """One piece of Chinese: ``where`` names it (file:line), ``kind`` is markdown or message."""
    where: str
    body: str
    kind: str = "markdown"
    identifiers: frozenset = frozenset()  # code names of its notebook, allowed in \text{}

    def line_of(self, offset):
        """``where`` with the line of ``offset`` added (markdown of a file with a line number)."""
        head, _, line = self.where.rpartition(":")
        if head and line.isdigit():
            return f"{head}:{int(line) + self.body.count(chr(10), 0, offset)}"
        return self.where


def load_glossary(root=ROOT):
    with open(root / GLOSSARY, "rb") as file:
        return tomllib.load(file)


def _code_identifiers(nb):
    """The names in a notebook's code (not in its comments or strings)."""
    names = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            for token in tokenize.generate_tokens(io.StringIO(cell.source + "\n").readline):
                if token.type == tokenize.NAME and not keyword.iskeyword(token.string):
                    names.add(token.string)
        except (tokenize.TokenError, SyntaxError):  # an unfinished scaffold: its names so far
            continue
    return frozenset(names)


def translation_texts(root=ROOT):
    """One :class:`Text` per block of every notebooks/zh/translations/NN_slug.md: markdown
    blocks (kind "markdown") and code blocks (kind "code": Python whose strings and comments
    a Chinese student reads)."""
    out = []
    for path in sorted((root / "notebooks" / "zh" / "translations").glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        en = root / "notebooks" / (path.stem + ".ipynb")
        names = _code_identifiers(nbformat.read(en, as_version=4)) if en.exists() else frozenset()
        marks = list(zh.MARKER.finditer(raw))
        for k, m in enumerate(marks):
            start = m.end() + 1
            end = marks[k + 1].start() if k + 1 < len(marks) else len(raw)
            body = raw[start:end]
            line = raw.count("\n", 0, start) + 1
            where = f"{path.relative_to(root)}:{line}"
            if m["kind"] == "code":
                fenced = zh.FENCE.match(body.strip("\n").rstrip())
                code = fenced["code"] if fenced else body
                out.append(Text(f"{path.relative_to(root)}:{line + 1}", code, "code", names))
                continue
            names_here = names | frozenset(re.findall(r"`([A-Za-z_]\w*)", body))
            out.append(Text(where, body, "markdown", names_here))
    return out


def readme_texts(root=ROOT):
    path = root / "README.zh.md"
    return [Text("README.zh.md:1", path.read_text(encoding="utf-8"))] if path.exists() else []


def catalog_texts(root=ROOT):
    """The ``zh`` value of every message of every TOML catalog under convkit_course/."""
    out = []
    for path in sorted((root / "convkit_course").rglob("*.toml")):
        with open(path, "rb") as file:
            table = tomllib.load(file)
        for message_id, entry in _messages(table):
            if isinstance(entry.get("zh"), str):
                out.append(Text(f"{path.relative_to(root)} [{message_id}]", entry["zh"], "message"))
    return out


def _messages(table, prefix=""):
    for key, value in table.items():
        if isinstance(value, dict):
            if "en" in value or "zh" in value:
                yield prefix + key, value
            else:
                yield from _messages(value, f"{prefix}{key}.")


def chinese_texts(root=ROOT):
    """Everything a Chinese student reads that this repository writes in Chinese."""
    return translation_texts(root) + readme_texts(root) + catalog_texts(root)


def english_texts(root=ROOT):
    """The English notebooks' markdown cells (their quotes of the article are checked too)."""
    out = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                out.append(Text(f"{path.relative_to(root)} cell {cell.get('id')}", cell.source))
    return out


# ---------------------------------------------------------------------------------------------
# regions: prose, code, maths

FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?![\s$])[^$\n]+?(?<![\s\\])\$", re.S)
LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*\)")
HTML_TAG = re.compile(r"<[A-Za-z/!][^>\n]*>")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
FIELD = re.compile(r"\{[^{}\n]*\}")
BOOK_TITLE = re.compile(r"《[^》\n]*》")
TEXT_MACRO = re.compile(r"\\(?:text|textrm|textit|textbf|textsf|texttt|mbox)\s*\{")


@dataclasses.dataclass
class Regions:
    prose: str          # the text with code, maths, URLs (and fields) replaced by HIDDEN
    code: list          # (offset, text) of code spans and code blocks
    math: list          # (offset, text) of maths
    comments: list      # (offset, text) of comments in code blocks: prose too


def _hide(text, start, end):
    return text[:start] + re.sub(r"[^\n]", HIDDEN, text[start:end]) + text[end:]


def regions(text: Text) -> Regions:
    prose, code, math, comments = text.body, [], [], []

    def cut(pattern, into, group=0):
        nonlocal prose
        for m in list(pattern.finditer(prose)):
            into.append((m.start(group), m.group(group)))
            prose = _hide(prose, m.start(), m.end())

    if text.kind == "markdown":
        for m in list(FENCE.finditer(prose)):
            lines = m.group(0).split("\n")[1:-1]
            offset = m.start() + len(m.group(0).split("\n")[0]) + 1
            for line in lines:
                hash_at = re.search(r"(?:^|\s)#\s", line)
                body, comment = (line, "") if not hash_at else (line[:hash_at.start()],
                                                                line[hash_at.start():])
                code.append((offset, body))
                if comment:
                    comments.append((offset + len(body), comment))
                offset += len(line) + 1
            prose = _hide(prose, m.start(), m.end())
        cut(CODE_SPAN, code, 2)
        cut(MATH, math)
        cut(LINK_TARGET, [])
        cut(HTML_TAG, [])
    elif text.kind == "code":
        return _python_regions(text.body)
    else:
        cut(FIELD, [])
    cut(URL, [])
    return Regions(prose, code, math, comments)


def _python_regions(source):
    """A code block: its string literals (fields hidden) and comments are prose a student reads
    (printed or seen); everything else is code.  -> Regions with ``prose`` = the strings and
    comments at their offsets, the rest hidden."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    visible = [False] * len(source)
    code, comments = [], []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        tokens = []
    for token in tokens:
        if token.type not in (tokenize.STRING, tokenize.COMMENT):
            continue
        (row, col), (end_row, end_col) = token.start, token.end
        first, last = starts[row - 1] + col, starts[end_row - 1] + end_col
        if token.type == tokenize.COMMENT:
            comments.append((first, source[first:last]))
            continue
        quote = re.match(r"[A-Za-z]*('\'\'|\"\"\"|'|\")", token.string)
        inner_first = first + quote.end()
        inner_last = last - len(quote.group(1))
        for i in range(inner_first, inner_last):
            visible[i] = True
    prose = "".join(ch if visible[i] or ch == "\n" else HIDDEN for i, ch in enumerate(source))
    prose = FIELD.sub(lambda m: HIDDEN * len(m.group(0)), prose)  # f-string fields are code
    hidden = "".join(HIDDEN if visible[i] and ch != "\n" else ch for i, ch in enumerate(source))
    for k, line in enumerate(hidden.splitlines(keepends=True)):
        code.append((starts[k], line.split("#", 1)[0]))
    return Regions(prose, code, [], comments)


def text_macros(math):
    """(offset, content) of each \\text{…} in a maths string (nested braces allowed)."""
    out = []
    for m in TEXT_MACRO.finditer(math):
        depth, i = 1, m.end()
        while i < len(math) and depth:
            depth += {"{": 1, "}": -1}.get(math[i], 0)
            i += 1
        out.append((m.end(), math[m.end():i - 1]))
    return out


# ---------------------------------------------------------------------------------------------
# quotes of the article

def normalise(text):
    """What a verbatim comparison compares: NFKC (full-width punctuation folds to ASCII), ‘’ as
    “”, no whitespace, no Markdown emphasis or escapes."""
    text = unicodedata.normalize("NFKC", text).replace("‘", "“").replace("’", "”")
    return re.sub(r"[\s*\\]", "", text)


def find_article(root=ROOT, glossary=None):
    """The article's text file: $CONVKIT_ARTICLE, or ``[source] file`` in a parent folder."""
    if os.environ.get("CONVKIT_ARTICLE"):
        return pathlib.Path(os.environ["CONVKIT_ARTICLE"])
    relative = (glossary or load_glossary(root))["source"]["file"]
    for folder in [root, *root.resolve().parents]:
        if (folder / relative).exists():
            return folder / relative
    return None


def quotes(prose):
    """(start, end) of the top-level “…” spans of a prose string (end after the ”), and the
    problems of unbalanced or same-mark nested quotes."""
    spans, problems, stack = [], [], []
    for i, ch in enumerate(prose):
        if ch == "“":
            if stack:
                problems.append((i, "a quote inside a quote: write the inner one ‘…’"))
            stack.append(i)
        elif ch == "”":
            if not stack:
                problems.append((i, "” without its “"))
                continue
            start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
    problems += [(i, "“ without its ”") for i in stack]
    return spans, problems


SENTENCE_END = re.compile(r"[。！？]|\n[ \t]*\n|\n[ \t]*(?:[*+-]|\d+\.|#+)\s")


def attributed(prose, start, name="原文"):
    """Is the quote at ``start`` the article's (``name`` earlier in the same sentence)?"""
    before = prose[:start]
    ends = [m.end() for m in SENTENCE_END.finditer(before)]
    return name in before[ends[-1] if ends else 0:]


def verbatim(quote, article_normalised):
    """Are the parts of ``quote`` (split at an elision ……) in the article, in order?  A final
    full stop or comma belongs to the quoting sentence and may differ from the article's."""
    at = 0
    for part in re.split(r"\.{3,}", re.sub(r"[.,;:!?。]+$", "", normalise(quote))):
        if not part:
            continue
        found = article_normalised.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def article_quotes(text: Text, prose: str, name="原文"):
    """(start, end, quote) of the quotes in ``prose`` attributed to the article."""
    spans, _ = quotes(prose)
    return [(s, e, text.body[s + 1:e - 1]) for s, e in spans
            if HAN.search(prose[s:e]) and attributed(prose, s, name)]


def quote_problems(text: Text, article_normalised, glossary):
    source = glossary["source"]
    prose = regions(text).prose
    out = []
    for start, end, quote in article_quotes(text, prose, source["name"]):
        if not verbatim(quote, article_normalised):
            out.append(f"{text.line_of(start)}: quote not in the article as written: “{quote}”")
        for sic in source.get("sic", []):
            if normalise(sic["text"]) in normalise(quote) and sic["note"] not in prose[end:end + 40]:
                out.append(f"{text.line_of(start)}: the article's typo in “{sic['text']}” is kept "
                           f"— follow the quote with （{sic['note']}…）")
    return out


ENGLISH_QUOTE = re.compile(r'"([^"\s]*[\u4e00-\u9fff][^"\s]*)"|“([^”\s]*[\u4e00-\u9fff][^”\s]*)”')


def english_quote_problems(text: Text, article_normalised):
    """An English cell's "…" in Chinese (no spaces, Chinese characters) is the article's text."""
    out = []
    for m in ENGLISH_QUOTE.finditer(regions(text).prose):
        quote = text.body[m.start() + 1:m.end() - 1]
        if HAN.search(quote) and len(HAN.findall(quote)) >= 4 and not verbatim(quote, article_normalised):
            out.append(f"{text.where}: quote not in the article as written: \"{quote}\"")
    return out


# ---------------------------------------------------------------------------------------------
# glossary terms

def searchable(text: Text, glossary):
    """The text a term check reads: prose without the article's quotes, \\text{} contents and
    code comments (everything else hidden)."""
    r = regions(text)
    prose = r.prose
    for start, end, _ in article_quotes(text, prose, glossary["source"]["name"]):
        prose = _hide(prose, start, end)
    extra = [(off + at, content) for off, m in r.math for at, content in text_macros(m)]
    return [(0, prose)] + extra + r.comments


def term_rules(glossary):
    """(compiled forbidden pattern, the term to use, its English) for every glossary entry."""
    rules = [(re.compile(p), glossary["source"]["name"], "the source article")
             for p in glossary["source"].get("forbidden", [])]
    for term in glossary["term"]:
        rules += [(re.compile(p), term["zh"], " / ".join(term["en"]))
                  for p in term.get("forbidden", [])]
    return rules


def term_problems(text: Text, glossary, rules=None):
    out = []
    for offset, chunk in searchable(text, glossary):
        for pattern, use, english in rules or term_rules(glossary):
            for m in pattern.finditer(chunk):
                snippet = chunk[max(0, m.start() - 8):m.end() + 8].replace(HIDDEN, "…")
                out.append(f"{text.line_of(offset + m.start())}: {m.group(0)!r} → {use!r} "
                           f"({english}): …{snippet.strip()}…")
    return out


# ---------------------------------------------------------------------------------------------
# punctuation

ASCII_PUNCT = ",;:?!\"'."


def _neighbour(s, i, step, skip=" \t\n*"):
    i += step
    while 0 <= i < len(s) and s[i] in skip:
        i += step
    return s[i] if 0 <= i < len(s) else ""


def _is_han(ch):
    return bool(ch) and bool(HAN.match(ch))


def _is_latin(ch):
    return bool(re.fullmatch(r"[A-Za-z]", ch))


CODE_NAME = r"(?:[A-Za-z_]\w*|\d+)(?:\s*[*·×/+-]\s*(?:[A-Za-z_]\w*|\d+))*"  # N, Ho*Wo, C/g
TUPLE = re.compile(r"\(([^()\n]*,[^()\n]*)\)")


def _code_tuples(prose):
    """(start, end) of each ASCII tuple that mixes code names and Chinese words, as code
    comments name a shape's axes or a tuple's fields: ``(N, C, 卷积核位置, Ho*Wo)``.  It is
    notation, as ``$(N, C, \\text{卷积核位置})$`` would be in markdown, so half-width.  A tuple of
    Chinese words only, ``(输出, 输入)``, is Chinese prose: （输出，输入）."""
    spans = []
    for m in TUPLE.finditer(prose):
        parts = [part.strip() for part in m.group(1).split(",")]
        names = [bool(re.fullmatch(CODE_NAME, part)) for part in parts]
        words = [bool(re.fullmatch(HAN.pattern + "+", part)) for part in parts]
        if any(names) and any(words) and all(n or w for n, w in zip(names, words)):
            spans.append((m.start(), m.end()))
    return spans


def prose_punctuation_problems(prose, line_of, literals_allowed=False, tuples_allowed=False):
    """Problems of one prose string (code, maths hidden): see the module docstring.
    ``literals_allowed``: a message's "a" or 'same' (ASCII, no space) is a code literal.
    ``tuples_allowed``: the string is in code (a comment or string literal of a code block),
    where a tuple of code names and Chinese words is notation (:func:`_code_tuples`)."""
    out = []
    prose = BOOK_TITLE.sub(lambda m: "《" + HIDDEN * (len(m.group(0)) - 2) + "》", prose)
    notation = set()  # offsets of the brackets and commas of code tuples
    for start, end in (_code_tuples(prose) if tuples_allowed else []):
        notation.update(i for i in range(start, end) if prose[i] in "(),")

    def report(i, what):
        snippet = prose[max(0, i - 10):i + 10].replace(HIDDEN, "…").replace("\n", " ")
        out.append(f"{line_of(i)}: {what}: …{snippet.strip()}…")

    literals = set()  # in a message, "a" around ASCII without spaces is a literal, not a quote
    for m in re.finditer(r"(\"|')[!-~]+?\1", prose if literals_allowed else ""):
        if not re.search(r"[\s\"']", m.group(0)[1:-1]):
            literals.update((m.start(), m.end() - 1))
    for i, ch in enumerate(prose):
        if ch not in ASCII_PUNCT or i in literals or i in notation:
            continue
        if ch == "." and (prose[i - 1:i + 2] == "..." or prose[i - 2:i + 1] == "..."
                          or prose[i - 3:i] == "..."):
            continue  # an ellipsis: below
        left, right = _neighbour(prose, i, -1), _neighbour(prose, i, +1)
        if ch == "." and not _is_han(prose[i - 1:i]):
            continue  # a sentence's full stop follows a Chinese character directly
        if ch == "'" and _is_latin(prose[i - 1:i]) and _is_latin(prose[i + 1:i + 2]):
            continue  # an apostrophe, between Latin letters ('same' 填充 is a quote)
        if _is_han(left) or _is_han(right):
            full = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", '"': "“…”", "'": "“…”",
                    ".": "。"}[ch]
            report(i, f"ASCII {ch!r} next to Chinese: write {full}")
    stack = []
    for i, ch in enumerate(prose):
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            start = stack.pop()
            if start in notation and i in notation:
                continue
            if (prose[start] == "(") != (ch == ")"):
                report(i, f"{prose[start]} closed by {ch}")
            elif ch == ")":
                inside, before = prose[start + 1:i], _neighbour(prose, start, -1, "*")
                after = _neighbour(prose, i, +1, "*")
                remark = (not literals_allowed and FULL_WIDTH_PUNCT.match(after or "x")
                          and "," not in inside and not re.match(r"[\w.\]]", before))
                # a remark in markdown prose: not a call, a tuple, or a message's bare maths
                if HAN.search(inside) or _is_han(before) or _is_han(after) or remark:
                    report(start, "ASCII brackets around or against Chinese: write （…）")
    for m in re.finditer(r"(?<!—)—(?!—)", prose):
        if _is_han(_neighbour(prose, m.start(), -1, "*")) or _is_han(_neighbour(prose, m.start(), +1, "*")):
            report(m.start(), "a single — in Chinese: the dash is ——")
    for m in re.finditer(r"\.{3}", prose):
        if _is_han(prose[m.start() - 1:m.start()]) or _is_han(prose[m.end():m.end() + 1]):
            report(m.start(), "... in Chinese: the ellipsis is ……")
    spans_problems = quotes(prose)[1]
    for i, what in spans_problems:
        report(i, what)
    return out


def punctuation_problems(text: Text):
    r = regions(text)
    out = prose_punctuation_problems(r.prose, text.line_of, text.kind == "message",
                                     tuples_allowed=text.kind == "code")
    for offset, comment in r.comments:
        out += prose_punctuation_problems(comment, lambda i, o=offset: text.line_of(o + i),
                                          tuples_allowed=True)
    for kind, chunks in (("code", r.code), ("maths", r.math)):
        for offset, chunk in chunks:
            if kind == "maths":
                for at, content in reversed(text_macros(chunk)):
                    chunk = chunk[:at] + HIDDEN * len(content) + chunk[at + len(content):]
            for m in FULL_WIDTH_PUNCT.finditer(chunk):
                out.append(f"{text.line_of(offset + m.start())}: full-width {m.group(0)!r} in "
                           f"{kind}: write it half-width: {chunk.strip()[:60]!r}")
    return out


# ---------------------------------------------------------------------------------------------
# LaTeX \text{}

def latex_text_problems(text: Text, kept):
    """English words inside \\text{} (allowed: [kept] names and the notebook's code names)."""
    out = []
    allowed = set(kept) | set(text.identifiers)
    for offset, math in regions(text).math:
        for at, content in text_macros(math):
            words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", content)
                     if len(re.findall("[A-Za-z]", w)) > 1 and w not in allowed]
            if words:
                out.append(f"{text.line_of(offset + at)}: English in \\text{{{content}}}: "
                           f"{', '.join(words)} — write it in Chinese")
    return out


# ---------------------------------------------------------------------------------------------

def problems(root=ROOT):
    """Every problem of the Chinese edition, one line each."""
    glossary = load_glossary(root)
    rules = term_rules(glossary)
    kept = glossary["kept"]["terms"]
    article_path = find_article(root, glossary)
    article = normalise(article_path.read_text(encoding="utf-8")) if article_path else None
    out = [] if article else [f"the article is not found (set CONVKIT_ARTICLE): quotes unchecked"]
    for text in chinese_texts(root):
        out += term_problems(text, glossary, rules) + punctuation_problems(text)
        if text.kind == "markdown":
            out += latex_text_problems(text, kept)
        if article:
            out += quote_problems(text, article, glossary)
    if article:
        for text in english_texts(root):
            out += english_quote_problems(text, article)
    return out


def main(argv):
    parser = argparse.ArgumentParser(prog="scripts/zh_lint.py", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=pathlib.Path, default=ROOT)
    args = parser.parse_args(argv)
    found = problems(args.root.resolve())
    print("\n".join(found) if found else "The Chinese edition keeps the glossary, the quotes and "
                                         "the punctuation.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
