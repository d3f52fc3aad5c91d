"""Adding scrapes to the archive: ``clippings import`` (files, folders, URLs, MHTML, WARC).

Each input becomes zero or more articles; each article is checked by the read stage, compared
with what content/ already holds (canonical URL and text shingles), then copied byte for byte to
``<content>/<source>/<year>/<slug>.<ext>`` with a provenance sidecar beside it.
"""
