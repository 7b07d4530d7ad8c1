"""The Chinese edition: notebooks/zh/NN_slug.ipynb from notebooks/NN_slug.ipynb + a translation.

    .venv/bin/python scripts/zh.py skeleton 03     # write/update notebooks/zh/translations/03_*.md
    .venv/bin/python scripts/zh.py stamp 03 c05    # "c05's translation is up to date" (new hash)
    .venv/bin/python scripts/zh.py build           # write every notebooks/zh/NN_slug.ipynb
    .venv/bin/python scripts/zh.py check           # exit 1 on stale/missing/extra blocks or
                                                   # zh notebooks that differ from `build`
    make zh                                        # build + execute the zh notebooks

    .venv/bin/python scripts/zh.py messages        # exit 1 listing stale/missing message
                                                   # translations in the package's catalogs
    .venv/bin/python scripts/zh.py stamp-message FILE ID [ID ...]   # "ID's Chinese is reviewed"
    .venv/bin/python scripts/zh.py stamp-message FILE --new          # stamp entries without a hash

A translation file holds one block per English *markdown* cell, in cell order::

    <!-- cell c05 | en 3f2a9b1c0d4e -->
    中文 markdown ……

``c05`` is the English cell's id and the hash is sha256 of its source (first 12 hex digits):
the English text the block translates.  When the English cell changes, the hashes differ and
``check`` calls the block *stale* until a translator updates the Chinese and runs ``stamp``
(or writes the new hash, which ``skeleton`` prints).  ``skeleton`` keeps every translation,
adds a block (hash ``TODO``, English text as the draft) for each new cell, and prints the
English old -> new diff of each changed cell (the old text is looked up in git history).

The course package's messages (checkers, figures, explorer) live in TOML catalogs
(``convkit_course/**/*.toml``, see ``convkit_course/i18n.py``): one table per message id with
``en``, ``zh`` and ``en_hash`` (the same 12-hex-digit hash, of the ``en`` text the ``zh``
translates).  ``messages`` lists what a translator must look at (and, for a stale message, the
English it translated, from git history); ``stamp-message`` writes the new hash once the
Chinese is reviewed; ``--new`` stamps the entries that have no hash yet (a message just written
with its translation).

Code cells speak Chinese too.  Everything the course's own code shows (figures, the explorer,
the checkers' verdicts) follows the one language switch, :data:`LANGUAGE_LINE`, which ``build``
appends to the first code cell.  What a notebook's *own* code prints or draws (``print(f"...")``,
a pyplot title) and its comments are translated like markdown, in an optional *code block* of
the same file, keyed by the code cell's id and the hash of its English source::

    <!-- code c07 | en 9b1c0d4e3f2a -->
    ```python
    print(f"{EPOCHS} 轮 × {steps_per_epoch} 步 = {len(losses)} 次 SGD 更新")  # 训练步数
    ```

The translation may change only words: string literals, the literal parts of f-strings
(their fields may move, and their format specs change, e.g. for the width of Chinese
characters) and comments.  :func:`code_translation_problems` compares the two cells with
every string and comment blanked (``check`` and ``tests/test_zh.py`` fail otherwise), so the
code a Chinese student runs is the code the English notebook tests.  A stale code block (the
English cell changed) is not used: ``build`` copies the English code instead, and ``check``
lists it until a translator updates it (``skeleton`` prints the diff; ``stamp`` takes code
ids too).  Cells without a code block are copied byte for byte.  Relative links
that leave ``notebooks/`` (``../README.md``) gain one ``../``; figures (``../figures/X.png``)
become the Chinese figures (``../../figures/zh/X.png``, written by ``make figures``); links to
notebooks (``NN_slug.ipynb``) stay, so they open the Chinese notebook next door; the link to
the English edition is written ``../NN_slug.ipynb`` in a translation and kept as it is.
Cell and notebook metadata (slide types, ``rise``) are the English ones, so re-run ``make zh``
after scripts/slides.py changes the English notebooks (``check`` notices).  Outputs of unchanged
code cells are kept from the previous zh notebook; ``make zh`` re-executes.
"""
from __future__ import annotations

import argparse
import ast
import copy
import difflib
import hashlib
import pathlib
import re
import subprocess
import sys
import unicodedata

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent
EN_DIR = ROOT / "notebooks"
ZH_DIR = EN_DIR / "zh"
TR_DIR = ZH_DIR / "translations"

LANGUAGE_LINE = 'from convkit_course import set_language; set_language("zh")  # 课程用中文显示'
TODO = "TODO"
MARKER = re.compile(r"^<!-- (?P<kind>cell|code) (?P<id>\S+) \| en (?P<hash>\S+) -->[ \t]*$",
                    re.MULTILINE)
FENCE = re.compile(r"\A```python\n(?P<code>.*?)\n?```\Z", re.S)
HEADER = ("<!-- 中文版翻译 (Chinese translation) of notebooks/{name}: one block per English "
          "markdown cell; see scripts/zh.py. -->\n")
# a relative link target in markdown or HTML: ](../x) or src="../x" / href="../x"
RELATIVE_UP = re.compile(r"""(?P<lead>\]\(|(?:src|href)=["'])\.\./(?P<rest>[^)"'\s]*)""")


def set_root(root: pathlib.Path) -> None:
    """Read and write the Chinese edition of the repository at ``root``."""
    global ROOT, EN_DIR, ZH_DIR, TR_DIR
    ROOT, EN_DIR = root, root / "notebooks"
    ZH_DIR = EN_DIR / "zh"
    TR_DIR = ZH_DIR / "translations"


def source_hash(source: str) -> str:
    """First 12 hex digits of sha256 of a cell's source (the joined string, UTF-8)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------------------------------------
# translation files

class Block:
    """One ``<!-- cell ID | en HASH -->`` (markdown) or ``<!-- code ID | en HASH -->`` block of a
    translation file; a code block's ``text`` is the code, without its ```` ```python ```` fence."""

    def __init__(self, cell_id: str, hash_: str, text: str, kind: str = "cell"):
        self.cell_id, self.hash, self.text, self.kind = cell_id, hash_, text, kind

    def render(self) -> str:
        text = f"```python\n{self.text}\n```" if self.kind == "code" else self.text
        return f"<!-- {self.kind} {self.cell_id} | en {self.hash} -->\n{text}\n"


def parse_translation(text: str) -> list[Block]:
    """Blocks of a translation file, in file order (text before the first marker is ignored)."""
    marks = list(MARKER.finditer(text))
    blocks = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        body = text[m.end():end].strip("\n").rstrip()
        if m["kind"] == "code":
            fenced = FENCE.match(body)
            if fenced is None:
                raise ValueError(f"code block {m['id']}: expected its code between ```python "
                                 f"and ``` lines, got {body[:60]!r}")
            body = fenced["code"]
        blocks.append(Block(m["id"], m["hash"], body, m["kind"]))
    return blocks


def render_translation(name: str, blocks: list[Block]) -> str:
    return HEADER.format(name=name) + "\n" + "\n".join(b.render() for b in blocks)


def translation_path(name: str) -> pathlib.Path:
    return TR_DIR / (pathlib.Path(name).stem + ".md")


def read_all_blocks(name: str) -> list[Block]:
    """Markdown and code blocks of a notebook's translation, in file order."""
    path = translation_path(name)
    return parse_translation(path.read_text(encoding="utf-8")) if path.exists() else []


def read_blocks(name: str) -> list[Block]:
    """The markdown blocks of a notebook's translation."""
    return [b for b in read_all_blocks(name) if b.kind == "cell"]


def read_code_blocks(name: str) -> list[Block]:
    """The code blocks of a notebook's translation (cells whose printed words are translated)."""
    return [b for b in read_all_blocks(name) if b.kind == "code"]


# ---------------------------------------------------------------------------------------------
# notebooks

def english_notebooks(en_dir: pathlib.Path | None = None) -> list[pathlib.Path]:
    return sorted((en_dir or EN_DIR).glob("[0-9][0-9]_*.ipynb"))


def find_notebook(number: str, en_dir: pathlib.Path | None = None) -> pathlib.Path:
    hits = [p for p in english_notebooks(en_dir) if p.name.startswith(f"{int(number):02d}_")]
    if len(hits) != 1:
        raise SystemExit(f"notebook number {number!r}: expected one notebook {int(number):02d}_*.ipynb "
                         f"in {en_dir}, found {[p.name for p in hits]}")
    return hits[0]


def markdown_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "markdown"]


def localise_links(text: str) -> str:
    """Links that leave notebooks/ gain one ``../`` (the zh notebook sits one folder deeper);
    links to ``../NN_slug.ipynb`` (the English edition) are kept; figures (``../figures/X``)
    become the Chinese figures (``../../figures/zh/X``, written by ``make figures``)."""
    def fix(m):
        rest = m["rest"]
        if re.match(r"[0-9][0-9]_[^/]*\.ipynb", rest):
            return m.group(0)
        if rest.startswith("figures/") and not rest.startswith("figures/zh/"):
            rest = "figures/zh/" + rest[len("figures/"):]
        return f"{m['lead']}../../{rest}"
    return RELATIVE_UP.sub(fix, text)


def translated_notebook(en_path: pathlib.Path, blocks: list[Block], previous=None, code=None):
    """The zh notebook for ``en_path`` (an nbformat node). Markdown comes from ``blocks`` (the
    English text where a block is missing); code from ``code`` blocks that translate today's
    English cell (``None``: the translation file's), else the English code; outputs of code
    cells whose source is unchanged come from ``previous`` (the zh notebook on disk), other code
    cells have none."""
    nb = nbformat.read(en_path, as_version=4)
    by_id = {b.cell_id: b for b in blocks}
    if code is None:
        code = read_code_blocks(en_path.name)
    code_by_id = {b.cell_id: b for b in code}
    old_outputs = {}
    if previous is not None:
        old_outputs = {c.get("id"): c for c in previous.cells if c.cell_type == "code"}
    first_code = True
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            block = by_id.get(cell.get("id"))
            if block is not None and block.hash != TODO:
                cell.source = localise_links(block.text)
            else:
                cell.source = localise_links(cell.source)
        elif cell.cell_type == "code":
            block = code_by_id.get(cell.get("id"))
            if block is not None and block.hash == source_hash(cell.source):
                cell.source = block.text
            if first_code:
                cell.source = cell.source.rstrip("\n") + "\n" + LANGUAGE_LINE
                first_code = False
            old = old_outputs.get(cell.get("id"))
            if old is not None and old.source == cell.source:
                cell.outputs, cell.execution_count = copy.deepcopy(old.outputs), old.execution_count
            else:
                cell.outputs, cell.execution_count = [], None
    nb.metadata["language"] = "zh"
    return nb


def zh_path(en_path: pathlib.Path) -> pathlib.Path:
    return ZH_DIR / en_path.name


def comparable(nb):
    """What `check` compares: cell types, ids, sources and metadata (slides!), and the notebook's
    metadata — not outputs, execution counts, or what executing a notebook rewrites."""
    meta = {k: v for k, v in nb.metadata.items() if k not in ("language_info", "widgets")}
    return (meta, [(c.cell_type, c.get("id"), c.source,
                    {k: v for k, v in c.metadata.items() if k != "execution"}) for c in nb.cells])


# ---------------------------------------------------------------------------------------------
# problems

def translation_problems(en_path: pathlib.Path) -> list[str]:
    """Stale, missing, untranslated, misordered and extra blocks of one notebook's translation."""
    nb = nbformat.read(en_path, as_version=4)
    cells = markdown_cells(nb)
    blocks = read_blocks(en_path.name)
    tr = translation_path(en_path.name).relative_to(ROOT)
    if not blocks:
        return [f"{tr}: missing (run `scripts/zh.py skeleton {en_path.name[:2]}`)"]
    problems = []
    by_id = {}
    for b in blocks:
        if b.cell_id in by_id:
            problems.append(f"{tr}: cell {b.cell_id}: two blocks")
        by_id[b.cell_id] = b
    for cell in cells:
        cid, want = cell.get("id"), source_hash(cell.source)
        b = by_id.get(cid)
        if b is None:
            problems.append(f"{tr}: cell {cid}: missing translation (run skeleton)")
        elif b.hash == TODO:
            problems.append(f"{tr}: cell {cid}: not translated yet (hash TODO)")
        elif b.hash != want:
            problems.append(f"{tr}: cell {cid}: stale — English changed (block {b.hash}, "
                            f"English now {want}); update the Chinese, then `stamp`")
        elif not b.text.strip():
            problems.append(f"{tr}: cell {cid}: empty translation")
    ids = [c.get("id") for c in cells]
    for b in blocks:
        if b.cell_id not in ids:
            problems.append(f"{tr}: cell {b.cell_id}: extra block (no such English markdown cell)")
    order = [b.cell_id for b in blocks if b.cell_id in ids]
    if order != [i for i in ids if i in by_id]:
        problems.append(f"{tr}: blocks not in the English cell order (run skeleton)")
    return problems


LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE_SPAN = re.compile(r"`([^`\n]+)`")
MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+)\$", re.S)
VERDICT = re.compile("[✅❌✔✘]")
# words in LaTeX \text{} are prose: the translation writes them in Chinese, in its own order
TEXT_IN_MATH = re.compile(r"\\text[a-z]*\s*\{[^{}]*\}")


def math_key(math: str) -> str:
    """What the fidelity check compares of a formula: all of it, or, when it holds \\text{}
    (translated, and Chinese may put the symbols around it in another order), the symbols
    outside \\text{} as a sorted multiset."""
    if not TEXT_IN_MATH.search(math):
        return math
    return "≈" + "".join(sorted(re.sub(r"\s", "", TEXT_IN_MATH.sub("", math))))


def _punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def broken_emphasis(text: str) -> list[str]:
    """``*``/``**`` runs that CommonMark (JupyterLab's renderer) shows as literal stars.

    A run opens only if *left-flanking* and closes only if *right-flanking*; a run next to
    Chinese text on one side and punctuation on the other (``先**“整容”**``) is neither, the
    classic CJK trap: write ``先“**整容**”``.  Returns a snippet per unmatched run."""
    text = re.sub(r"`[^`\n]*`|\$\$.+?\$\$|\$[^$\n]*\$|\]\([^)]*\)|<[^>\n]*>", "x", text, flags=re.S)
    bad = []
    for para in re.split(r"\n\s*\n", text):
        stack = []
        for m in re.finditer(r"\*+", para):
            start, end = m.span()
            line_start = para.rfind("\n", 0, start) + 1
            if para[line_start:start].strip() == "" and para[end:end + 1] == " ":
                continue  # a list bullet
            if para[line_start:start].strip() == "" and set(para[line_start:].split("\n")[0].strip()) <= {"*", "-", " "}:
                continue  # a rule
            prev = para[start - 1] if start else " "
            nxt = para[end] if end < len(para) else " "
            left = not nxt.isspace() and (not _punct(nxt) or prev.isspace() or _punct(prev))
            right = not prev.isspace() and (not _punct(prev) or nxt.isspace() or _punct(nxt))
            run = len(m.group(0))
            if right and stack and stack[-1][0] == run:
                stack.pop()
            elif left:
                stack.append((run, start))
            else:
                bad.append(para[max(0, start - 8):end + 8].replace("\n", " "))
        bad += [para[max(0, st - 8):st + 12].replace("\n", " ") for _, st in stack]
    return bad


def fidelity_problems(en_path: pathlib.Path) -> list[str]:
    """Links, math and code spans of an up-to-date English cell that its translation lost.
    Allowed: verdict words in code spans (✔ Correct → ✔ 正确), the words inside LaTeX
    ``\\text{}`` (translated) and the link to the other edition (``zh/00_start-here.ipynb`` in
    English, ``../00_start-here.ipynb`` in Chinese)."""
    nb = nbformat.read(en_path, as_version=4)
    cells = {c.get("id"): c.source for c in markdown_cells(nb)}
    tr = translation_path(en_path.name).relative_to(ROOT)
    out = []
    for b in read_blocks(en_path.name):
        en = cells.get(b.cell_id)
        if en is None or b.hash != source_hash(en):
            continue  # extra or stale: reported elsewhere
        lost = [f"link ({x})" for x in sorted(set(LINK.findall(en)) - set(LINK.findall(b.text)))
                if not x.startswith("zh/")]
        lost += [f"`{x}`" for x in sorted(set(CODE_SPAN.findall(en)) - set(CODE_SPAN.findall(b.text)))
                 if not VERDICT.search(x)]
        math = lambda text: {math_key(m[1] or m[2]) for m in MATH.finditer(text)}
        lost += [f"math ${x[:40]}$" for x in sorted(math(en) - math(b.text))]
        if lost:
            out.append(f"{tr}: cell {b.cell_id}: the translation lost " + ", ".join(lost))
        stars = broken_emphasis(b.text)
        if len(stars) > len(broken_emphasis(en)):
            out.append(f"{tr}: cell {b.cell_id}: emphasis that renders as literal stars "
                       f"(CJK next to punctuation: put the quotes outside the **): {stars}")
    return out


def notebook_problems(en_path: pathlib.Path) -> list[str]:
    """The zh notebook missing, or differing (outputs aside) from what `build` writes."""
    zp = zh_path(en_path)
    rel = zp.relative_to(ROOT)
    if not zp.exists():
        return [f"{rel}: missing (run `scripts/zh.py build`)"]
    current = nbformat.read(zp, as_version=4)
    want = translated_notebook(en_path, read_blocks(en_path.name), current,
                               read_code_blocks(en_path.name))
    if comparable(current) != comparable(want):
        return [f"{rel}: differs from what `scripts/zh.py build` writes (run `make zh`)"]
    return []


def orphan_problems(en_dir: pathlib.Path | None = None) -> list[str]:
    names = {p.stem for p in english_notebooks(en_dir)}
    out = []
    for p in sorted(ZH_DIR.glob("*.ipynb")):
        if p.stem not in names:
            out.append(f"{p.relative_to(ROOT)}: no English notebook {p.name} (delete it)")
    for p in sorted(TR_DIR.glob("*.md")):
        if p.stem not in names:
            out.append(f"{p.relative_to(ROOT)}: no English notebook {p.stem}.ipynb (rename/delete)")
    return out


def code_shape(source: str) -> str:
    """A code cell's syntax tree with every string and comment blanked: what its translation
    must keep.  Strings become "", an f-string keeps only its fields (as a sorted list of the
    expressions, without format specs: word order and column widths may change)."""
    from IPython.core.inputtransformer2 import TransformerManager

    tree = ast.parse(TransformerManager().transform_cell(source))

    class Blank(ast.NodeTransformer):
        def visit_Constant(self, node):
            return ast.Constant("") if isinstance(node.value, str) else node

        def visit_JoinedStr(self, node):
            fields = sorted(ast.dump(self.visit(v.value)) for v in node.values
                            if isinstance(v, ast.FormattedValue))
            return ast.Call(ast.Name("fstring"), [ast.Constant(f) for f in fields], [])

    return ast.dump(Blank().visit(tree))


def code_translation_problems(en_path: pathlib.Path) -> list[str]:
    """Code blocks that are stale, translate no code cell, or change more than words."""
    nb = nbformat.read(en_path, as_version=4)
    cells = {c.get("id"): c.source for c in nb.cells if c.cell_type == "code"}
    tr = translation_path(en_path.name).relative_to(ROOT)
    out, seen = [], set()
    for b in read_code_blocks(en_path.name):
        en = cells.get(b.cell_id)
        if b.cell_id in seen:
            out.append(f"{tr}: code {b.cell_id}: two code blocks")
        seen.add(b.cell_id)
        if en is None:
            out.append(f"{tr}: code {b.cell_id}: extra block (no such English code cell)")
        elif b.hash != source_hash(en):
            out.append(f"{tr}: code {b.cell_id}: stale — English code changed (block {b.hash}, "
                       f"English now {source_hash(en)}); update the Chinese, then `stamp` "
                       "(until then the zh notebook runs the English code)")
        else:
            try:
                same = code_shape(b.text) == code_shape(en)
            except SyntaxError as error:
                out.append(f"{tr}: code {b.cell_id}: not Python: {error}")
                continue
            if not same:
                out.append(f"{tr}: code {b.cell_id}: the translation changes more than strings "
                           "and comments (names, calls, numbers or f-string fields differ)")
    return out


def problems(en_dir: pathlib.Path | None = None, notebooks: bool = True) -> list[str]:
    out = []
    for en in english_notebooks(en_dir):
        out += translation_problems(en) + fidelity_problems(en) + code_translation_problems(en)
        if notebooks:
            out += notebook_problems(en)
    return out + orphan_problems(en_dir)


# ---------------------------------------------------------------------------------------------
# history: the English text a stale block translated

def old_english(en_path: pathlib.Path, cell_id: str, hash_: str) -> str | None:
    """The source of cell ``cell_id`` whose hash is ``hash_``, from the notebook's git history."""
    repo = en_path.parent
    try:
        top = subprocess.run(["git", "-C", str(repo), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
        rel = en_path.resolve().relative_to(pathlib.Path(top).resolve()).as_posix()
        commits = subprocess.run(["git", "-C", top, "log", "--all", "--format=%H", "-n", "300",
                                  "--", rel], capture_output=True, text=True, check=True).stdout.split()
    except (subprocess.CalledProcessError, ValueError, FileNotFoundError):
        return None
    for commit in commits:
        shown = subprocess.run(["git", "-C", top, "show", f"{commit}:{rel}"],
                               capture_output=True, text=True)
        if shown.returncode:
            continue
        try:
            nb = nbformat.reads(shown.stdout, as_version=4)
        except Exception:  # an old, broken revision
            continue
        for cell in nb.cells:
            if cell.get("id") == cell_id and source_hash(cell.source) == hash_:
                return cell.source
    return None


# ---------------------------------------------------------------------------------------------
# commands

def _print_diff(en_path, cell_id, old_hash, source):
    before = old_english(en_path, cell_id, old_hash)
    if before is None:
        print("   (the English text it translated is not in git history)")
        print("   English now:\n" + "\n".join("   | " + s for s in source.splitlines()))
    else:
        sys.stdout.writelines(difflib.unified_diff(
            before.splitlines(keepends=True), source.splitlines(keepends=True),
            "English before", "English now", n=1))
        print()


def skeleton(number: str, en_dir: pathlib.Path) -> int:
    en_path = find_notebook(number, en_dir)
    nb = nbformat.read(en_path, as_version=4)
    old = read_blocks(en_path.name)
    by_id = {b.cell_id: b for b in old}
    code_blocks = {b.cell_id: b for b in read_code_blocks(en_path.name)}
    blocks, todo, stale = [], [], []
    for cell in nb.cells:
        cid, want = cell.get("id"), source_hash(cell.source)
        if cell.cell_type == "code":
            b = code_blocks.pop(cid, None)
            if b is not None:  # a translated code cell: kept in cell order, diffed when stale
                blocks.append(b)
                if b.hash != want:
                    stale.append(cid)
                    print(f"== code {cid}: English changed ({b.hash} -> {want}); Chinese kept, "
                          "marked stale")
                    _print_diff(en_path, cid, b.hash, cell.source)
            continue
        if cell.cell_type != "markdown":
            continue
        b = by_id.pop(cid, None)
        if b is None:
            blocks.append(Block(cid, TODO, cell.source))
            todo.append(cid)
            continue
        blocks.append(b)
        if b.hash in (want, TODO):
            if b.hash == TODO:
                todo.append(cid)
            continue
        stale.append(cid)
        print(f"== cell {cid}: English changed ({b.hash} -> {want}); Chinese kept, marked stale")
        _print_diff(en_path, cid, b.hash, cell.source)
    extra = list(by_id.values()) + list(code_blocks.values())
    for b in extra:  # cells removed or re-ided in English: kept so their text can be reused
        blocks.append(b)
    path = translation_path(en_path.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_translation(en_path.name, blocks), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(blocks) - len(extra)} cells, "
          f"{len(todo)} to translate {todo}, {len(stale)} stale {stale}, "
          f"{len(extra)} extra (delete when reused) {[b.cell_id for b in extra]}")
    return 0


def stamp(number: str, ids: list[str], en_dir: pathlib.Path) -> int:
    en_path = find_notebook(number, en_dir)
    nb = nbformat.read(en_path, as_version=4)
    hashes = {c.get("id"): source_hash(c.source) for c in nb.cells
              if c.cell_type in ("markdown", "code")}
    blocks = read_all_blocks(en_path.name)
    known = {b.cell_id for b in blocks}
    for cid in ids:
        if cid not in hashes or cid not in known:
            raise SystemExit(f"cell id {cid!r}: expected a markdown or code cell of {en_path.name} "
                             f"with a block in its translation")
    for b in blocks:
        if b.cell_id in ids:
            b.hash = hashes[b.cell_id]
    translation_path(en_path.name).write_text(render_translation(en_path.name, blocks),
                                              encoding="utf-8")
    print(f"stamped {ids} in {translation_path(en_path.name).relative_to(ROOT)}")
    return 0


def build(en_dir: pathlib.Path) -> int:
    ZH_DIR.mkdir(parents=True, exist_ok=True)
    for en in english_notebooks(en_dir):
        zp = zh_path(en)
        previous = nbformat.read(zp, as_version=4) if zp.exists() else None
        nb = translated_notebook(en, read_blocks(en.name), previous)
        if previous is None or nbformat.writes(previous) != nbformat.writes(nb):
            nbformat.write(nb, zp)
            print(f"wrote {zp.relative_to(ROOT)}")
    return 0


def check(en_dir: pathlib.Path) -> int:
    found = problems(en_dir)
    for p in found:
        print(p)
    if not found:
        print(f"Chinese edition up to date ({len(english_notebooks(en_dir))} notebooks).")
    return 1 if found else 0


# ---------------------------------------------------------------------------------------------
# message catalogs (TOML)

def catalog_paths() -> list[pathlib.Path]:
    """Every message catalog of the course package."""
    return sorted((ROOT / "convkit_course").rglob("*.toml"))


def _catalog(path: pathlib.Path):
    from convkit_course.i18n import Catalog

    return Catalog(path)


def old_message_english(path: pathlib.Path, message_id: str, hash_: str) -> str | None:
    """The ``en`` text of ``message_id`` whose hash is ``hash_``, from the file's git history."""
    import tomllib

    from convkit_course.i18n import english_hash

    try:
        rel = path.resolve().relative_to(ROOT).as_posix()
        commits = subprocess.run(["git", "-C", str(ROOT), "log", "--format=%H", "-n", "200", "--",
                                  rel], capture_output=True, text=True, check=True).stdout.split()
    except (subprocess.CalledProcessError, ValueError, FileNotFoundError):
        return None
    for commit in commits:
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{rel}"],
                               capture_output=True, text=True)
        if shown.returncode:
            continue
        try:
            table = tomllib.loads(shown.stdout)
        except tomllib.TOMLDecodeError:
            continue
        for part in message_id.split("."):
            table = table.get(part, {}) if isinstance(table, dict) else {}
        if isinstance(table, dict) and "en" in table and english_hash(table["en"]) == hash_:
            return table["en"]
    return None


def messages() -> int:
    found = 0
    for path in catalog_paths():
        catalog = _catalog(path)
        for problem in catalog.problems():
            found += 1
            print(f"{path.relative_to(ROOT)}: {problem.split(': ', 1)[1]}")
            message_id = problem.split("[", 1)[1].split("]", 1)[0]
            entry = catalog.entries.get(message_id, {})
            if "stale" in problem and entry.get("en_hash"):
                before = old_message_english(path, message_id, entry["en_hash"])
                if before is not None:
                    print(f"    English before: {before}\n    English now:    {entry['en']}")
    if not found:
        print(f"message catalogs up to date ({len(catalog_paths())} files).")
    return 1 if found else 0


_HEADER = re.compile(r"^\s*\[(?P<key>[^\[\]]+)\]\s*(#.*)?$")


def _header_id(line: str) -> str | None:
    m = _HEADER.match(line)
    if not m:
        return None
    return ".".join(part.strip().strip('"').strip("'") for part in m["key"].split("."))


def stamp_message(path: pathlib.Path, ids: list[str], new: bool = False) -> int:
    """Write ``en_hash`` = hash of today's ``en`` for ``ids`` (or, with ``new``, for every entry
    that has no hash yet) in the catalog at ``path``, editing the file line by line."""
    from convkit_course.i18n import english_hash

    path = path.resolve()
    entries = _catalog(path).entries
    if new:
        ids = [i for i, e in entries.items() if not e.get("en_hash")]
    unknown = [i for i in ids if i not in entries]
    if unknown:
        raise SystemExit(f"{path.name}: no message {unknown}; ids: {sorted(entries)}")
    missing = [i for i in ids if not entries[i].get("zh")]
    if missing:
        raise SystemExit(f"{path.name}: {missing} have no Chinese text to stamp")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for message_id in ids:
        start = next((n for n, line in enumerate(lines) if _header_id(line) == message_id), None)
        if start is None:
            raise SystemExit(f"{path.name}: [{message_id}] must be a table header of its own to "
                             "be stamped")
        end = next((n for n in range(start + 1, len(lines)) if _HEADER.match(lines[n])),
                   len(lines))
        stamp = f'en_hash = "{english_hash(entries[message_id]["en"])}"\n'
        hashed = [n for n in range(start + 1, end) if re.match(r"\s*en_hash\s*=", lines[n])]
        if hashed:
            lines[hashed[0]] = stamp
        else:
            last = max(n for n in range(start, end)
                       if lines[n].strip() and not lines[n].lstrip().startswith("#"))
            lines.insert(last + 1, stamp)
    path.write_text("".join(lines), encoding="utf-8")
    after = _catalog(path).entries  # parses again: the edit kept the file valid TOML
    assert all(after[i]["en_hash"] == english_hash(after[i]["en"]) for i in ids)
    print(f"stamped {len(ids)} message(s) in {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/zh.py", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=pathlib.Path, default=ROOT,
                        help="the repository whose notebooks/zh/ is read and written "
                             "(default: the one this script is in)")
    parser.add_argument("--en", type=pathlib.Path, default=None,
                        help="folder of the English notebooks (default: ROOT/notebooks/)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("skeleton", help="write/update the translation file of notebook NN")
    p.add_argument("number")
    p = sub.add_parser("stamp", help="mark blocks of notebook NN as translating today's English")
    p.add_argument("number")
    p.add_argument("ids", nargs="+")
    sub.add_parser("build", help="write notebooks/zh/NN_slug.ipynb for every English notebook")
    sub.add_parser("check", help="exit 1 listing stale/missing/extra blocks and stale zh notebooks")
    sub.add_parser("messages", help="exit 1 listing stale/missing translations in the package's "
                                    "message catalogs (convkit_course/**/*.toml)")
    p = sub.add_parser("stamp-message", help="mark messages of a catalog as reviewed (new en_hash)")
    p.add_argument("file", type=pathlib.Path)
    p.add_argument("ids", nargs="*")
    p.add_argument("--new", action="store_true", help="stamp every message without an en_hash")
    args = parser.parse_args(argv)
    set_root(args.root.resolve())
    en_dir = args.en.resolve() if args.en else EN_DIR
    if args.command == "skeleton":
        return skeleton(args.number, en_dir)
    if args.command == "stamp":
        return stamp(args.number, args.ids, en_dir)
    if args.command == "build":
        return build(en_dir)
    if args.command == "messages":
        return messages()
    if args.command == "stamp-message":
        if not args.ids and not args.new:
            parser.error("stamp-message: name the message ids, or pass --new")
        return stamp_message(args.file, args.ids, new=args.new)
    return check(en_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
