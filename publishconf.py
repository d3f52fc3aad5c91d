"""Pelican settings for publishing (`make publish`): pelicanconf.py plus absolute URLs and feeds."""

import os
import sys

# pelicanconf.py sits beside this file, wherever Pelican is run from.
sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

# Set SITEURL to where the archive is served (e.g. https://<user>.github.io/<repo>).
SITEURL = os.environ.get("CLIPPINGS_SITEURL", "https://example.org/clippings")
RELATIVE_URLS = False

# Feeds list dated articles only (an undated article has no date a feed could carry).
CLIPPINGS_FEED_ATOM = "feeds/all.atom.xml"
CLIPPINGS_FEED_RSS = "feeds/all.rss.xml"
# One Atom feed per person, place and source. Publish mode only: feeds need absolute URLs, and
# the local build (file://, relative links) has none to give them (see publish/feeds.py).
CLIPPINGS_PERSON_FEED_ATOM = "feeds/people/{slug}.atom.xml"
CLIPPINGS_PLACE_FEED_ATOM = "feeds/places/{slug}.atom.xml"
CLIPPINGS_SOURCE_FEED_ATOM = "feeds/sources/{slug}.atom.xml"
CLIPPINGS_TERM_FEED_MAX_ITEMS = 20  # newest articles per person/place feed

# sitemap.xml (every page, absolute URLs) and robots.txt pointing to it: publish mode only.
CLIPPINGS_SITEMAP = "sitemap.xml"

DELETE_OUTPUT_DIRECTORY = True
