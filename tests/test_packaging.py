"""The wheel a user installs holds both packages and runs the course without the checkout;
the maths library alone needs numpy and nothing else.

One (slow, ~30 s) test builds the wheel from a clean copy of the source tree, installs it
*non-editable* into a fresh virtual environment, imports every module the wheel lists (so a new
subpackage or exercise module is covered without editing this file) and executes notebook 00 in
a kernel of that environment, from a directory outside the repository.

Third-party packages: installing the wheel's dependencies into the fresh venv takes over two
minutes (JupyterLab alone pulls in ~90 distributions), so the fresh venv borrows the test
environment's site-packages through a ``.pth`` file instead.  A ``.pth`` entry is put on
``sys.path`` but its own ``.pth`` files are not run, so the test environment's *editable*
convkit hook stays inactive; the tests assert that convkit is imported from the fresh venv.
Because borrowing would hide an undeclared dependency, a separate check reads the wheel's own
modules and requires every third-party import to come from a declared dependency (or one of
theirs).
"""
from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

# what a fresh clone has that a build must not see (stale build/lib files would end up in the wheel)
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", ".ipynb_checkpoints", "test-artifacts")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """Build the wheel from a clean copy of the tree -> path of the .whl file."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist", source])
    (built,) = (work / "dist").glob("convkit-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    """A fresh venv with the wheel installed non-editable -> its python."""
    home = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", home / "venv"])
    python = home / "venv" / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
         "--no-index", wheel])
    purelib = pathlib.Path(query(python, "import sysconfig; print(sysconfig.get_paths()['purelib'])"))
    borrowed = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (purelib / "_borrowed_test_env.pth").write_text("\n".join(borrowed) + "\n")
    return python


def run(command, **kwargs):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                            timeout=300, **kwargs)
    assert result.returncode == 0, f"{command[:4]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def query(python, code, **kwargs):
    return run([python, "-c", code], **kwargs).strip()


def clean_env(**extra):
    """The environment of a user's shell: no PYTHONPATH, no checkout on the path."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env.update(extra)
    return env


PACKAGES = ("convkit", "convkit_course")


def in_package(name, packages=PACKAGES):
    return name.split("/")[0] in packages


def wheel_modules(wheel):
    """Every module in the wheel, e.g. 'convkit', 'convkit_course.exercises'."""
    names = zipfile.ZipFile(wheel).namelist()
    return sorted(re.sub(r"(/__init__)?\.py$", "", name).replace("/", ".")
                  for name in names if in_package(name) and name.endswith(".py"))


def test_wheel_holds_every_file_of_both_packages(wheel):
    in_wheel = {name for name in zipfile.ZipFile(wheel).namelist() if in_package(name)}
    in_source = {path.relative_to(ROOT).as_posix() for package in PACKAGES
                 for path in (ROOT / package).rglob("*")
                 if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}
    missing = sorted(in_source - in_wheel)
    assert not missing, (f"the wheel lacks {missing}: a subpackage needs an __init__.py, a data "
                         "file a [tool.setuptools.package-data] entry in pyproject.toml")
    assert not in_wheel - in_source, f"stale files in the wheel: {sorted(in_wheel - in_source)}"
    assert {"convkit", "convkit_course.exercises"} <= set(wheel_modules(wheel))


def test_every_module_imports_from_the_installed_wheel(wheel, venv, tmp_path):
    modules = wheel_modules(wheel)
    code = textwrap.dedent(f"""
        import importlib, json, sys
        files = {{name: importlib.import_module(name).__file__ for name in {modules!r}}}
        print(json.dumps(files))
    """)
    files = json.loads(query(venv, code, cwd=tmp_path, env=clean_env(MPLBACKEND="Agg")))
    prefix = str(venv.parent.parent)
    outside = {name: path for name, path in files.items() if not path.startswith(prefix)}
    assert not outside, f"imported from outside the fresh venv {prefix}: {outside}"
    assert len(files) == len(modules) > 20


def test_notebook_00_runs_in_a_kernel_of_the_installed_wheel(venv, tmp_path):
    """nbclient in the fresh venv runs notebook 00 with that venv's python as the kernel."""
    kernels = tmp_path / "jupyter" / "kernels" / "python3"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [str(venv), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (fresh venv)", "language": "python"}))
    work = tmp_path / "course"
    work.mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start-here.ipynb", work)
    code = textwrap.dedent("""
        import nbformat
        from nbclient import NotebookClient
        nb = nbformat.read("00_start-here.ipynb", as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(
            "import sys, convkit\\nprint(sys.executable)\\nprint(convkit.__file__)"))
        NotebookClient(nb, timeout=120, kernel_name="python3").execute()
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                  if o.output_type == "error"]
        assert not errors, errors
        print(nb.cells[-1].outputs[0].text)
    """)
    env = clean_env(JUPYTER_PATH=str(tmp_path / "jupyter"))
    env.pop("MPLBACKEND", None)  # the notebook's own %matplotlib inline decides
    executable, convkit_file = query(venv, code, cwd=work, env=env).splitlines()[-2:]
    prefix = str(venv.parent.parent)
    assert executable.startswith(prefix), f"the kernel ran {executable}, not the fresh venv"
    assert convkit_file.startswith(prefix), f"the kernel imported convkit from {convkit_file}"


def declared(wheel, extra=None):
    """The wheel's Requires-Dist lines: the base ones, or those of one extra."""
    metadata = zipfile.ZipFile(wheel).read("convkit-0.1.0.dist-info/METADATA").decode()
    lines = [line.split(":", 1)[1].strip() for line in metadata.splitlines()
             if line.startswith("Requires-Dist:")]
    if extra is None:
        return [line for line in lines if "extra ==" not in line]
    return [line.split(";")[0].strip() for line in lines if f'extra == "{extra}"' in line]


# Modules that need an extra beyond their package's: the instructor's grading tool (nbgrader).
MODULE_EXTRAS = {"convkit_course/instructor/grading.py": ("instructor",)}


@pytest.mark.parametrize("package, extras, allowed", [
    ("convkit", (), {"convkit"}),
    ("convkit_course", ("course",), {"convkit", "convkit_course"}),
])
def test_third_party_imports_are_declared_dependencies(wheel, package, extras, allowed):
    """Every import of a non-stdlib package comes from a declared dependency: numpy alone for
    the library, the extra ``course`` for the course machinery (and the modules of
    ``MODULE_EXTRAS`` their own extra).

    Imports inside ``try: ... except ImportError`` are optional (e.g. torch in bench) and skipped.
    """
    requirements = declared(wheel) + [r for extra in extras for r in declared(wheel, extra)]
    reachable = dependency_closure(requirements)
    providers = importlib.metadata.packages_distributions()
    archive = zipfile.ZipFile(wheel)
    unmet = {}
    for name in archive.namelist():
        if in_package(name, (package,)) and name.endswith(".py"):
            more = [r for extra in MODULE_EXTRAS.get(name, ()) for r in declared(wheel, extra)]
            here = reachable | dependency_closure(more) if more else reachable
            for top in required_imports(archive.read(name).decode()):
                if top in sys.stdlib_module_names or top in allowed:
                    continue
                dists = {canonical(d) for d in providers.get(top, [top])}
                if not dists & here:
                    unmet.setdefault(top, []).append(name)
    assert not unmet, f"imported but not (transitively) declared in pyproject.toml: {unmet}"


def required_imports(source):
    """Top-level names imported by ``source``, outside try-blocks that catch ImportError."""
    tree = ast.parse(source)
    optional = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                "ImportError" in ast.unparse(handler.type or ast.Name("BaseException"))
                for handler in node.handlers):
            optional |= {id(inner) for stmt in node.body for inner in ast.walk(stmt)}
    names = set()
    for node in ast.walk(tree):
        if id(node) in optional:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def dependency_closure(requirements):
    """Canonical names of the requirements and, recursively, of what they require (no extras)."""
    from packaging.requirements import Requirement

    seen, todo = set(), list(requirements)
    while todo:
        requirement = Requirement(todo.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonical(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += importlib.metadata.requires(requirement.name) or []
        except importlib.metadata.PackageNotFoundError:
            pass
    return seen


def test_the_library_alone_installs_numpy_and_nothing_else(wheel, tmp_path):
    """`pip install convkit` (no extra) resolves to convkit and numpy, from the package index."""
    report = tmp_path / "report.json"
    run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
         "--report", report, wheel])
    names = {canonical(item["metadata"]["name"]) for item in json.loads(report.read_text())["install"]}
    assert names == {"convkit", "numpy"}


def test_the_library_alone_runs_with_numpy_only(wheel, tmp_path):
    """In a venv holding numpy and the wheel only, convkit computes a layer and its gradients
    without loading anything of the course."""
    home = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", home])
    python = home / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "numpy"])
    run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel])
    out = query(python, textwrap.dedent("""
        import sys
        import numpy as np
        import convkit as ck
        layer = ck.Conv2d(2, 3, 3, padding=1, rng=0)
        x = np.random.default_rng(0).standard_normal((2, 2, 5, 5))
        y = layer.forward(x)
        dx = layer.backward(np.ones_like(y))
        print(y.shape, dx.shape, sorted(m.split(".")[0] for m in sys.modules
                                        if m.split(".")[0] in ("matplotlib", "convkit_course")))
    """), cwd=tmp_path, env=clean_env())
    assert out == "(2, 3, 5, 5) (2, 2, 5, 5) []"
