"""Sites built once per test session and shared by the test modules that only read them."""

from __future__ import annotations

from pathlib import Path

import pytest
from standin import SITEURL, build_site


@pytest.fixture(scope="session")
def relative(tmp_path_factory) -> Path:
    """The stand-in archive as `make html` builds it: relative URLs, for file://."""
    return build_site(tmp_path_factory.mktemp("relative"))


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The stand-in archive as `make publish` builds it, under an absolute SITEURL."""
    return build_site(tmp_path_factory.mktemp("published"), conf="publishconf.py",
                      SITEURL=SITEURL)
