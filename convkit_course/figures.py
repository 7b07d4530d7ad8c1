"""Write every course figure into a directory: ``python -m convkit_course.figures [DIR]``.

DIR defaults to ``./figures`` in the current directory; ``make figures`` writes the
checkout's ``figures/``.  An installed package never writes into itself.  Each figure is
written twice: in English into DIR, in Chinese into DIR/zh/ under the same name (the Chinese
notebooks link those).  The Chinese text is drawn with the bundled Noto Sans SC alone
(:func:`convkit_course.fonts.bundled_only`), whatever fonts the machine has, so the PNGs are
the same everywhere and show on any machine (the glyphs are pixels).

Each file is named after the notebook that shows it and drawn by :mod:`convkit_course.diagrams`;
this module only decides *which* drawings and *where* they go.

How a stale figure is detected (:func:`check`, run by ``tests/test_figures.py`` for both
languages):

1. **Fingerprint, exact.** A SHA-256 of everything the figure draws — its size, every text
   (string, position, size, colour, rotation, alignment), every cell (corners, face and
   edge colour, hatch) and frame, all in data coordinates — is stored in the PNG's
   ``Description`` chunk and compared with a fresh drawing's. It does not depend on the
   pixels, so it means the same under every matplotlib version: any change to what a
   figure draws (a label, a colour, the layout) makes it differ.
2. **Pixels.** A fresh PNG is rendered and compared with the committed one by
   ``matplotlib.testing.compare.compare_images``. With the matplotlib version that wrote
   the committed file (recorded in its ``Software`` chunk) rendering is byte-for-byte
   deterministic, so the tolerance is 0. Another version rasterises text differently
   (3.9 vs 3.11: RMS 13-27, as large as a real change), so then only the image size is
   compared, and the fingerprint carries the check.
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import sys

import matplotlib
import numpy as np
from matplotlib.collections import Collection
from matplotlib.colors import to_hex
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.text import Text

from . import diagrams, fonts
from .i18n import LANGUAGES, language as speaking

__all__ = ["FIGURES", "DPI", "READABLE_PX", "draw", "smallest_px", "fingerprint",
           "write", "write_all", "check", "language_dir"]

DPI = 100
RENDERER = f"matplotlib {matplotlib.__version__}"

ARTICLE = dict(input_size=5, kernel_size=3)
STRIDED = dict(input_size=5, kernel_size=3, stride=2, padding=1)

# Every figure must stay readable on a projector: fitted to 1024x768, its smallest text is
# at least READABLE_PX pixels (:func:`draw`, tests/test_figures.py).
PROJECTOR = (1024, 768)
READABLE_PX = 12


def _rows(prefix, letter, n_rows, n_cols, draw, kwargs):
    """Projector variants of a map: one image per row of panels (a few panels each)."""
    out = {}
    for r in range(n_rows):
        first, last = r * n_cols, r * n_cols + n_cols - 1
        out[f"{prefix}-{letter}{first}-{letter}{last}.png"] = (
            draw, dict(kwargs, panels=list(range(first, last + 1))))
    return out


# file name -> (drawing, keyword arguments)
FIGURES = {
    "02_forward-map.png": (diagrams.draw_forward_map, ARTICLE),
    "03_input-loss-map.png": (diagrams.draw_input_grad_map, ARTICLE),
    "03_participation-counts.png": (diagrams.draw_participation_counts, ARTICLE),
    # x6 sits one step in from the corner: its window shows dz and padding zeros together
    "03_full-correlation.png": (diagrams.draw_full_correlation, dict(ARTICLE, highlight=6)),
    "04_weight-derivative-map.png": (diagrams.draw_weight_grad_map, ARTICLE),
    "05_forward-map-stride2-padding1.png": (diagrams.draw_forward_map, STRIDED),
    "05_participation-counts-stride2-padding1.png": (diagrams.draw_participation_counts,
                                                     STRIDED),
    "05_full-correlation-stride2-padding1.png": (diagrams.draw_full_correlation,
                                                 dict(STRIDED, highlight=6)),
    "05_weight-derivative-map-stride2-padding1.png": (diagrams.draw_weight_grad_map, STRIDED),
    "06_im2col-matrix.png": (diagrams.draw_im2col_matrix, ARTICLE),
    "06_col2im-backward.png": (diagrams.draw_col2im_backward, ARTICLE),
    # projector variants of the maps of many panels: a few panels per image
    **_rows("02_forward-map-outputs", "z", 3, 3, diagrams.draw_forward_map, ARTICLE),
    **_rows("03_input-loss-map-inputs", "x", 5, 5, diagrams.draw_input_grad_map, ARTICLE),
    **_rows("05_forward-map-stride2-padding1-outputs", "z", 3, 3, diagrams.draw_forward_map,
            STRIDED),
}


def smallest_px(fig, screen=PROJECTOR):
    """The smallest text of ``fig`` in pixels when the PNG is fitted to ``screen``."""
    from matplotlib.text import Text
    w, h = fig.get_size_inches() * DPI
    scale = min(screen[0] / w, screen[1] / h)
    return min(t.get_fontsize() for t in fig.findobj(Text) if t.get_text().strip()) \
        * DPI / 72 * scale


def draw(name, language="en"):
    """Figure ``name`` as committed, in ``language`` ("en" or "zh"): drawn with the smallest
    text size (None, 12, 13, ... points) that keeps every text at least READABLE_PX pixels
    when fitted to 1024x768."""
    from .diagrams.gridpaper import smallest_text
    drawing, kwargs = FIGURES[name]
    for points in (None, *range(12, 21)):
        with smallest_text(points), speaking(language), fonts.bundled_only():
            fig = drawing(**kwargs)
        if smallest_px(fig) >= READABLE_PX:
            return fig
    raise ValueError(f"{name} cannot be drawn readable on a projector; split it (panels=)")


def _round(values, digits=3):
    return np.round(np.asarray(values, dtype=float), digits).tolist()


def _describe_artist(artist):
    if isinstance(artist, Text):
        return ["text", artist.get_text(), _round(artist.get_position()), artist.get_fontsize(),
                to_hex(artist.get_color(), keep_alpha=True), artist.get_rotation(),
                artist.get_ha(), artist.get_va(), str(artist.get_fontweight()),
                artist.get_fontfamily(), artist.get_alpha(), artist.get_gid()]
    if isinstance(artist, Collection):
        return ["collection", type(artist).__name__,
                [_round(p.vertices) for p in artist.get_paths()],
                [to_hex(c, keep_alpha=True) for c in artist.get_facecolor()],
                [to_hex(c, keep_alpha=True) for c in artist.get_edgecolor()],
                _round(artist.get_linewidth()), artist.get_hatch(), artist.get_zorder()]
    if isinstance(artist, FancyArrowPatch):  # its path is computed in pixels: use its ends
        return ["arrow", artist.get_gid(), artist.get_linewidth(), artist.get_mutation_scale(),
                to_hex(artist.get_edgecolor(), keep_alpha=True), artist.get_zorder()]
    if isinstance(artist, Patch):
        return ["patch", type(artist).__name__, _round(artist.get_path().vertices),
                _round(artist.get_patch_transform().get_matrix()),
                to_hex(artist.get_edgecolor(), keep_alpha=True),
                to_hex(artist.get_facecolor(), keep_alpha=True), artist.get_fill(),
                artist.get_linewidth(), artist.get_zorder()]
    raise TypeError(f"no description for {artist!r}")


def fingerprint(fig):
    """SHA-256 of what ``fig`` draws: its size, and every text, cell and frame in data
    coordinates. Independent of the pixels, so of the matplotlib version rasterising it."""
    parts = [["size", _round(fig.get_size_inches(), 2)]]
    parts += [_describe_artist(t) for t in fig.texts]
    for ax in fig.axes:
        parts.append(["axes", _round(ax.get_position().bounds, 4), _round(ax.get_xlim(), 3),
                      _round(ax.get_ylim(), 3)])
        parts += [_describe_artist(a) for a in (*ax.texts, *ax.collections, *ax.patches)]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _save(fig, path):
    fig.savefig(path, dpi=DPI, metadata={"Software": RENDERER,
                                         "Description": f"convkit-fingerprint:{fingerprint(fig)}"})
    return path


def language_dir(directory, language):
    """Where the figures of ``language`` go: ``directory`` (English), ``directory/zh``."""
    directory = pathlib.Path(directory)
    return directory if language == "en" else directory / language


def write(name, directory, language="en"):
    """Draw figure ``name`` in ``language`` and save it as a PNG (fingerprint in its metadata)
    into :func:`language_dir`; return the path."""
    return _save(draw(name, language), language_dir(directory, language) / name)


def write_all(directory):
    """Write every course figure into ``directory`` (English) and ``directory/zh`` (Chinese);
    return the paths."""
    paths = []
    for language in LANGUAGES:
        language_dir(directory, language).mkdir(parents=True, exist_ok=True)
        paths += [write(name, directory, language) for name in FIGURES]
    return paths


def _stored(path):
    """(fingerprint, renderer) a PNG was written with; None for what is absent."""
    from PIL import Image
    with Image.open(path) as image:
        info = dict(image.info)
    description, prefix = info.get("Description", ""), "convkit-fingerprint:"
    return (description[len(prefix):] if description.startswith(prefix) else None,
            info.get("Software"))


def check(directory, scratch=None, language="en"):
    """Compare the figures of ``language`` in ``directory`` (see :func:`language_dir`) with
    fresh drawings; return a list of problems.

    ``scratch``: a directory for fresh PNGs (and diff images); without it only the
    fingerprints are compared.
    """
    from matplotlib.testing.compare import compare_images
    from matplotlib.testing.exceptions import ImageComparisonFailure
    from PIL import Image

    directory = language_dir(directory, language)
    if scratch is not None:
        scratch = language_dir(scratch, language)
    problems = [f"{path} is not written by `make figures` (delete it)"
                for path in sorted(directory.glob("*.png")) if path.name not in FIGURES]
    for name in FIGURES:
        committed = directory / name
        if not committed.exists():
            problems.append(f"{committed} is missing")
            continue
        stored_print, renderer = _stored(committed)
        fig = draw(name, language)
        if stored_print != fingerprint(fig):
            problems.append(f"{committed} is stale: what it draws has changed")
            continue
        if scratch is None:
            continue
        scratch = pathlib.Path(scratch)
        scratch.mkdir(parents=True, exist_ok=True)
        fresh = _save(fig, scratch / name)
        if renderer == RENDERER:  # same rasteriser: the pixels must be identical
            try:
                diff = compare_images(str(committed), str(fresh), tol=0)
            except ImageComparisonFailure as error:  # e.g. the sizes differ
                diff = str(error)
            if diff is not None:
                problems.append(f"{committed} differs from a fresh rendering: {diff}")
        else:
            with Image.open(committed) as old, Image.open(fresh) as new:
                if old.size != new.size:
                    problems.append(f"{committed} is {old.size} pixels, a fresh rendering "
                                    f"{new.size}")
    return problems


def main(argv):
    """``python -m convkit_course.figures [DIR]``: DIR, or ./figures of the working directory."""
    directory = pathlib.Path(argv[0]) if argv else pathlib.Path.cwd() / "figures"
    for path in write_all(directory):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
