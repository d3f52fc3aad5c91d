"""Feeds of dated articles only: a feed entry must carry a date, and we never invent one.

Pelican's own FEED_* settings would put undated articles in with their sentinel date, so the
site leaves those off and sets CLIPPINGS_FEED_ATOM / CLIPPINGS_FEED_RSS (publishconf.py) instead.
With no dated article at all there is no feed: an empty feed would carry the build's own time.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican.generators import Generator

logger = logging.getLogger(__name__)

FEEDS = (("CLIPPINGS_FEED_ATOM", "atom"), ("CLIPPINGS_FEED_RSS", "rss"))


class FeedsGenerator(Generator):
    def generate_context(self) -> None:
        self.dated = [a for a in self.context.get("articles", [])
                      if not getattr(a, "undated", False)]
        if not self.dated:
            logger.info("No dated articles: no feeds written")
            for setting, _type in FEEDS:
                self.context[setting] = None  # and the theme links to none

    def generate_output(self, writer: Any) -> None:
        for setting, feed_type in FEEDS:
            path = self.context.get(setting)
            if path:
                writer.write_feed(self.dated, self.context, path, feed_type=feed_type)


def generators(pelican: Any) -> type[Generator] | None:
    """get_generators: only when the settings ask for a feed."""
    if any(pelican.settings.get(setting) for setting, _type in FEEDS):
        return FeedsGenerator
    return None
