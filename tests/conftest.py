from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(
    not (CORPUS.is_dir() and GOLD.is_dir()),
    reason="../shared (corpus and gold) is not beside this clone; the golden tests need it",
)


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from govreport.pipeline import default_pipeline

    return default_pipeline()


def _ocr_ready() -> bool:
    if not (shutil.which("tesseract") and shutil.which("pdftoppm") and shutil.which("fc-list")):
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False).stdout
    return "chi_sim" in langs.split() and bool(fonts.strip())


needs_ocr = pytest.mark.skipif(not _ocr_ready(), reason="OCR needs tesseract with chi_sim, pdftoppm and a Chinese "
                               "font (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils "
                               "fonts-wqy-zenhei)")
