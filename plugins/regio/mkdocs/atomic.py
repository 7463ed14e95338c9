"""Atomic output: build into a temporary folder beside site/ and swap it in only on success.

A failed build (bad data, a crash in a later step, or warnings in strict mode) leaves the previous
site/ exactly as it was, and never a half-written one.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path


class _Teller(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.aantal = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.aantal += 1


class AtomischeMap:
    """One build's output folder: ``begin(doel)``, then ``klaar()`` or ``stop()``."""

    def __init__(self) -> None:
        self.doel: Path | None = None
        self.tijdelijk: Path | None = None
        self._teller = _Teller()

    def begin(self, doel: Path) -> Path:
        self.doel = doel
        self.tijdelijk = doel.parent / f".{doel.name}.bouw-{os.getpid()}"
        if self.tijdelijk.exists():
            shutil.rmtree(self.tijdelijk)
        self._teller.aantal = 0
        logging.getLogger("mkdocs").addHandler(self._teller)
        return self.tijdelijk

    @property
    def waarschuwingen(self) -> int:
        return self._teller.aantal

    def klaar(self) -> None:
        """Swap the finished build in place of the old output."""
        assert self.doel is not None and self.tijdelijk is not None
        self._los()
        oud = self.doel.parent / f".{self.doel.name}.oud-{os.getpid()}"
        if self.doel.exists():
            self.doel.rename(oud)
        self.tijdelijk.rename(self.doel)
        if oud.exists():
            shutil.rmtree(oud)

    def einde(self, strikt: bool) -> Path | None:
        """After the build: swap it in and return the output folder, or, when a strict build had
        warnings (MkDocs then aborts right after), throw it away and return None."""
        if strikt and self.waarschuwingen:
            self.stop()
            return None
        self.klaar()
        return self.doel

    def stop(self) -> None:
        """Throw the unfinished build away; the old output stays as it was."""
        self._los()
        if self.tijdelijk is not None and self.tijdelijk.exists():
            shutil.rmtree(self.tijdelijk)

    def _los(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self._teller)
