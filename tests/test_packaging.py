"""The conda environment mirrors pyproject.toml, and the repo layout is complete."""

from __future__ import annotations

import re
import tomllib

import nbformat
import yaml

from newsvoices.config import PROJ_ROOT

# conda-forge names for PyPI packages that are spelled differently
CONDA_NAMES = {"dask[distributed]": ["dask", "distributed"]}


def _name(req: str) -> str:
    return re.split(r"[<>=!~ ;]", req, maxsplit=1)[0].strip().lower()


def test_environment_yml_mirrors_pyproject():
    py = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in py["dependencies"]}
    for extra, reqs in py["optional-dependencies"].items():
        wanted |= {_name(r) for r in reqs if not r.startswith("newsvoices")}
    expanded = set()
    for w in wanted:
        expanded |= set(CONDA_NAMES.get(w, [w]))
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text())
    have = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            have |= {_name(d) for d in dep.get("pip", []) if not d.startswith("-")}
        else:
            have.add(_name(dep))
    have -= {"python", "pip"}
    assert expanded - have == set(), "in pyproject.toml but not environment.yml"
    assert have - expanded == set(), "in environment.yml but not pyproject.toml"


def test_layout():
    for p in ["notebooks", "src/newsvoices", "data", "seeds", "environment.yml", "README.md",
              "pyproject.toml", "Makefile", "tests", ".ci/run"]:
        assert (PROJ_ROOT / p).exists(), p


def test_notebooks_are_stripped_and_parameterised():
    books = sorted((PROJ_ROOT / "notebooks").glob("*.ipynb"))
    assert len(books) >= 4
    for nb_path in books:
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], f"{nb_path.name}: outputs must be stripped in git"
                assert cell.execution_count is None, nb_path.name
        tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{nb_path.name}: needs exactly one 'parameters' cell"
        # papermill cannot parse a parameter comment containing '='
        for line in tagged[0].source.splitlines():
            if "#" in line and "=" in line:
                assert "=" not in line.split("#", 1)[1], f"{nb_path.name}: '=' in a parameter comment"
