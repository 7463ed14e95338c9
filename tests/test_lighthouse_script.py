"""scripts/lighthouse.py without running Lighthouse: the nginx configuration it serves the site
with (checked by nginx itself when installed) and how it sums up the runs."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import REPO


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lighthouse", REPO / "scripts" / "lighthouse.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["lighthouse"] = module
    spec.loader.exec_module(module)
    return module


lh = _script()


def test_nginx_config_serves_the_site_gzipped_with_a_cache_header(tmp_path: Path) -> None:
    config = lh.nginx_config(tmp_path / "site", 8123, tmp_path)
    assert "listen 127.0.0.1:8123;" in config
    assert f"root {tmp_path / 'site'};" in config
    assert "gzip on;" in config
    assert "gzip_types text/css application/javascript application/json image/svg+xml;" in config
    assert 'add_header Cache-Control "max-age=600";' in config
    # Everything nginx writes stays in the temporary folder: no root needed.
    assert f"pid {tmp_path / 'nginx.pid'};" in config
    assert f"client_body_temp_path {tmp_path / 'client_body'};" in config
    if shutil.which("nginx") or Path(lh.NGINX).exists():
        (tmp_path / "nginx.conf").write_text(config, encoding="utf-8")
        controle = subprocess.run(
            [
                lh.NGINX,
                "-t",
                "-p",
                str(tmp_path),
                "-e",
                str(tmp_path / "error.log"),
                "-c",
                str(tmp_path / "nginx.conf"),
            ],
            capture_output=True,
            text=True,
        )
        assert controle.returncode == 0, controle.stderr


def _rapport(prestatie: float, fcp: float) -> dict[str, object]:
    return {
        "categories": {
            "performance": {"score": prestatie},
            "accessibility": {"score": 1.0},
            "best-practices": {"score": 0.96},
            "seo": {"score": None},  # a category Lighthouse could not score
        },
        "audits": {
            "first-contentful-paint": {"numericValue": fcp},
            "largest-contentful-paint": {"numericValue": 2400.0},
            "total-blocking-time": {"numericValue": 30.0},
        },
    }


def test_the_summary_is_the_median_per_category_and_page() -> None:
    runs = {
        "contact/": [lh.meting(_rapport(p, f)) for p, f in ((0.9, 900), (0.7, 1500), (0.8, 1000))]
    }
    mediaan = lh.samenvatting(runs)
    assert mediaan["contact/"]["performance"] == 80
    assert mediaan["contact/"]["first-contentful-paint"] == 1000
    assert "seo" not in mediaan["contact/"]
    info = {"runs": 3, "lighthouse": "12.8.2", "chromium": "Chromium", "datum": "d", "commit": "c"}
    tabel = lh.markdown(mediaan, info)
    assert "| `/contact/` | 80 | 100 | 96 | - | 1.00 s | 2.40 s | 30 ms |" in tabel
