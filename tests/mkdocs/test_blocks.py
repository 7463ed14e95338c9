"""The HTML blocks of generated pages go past Markdown and come back whole, or the build stops."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import vervang

# Another extension that does not hand a placeholder back as a paragraph of its own.
VERANDERENDE_HOOK = r"""
import re


def on_page_markdown(markdown, **kwargs):
    return re.sub(r"^(regioblok[0-9a-f]+x\d+)$", r"*\1*", markdown, flags=re.M)
"""


def test_a_placeholder_that_markdown_changed_stops_the_build_naming_the_page(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (project / "hook.py").write_text(VERANDERENDE_HOOK, encoding="utf-8")
    vervang(
        project,
        "mkdocs.yml",
        "markdown_extensions:\n",
        "hooks:\n  - hook.py\nmarkdown_extensions:\n",
    )
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    assert re.search(r"\S+\.md: HTML-blok 1 kwam niet als eigen alinea terug", caplog.text)
    assert "zet htmlblokken: false" in caplog.text
    assert not (project / "site").exists()
