"""Project paths, so notebooks and scripts never hard-code locations.

``PROJ_ROOT`` is the repository checkout when the package is installed in
editable mode (the normal set-up, see README). ``DATA_DIR`` holds the editable
rule files (reporting verbs, codebooks, lexicons); when the package is installed
from a wheel, the copy shipped inside the package is used instead.

Example:
    >>> from newsvoices.config import DATA_DIR
    >>> (DATA_DIR / "codebooks").is_dir()
    True
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJ_ROOT = PACKAGE_DIR.parents[1]


def _data_dir() -> Path:
    env = os.environ.get("NEWSVOICES_DATA_DIR")
    if env:
        return Path(env)
    repo_data = PROJ_ROOT / "data"
    if (repo_data / "codebooks").is_dir():
        return repo_data
    return PACKAGE_DIR / "_data"  # wheel install: data/ is force-included here


DATA_DIR = _data_dir()
SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
#: Read-only shared corpora and gold data next to the checkout (may be absent).
SHARED_DIR = Path(os.environ.get("NEWSVOICES_SHARED_DIR", PROJ_ROOT.parent / "shared"))
