"""What a student sees when a notebook runs, collected as text; and which of it is English.

``collect(path)`` executes a committed notebook top to bottom in a fresh kernel (as a
student who just cloned the course would) and returns every string a student sees, by kind:

* ``figure``: every text of every figure drawn (titles, axis labels, tick labels, legends,
  panel captions, sums), read from the Figure when the notebook's inline backend renders it;
  plus ``missing_glyph``: matplotlib's "Glyph … missing from font(s)" warnings (a box drawn
  instead of a character);
* ``widget``: every visible string of every explorer after using its controls (each view,
  focus and linked on and off, a few steps, every slider at its ends): labels, dropdown
  options, button texts, tooltips, the status and formula readouts, the texts of its SVG
  figures;
* ``printed``: every line a cell shows as text: printed lines, the text of results (the text
  form only when nothing richer is shown: a figure's repr hides behind its picture), HTML
  output as text (the explorer's "not running" placeholder), error lines.

``english(text)`` finds English words outside the glossary's kept terms
(``notebooks/zh/glossary.toml``); ``chinese(text)`` finds Chinese outside the article's terms.
``python tests/student_text.py [NOTEBOOK ...]`` prints the counts by kind (default: every
notebook of both editions).
"""
from __future__ import annotations

import collections
import functools
import html
import json
import os
import pathlib
import re
import sys
import tempfile
import tomllib

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ("figure", "widget", "printed")

# Runs in the kernel before the notebook's first cell: record what every rendered figure says.
SETUP = r'''
def _convkit_collect():
    import json, warnings
    import matplotlib.backend_bases as bases
    from matplotlib.text import Text
    seen = {"figures": [], "missing_glyph": []}
    original = bases.FigureCanvasBase.print_figure

    def print_figure(self, *args, **kwargs):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = original(self, *args, **kwargs)
        for w in caught:
            if "missing from font" in str(w.message):
                seen["missing_glyph"].append(str(w.message))
            else:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        seen["figures"].append([t.get_text() for t in self.figure.findobj(Text)
                                if t.get_visible() and t.get_text().strip()])
        return result

    bases.FigureCanvasBase.print_figure = print_figure
    return seen

_convkit_seen = _convkit_collect()
del _convkit_collect
'''

# Runs after the notebook's last cell: use every explorer's controls, collect their strings.
FINISH = r'''
def _convkit_widgets(path):
    import html, json, re, warnings
    warnings.simplefilter("ignore", DeprecationWarning)
    import ipywidgets as widgets
    try:
        from convkit_course.explorer import Explorer
    except ImportError:
        Explorer = None
    strings = []

    def text_of(value):
        value = re.sub(r"(?s)<style.*?</style>", "", value)
        return [html.unescape(t).strip() for t in re.findall(r">([^<>]+)<", "<x>" + value + "</x>")
                if t.strip()]

    def visible(widget):
        shown = []
        layout = getattr(widget, "layout", None)
        if layout is not None and getattr(layout, "display", None) == "none":
            return shown
        for name in ("description", "tooltip"):
            if getattr(widget, name, None):
                shown.append(getattr(widget, name))
        if hasattr(widget, "_options_labels"):
            shown += list(widget._options_labels)
        if isinstance(widget, (widgets.HTML, widgets.Label)):
            shown += text_of(widget.value)
        for child in getattr(widget, "children", ()):
            shown += visible(child)
        return shown

    explorers = [w for w in list(widgets.Widget.widgets.values())
                 if Explorer is not None and isinstance(w, Explorer)]
    for e in explorers:
        def look():
            strings.extend(visible(e))
        look()
        for view, _ in [(v, None) for v in e.view_box.options]:
            e.view_box.value = view[1] if isinstance(view, tuple) else view
            look()
            for toggle in (e.focus_box, e.linked_box):
                toggle.value = not toggle.value
                look()
                toggle.value = not toggle.value
            for _ in range(2):
                e.next_button.click()
                look()
        for slider in e.sliders.values():
            start = slider.value
            for end in (slider.max, slider.min):
                slider.value = end
                look()
            slider.value = start
    seen = dict(_convkit_seen, widget=strings, explorers=len(explorers))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(seen, f, ensure_ascii=False)

_convkit_widgets({path!r})
'''


def _client_class():
    from scripts_module import load_script
    return load_script("execute_notebooks").Client


@functools.lru_cache(maxsize=None)
def collect(path):
    """{kind: [strings]} a student sees running ``path`` (a str or Path), plus ``missing_glyph``."""
    path = pathlib.Path(path).resolve()
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "seen.json"
        cells = [nbformat.v4.new_code_cell(SETUP)]
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            cells.append(cell)
        cells.append(nbformat.v4.new_code_cell(FINISH.replace("{path!r}", repr(str(out)))))
        nb.cells = cells
        env_before = os.environ.pop("MPLBACKEND", None)
        try:
            client = _client_class()(nb, timeout=600, kernel_name="python3",
                                     store_widget_state=True, record_timing=False,
                                     resources={"metadata": {"path": str(path.parent)}})
            client.execute()
        finally:
            if env_before is not None:
                os.environ["MPLBACKEND"] = env_before
        seen = json.loads(out.read_text(encoding="utf-8"))
    seen["figure"] = [text for figure in seen["figures"] for text in figure]
    seen["printed"] = [line for cell in nb.cells[1:-1] if cell.cell_type == "code"
                       for out in cell.outputs for line in _shown_lines(out)]
    return seen


def _shown_lines(output):
    """The lines of text one output shows in JupyterLab."""
    if output.output_type == "stream":
        text = output.text
    elif output.output_type == "error":
        text = f"{output.ename}: {output.evalue}"
    else:
        data = output.get("data", {})
        if any(k.startswith("image/") for k in data) or "application/vnd.jupyter.widget-view+json" in data:
            return []  # a picture or a live widget: its text form is not shown
        if "text/html" in data:
            body = re.sub(r"(?s)<style.*?</style>", "", data["text/html"])
            text = html.unescape(re.sub(r"<[^>]+>", "\n", body))
        else:
            text = data.get("text/plain", "")
    return [line.strip() for line in text.split("\n") if line.strip()]


# ------------------------------------------------------------------------------ language
@functools.lru_cache(maxsize=None)
def glossary():
    with open(ROOT / "notebooks" / "zh" / "glossary.toml", "rb") as f:
        return tomllib.load(f)


@functools.lru_cache(maxsize=None)
def _kept():
    return {term.lower() for term in glossary()["kept"]["terms"]}


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]+")


VERDICT = re.compile(r"^\s*[✔✘]")


def english(text):
    """English words in ``text``: runs of 3+ Latin letters that are not code or maths.

    Not English: identifiers (a digit or ``_`` inside, ``CamelCase``, ``a.b``, a call ``f(``,
    a keyword ``name=``, an index ``a[i]``, a quoted name ``'same'``, a TeX command
    ``\\mathdefault``), acronyms in capitals (GEMM, FFT, NCHW), the glossary's kept terms, a
    library's exception text after its Chinese explanation, the glossary's pending strings,
    and a checker's verdict (``✔ …``/``✘ …``: tests/test_exercises_messages.py checks that every
    one has its Chinese; the code names it quotes stay).
    """
    if VERDICT.match(text):
        return []
    for pending in glossary()["kept"].get("pending", []):
        text = text.replace(pending, "")
    for prefix in glossary()["kept"]["library_error_prefixes"]:
        if prefix in text:  # a library's exception text follows: it may stay English
            text = text[:text.index(prefix)]
    words = []
    for m in _WORD.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        if len(word) < 3 or not word.isalpha() or word.isupper() or word.lower() in _kept():
            continue
        if any(c.isupper() for c in word[1:]):  # CamelCase: a class name
            continue
        before, after = text[start - 1:start], text[end:end + 1]
        attribute = after == "." and text[end + 1:end + 2].isalpha()
        quoted = before and before in "'\"" and after == before
        if (before and before in "._\\[") or after in ("(", "_", "=", "]") or attribute or quoted:
            continue
        words.append(word)
    return words


def chinese(text):
    """Runs of Chinese characters in ``text`` that are not the article's own terms."""
    allowed = set(glossary()["kept"]["article_terms"])
    return [run for run in _CJK.findall(text) if run not in allowed]


def english_strings(seen):
    """{kind: [strings with English]}."""
    return {kind: [s for s in seen[kind] if english(s)] for kind in KINDS}


def chinese_strings(seen):
    return {kind: [s for s in seen[kind] if chinese(s)] for kind in KINDS}


def main(argv):
    paths = [pathlib.Path(p) for p in argv] or (
        sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        + sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb")))
    totals = collections.defaultdict(lambda: [0, 0])
    for path in paths:
        edition = "zh" if path.parent.name == "zh" else "en"
        seen = collect(path)
        find = english if edition == "zh" else chinese
        odd = {kind: [s for s in seen[kind] if find(s)] for kind in KINDS}
        units = {  # what the issue counted: figures, distinct widget strings, printed lines
            "figures": ([f for f in seen["figures"] if any(find(s) for s in f)], seen["figures"]),
            "widget strings": (set(odd["widget"]), set(seen["widget"])),
            "printed lines": (odd["printed"], seen["printed"]),
            "figure strings": (odd["figure"], seen["figure"])}
        what = "English" if edition == "zh" else "Chinese"
        counts = []
        for unit, (bad, every) in units.items():
            totals[edition, unit][0] += len(bad)
            totals[edition, unit][1] += len(every)
            counts.append(f"{unit} {len(bad)}/{len(every)}")
        print(f"{edition}/{path.name}: {what} in " + ", ".join(counts)
              + f"; missing glyphs {len(seen['missing_glyph'])}", flush=True)
        for kind in KINDS:
            for s in sorted(set(odd[kind])):
                print(f"    {kind}: {s[:110]!r}")
    for (edition, unit), (bad, total) in sorted(totals.items()):
        print(f"TOTAL {edition}: {bad} of {total} {unit} "
              f"{'hold English' if edition == 'zh' else 'hold Chinese'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
