"""The publish stage: Pelican readers, ordering, taxonomy pages and feeds for Clippings.

Only this package knows Pelican. It turns each Clipping (from ``clippings.pipeline``) into a
Pelican article and writes the people/ and places/ pages.
"""
