"""Read a committed notebook's text, so checker tests can assert that the exercise the
notebook states is the one its checker judges (they live in two files and could drift)."""
import json
import pathlib

NOTEBOOKS = pathlib.Path(__file__).resolve().parent.parent / "notebooks"


def notebook_text(name, outputs=False):
    """Markdown of notebook ``name`` (or, with ``outputs=True``, its stored text outputs),
    whitespace collapsed to single spaces."""
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    parts = []
    for cell in nb["cells"]:
        if outputs:
            for out in cell.get("outputs", []):
                parts.append("".join(out.get("text", "")))
                parts.append("".join(out.get("data", {}).get("text/plain", "")))
        elif cell["cell_type"] == "markdown":
            parts.append("".join(cell["source"]))
    return " ".join(" ".join(parts).split())
