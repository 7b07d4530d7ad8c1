"""The Chinese font the course brings, for matplotlib and for JupyterLab.

A fresh Linux machine has no CJK font at all: matplotlib draws boxes ("tofu") for Chinese
text, and so does the browser.  The course therefore installs one with its other packages:
**Noto Sans SC** (Noto Sans CJK 2.004, the Simplified Chinese subset OTF as Google and Adobe
publish it in ``notofonts/noto-cjk``, SIL Open Font License 1.1), packaged on the package index
as ``pylopdf-fonts-zh-cn`` (a data-only package: the font file and its path, no dependencies).

* **matplotlib**: :func:`cjk_families` registers the bundled font and names the CJK families
  a drawing falls back to for Chinese characters: the machine's own Simplified Chinese fonts
  first where present (PingFang SC on macOS, Microsoft YaHei on Windows, Noto Sans CJK SC or
  Source Han Sans SC on Linux), then the bundled one.  Latin text stays in DejaVu Sans, so
  the English figures do not change.  :func:`bundled_only` pins the bundled font (the
  committed ``figures/zh/`` must look the same on every machine).  ``set_language("zh")``
  makes pyplot's own figures fall back to the same fonts (:func:`use_in_matplotlib`).
* **JupyterLab**: a stylesheet (``convkit_course/jupyter/convkit.css``) adds the same
  families to JupyterLab's fonts and declares Noto Sans SC as a web font, served by the
  JupyterLab server from the installed font package, so a browser without any CJK font still
  shows Chinese (the browser downloads it only for characters no local font has).
  ``postBuild`` (run by ``make lab``) installs it (:func:`install_jupyter`,
  ``python -m convkit_course.fonts jupyter-config FILE``): JupyterLab's custom CSS on, the
  font folder served at ``/static/``, the stylesheet imported by ``custom/custom.css`` of the
  Jupyter config folder.
"""
from __future__ import annotations

import contextlib
import functools
import json
import pathlib
import re
import sys

__all__ = ["BUNDLED_FAMILY", "SYSTEM_FAMILIES", "CSS_FAMILIES", "bundled_path", "cjk_families",
           "has_cjk", "bundled_only", "use_in_matplotlib", "jupyter_stylesheet",
           "jupyter_server_config", "install_jupyter"]

BUNDLED_FAMILY = "Noto Sans SC"
# Simplified Chinese fonts a machine may have, preferred to the bundled one where present.
SYSTEM_FAMILIES = ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
                   "Source Han Sans SC", "WenQuanYi Micro Hei")
# The same list for a browser (SVG text, JupyterLab), the bundled web font last.
CSS_FAMILIES = ", ".join(f"'{name}'" for name in (*SYSTEM_FAMILIES, BUNDLED_FAMILY))

_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]")
_state = {"bundled_only": False, "rc_before": None}


def has_cjk(text):
    """Whether ``text`` holds a Chinese character or full-width punctuation."""
    return bool(_CJK.search(text))


def bundled_path():
    """The bundled Noto Sans SC (a ``pathlib.Path``), or None when the package is missing."""
    try:
        from pylopdf_fonts_zh_cn import sans_path
    except ImportError:
        return None
    path = pathlib.Path(sans_path())
    return path if path.is_file() else None


@functools.lru_cache(maxsize=None)
def _register_bundled():
    """Add the bundled font to matplotlib's font list (once); its family name, or None."""
    path = bundled_path()
    if path is None:
        return None
    from matplotlib import font_manager
    font_manager.fontManager.addfont(str(path))
    _bold_alias(BUNDLED_FAMILY)
    return BUNDLED_FAMILY


def _bold_alias(family):
    """A CJK font with one weight serves bold text too (as it would anyway), announced as
    bold so that matplotlib does not log "Failed to find font weight bold" into the notebook
    for every bold title."""
    import dataclasses
    from matplotlib import font_manager
    manager = font_manager.fontManager
    faces = [e for e in manager.ttflist if e.name == family]
    weights = {font_manager.weight_dict.get(e.weight, e.weight) for e in faces}
    if faces and not any(int(w) >= 600 for w in weights):
        manager.ttflist.append(dataclasses.replace(faces[0], weight=700))
        cached = getattr(manager, "_findfont_cached", None)
        if cached is not None:
            cached.cache_clear()


@functools.lru_cache(maxsize=None)
def _system_families():
    from matplotlib import font_manager
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    found = tuple(name for name in SYSTEM_FAMILIES if name in names)
    for name in found:
        _bold_alias(name)
    return found


def cjk_families():
    """The font families matplotlib falls back to for Chinese text, best first.

    System fonts where present, then the bundled Noto Sans SC; only the bundled one inside
    :func:`bundled_only`.  Only families that exist are named (matplotlib warns about the
    others).  Raises RuntimeError when there is no CJK font at all.
    """
    bundled = _register_bundled()
    found = () if _state["bundled_only"] else _system_families()
    families = found + ((bundled,) if bundled else ())
    if not families:
        raise RuntimeError("no Chinese font: install the course's font package "
                           "(pip install pylopdf-fonts-zh-cn) or a system CJK font")
    return families


@contextlib.contextmanager
def bundled_only():
    """Draw Chinese text with the bundled font only inside this block (reproducible figures)."""
    before, _state["bundled_only"] = _state["bundled_only"], True
    try:
        yield
    finally:
        _state["bundled_only"] = before


def use_in_matplotlib(on=True):
    """Let pyplot's figures fall back to the CJK fonts (``set_language("zh")`` calls this).

    Appends :func:`cjk_families` to ``rcParams["font.family"]``; Latin text keeps the font it
    had.  ``on=False`` restores the families of before.
    """
    import matplotlib
    if on:
        if _state["rc_before"] is None:
            _state["rc_before"] = list(matplotlib.rcParams["font.family"])
        matplotlib.rcParams["font.family"] = _state["rc_before"] + list(cjk_families())
    elif _state["rc_before"] is not None:
        matplotlib.rcParams["font.family"] = _state["rc_before"]
        _state["rc_before"] = None


# ------------------------------------------------------------------------------ JupyterLab
CSS_IMPORT = '@import url("convkit.css");  /* the course\'s Chinese fonts (convkit_course/fonts.py) */'


def jupyter_stylesheet():
    """The course's stylesheet for JupyterLab (``convkit_course/jupyter/convkit.css``)."""
    return pathlib.Path(__file__).resolve().parent / "jupyter" / "convkit.css"


def jupyter_server_config():
    """The Jupyter server settings: load ``custom/custom.css`` (``LabApp.custom_css``) and
    serve the bundled font under ``/static/`` (``ServerApp.extra_static_paths``)."""
    config = {"LabApp": {"custom_css": True}}
    font = bundled_path()
    if font is not None:
        config["ServerApp"] = {"extra_static_paths": [str(font.parent)]}
    return config


def install_jupyter(prefix_config, config_dir=None):
    """Make JupyterLab show Chinese with the course's fonts.

    Writes the server settings to ``prefix_config`` (a JSON file, e.g. the environment's
    ``etc/jupyter/jupyter_server_config.d/convkit.json``), copies the stylesheet to
    ``<jupyter config dir>/custom/convkit.css`` (JupyterLab serves that folder at ``/custom/``)
    and makes that folder's ``custom.css`` import it, keeping whatever the user wrote there.
    Returns the files written.
    """
    if config_dir is None:
        from jupyter_core.paths import jupyter_config_dir
        config_dir = jupyter_config_dir()
    prefix_config = pathlib.Path(prefix_config)
    prefix_config.parent.mkdir(parents=True, exist_ok=True)
    prefix_config.write_text(json.dumps(jupyter_server_config(), indent=2) + "\n",
                             encoding="utf-8")
    custom = pathlib.Path(config_dir) / "custom"
    custom.mkdir(parents=True, exist_ok=True)
    (custom / "convkit.css").write_text(jupyter_stylesheet().read_text(encoding="utf-8"),
                                        encoding="utf-8")
    user_css = custom / "custom.css"
    before = user_css.read_text(encoding="utf-8") if user_css.exists() else ""
    if CSS_IMPORT not in before:  # @import must come first in a stylesheet
        user_css.write_text(CSS_IMPORT + "\n" + before, encoding="utf-8")
    return [prefix_config, custom / "convkit.css", user_css]


def main(argv):
    """``python -m convkit_course.fonts jupyter-config FILE``: install the JupyterLab part."""
    if len(argv) != 2 or argv[0] != "jupyter-config":
        print(__doc__.split("\n")[0] + "\nusage: python -m convkit_course.fonts jupyter-config FILE",
              file=sys.stderr)
        return 2
    for path in install_jupyter(argv[1]):
        print(f"fonts: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
