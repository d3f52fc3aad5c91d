"""Pelican settings for publishing (`make publish`): pelicanconf.py plus absolute URLs and feeds."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Set SITEURL to where the archive is served (e.g. https://<user>.github.io/<repo>).
SITEURL = os.environ.get("CLIPPINGS_SITEURL", "https://example.org/clippings")
RELATIVE_URLS = False

# Feeds list dated articles only (an undated article has no date a feed could carry).
CLIPPINGS_FEED_ATOM = "feeds/all.atom.xml"
CLIPPINGS_FEED_RSS = "feeds/all.rss.xml"

DELETE_OUTPUT_DIRECTORY = True
