"""Clippings: scraped news pages → a clean, tagged, static Pelican archive.

Pelican calls ``register()``; everything Pelican-specific lives in ``clippings.publish`` and is
imported only then, so ``import clippings`` (the CLI, the tests of the stages) stays light.
"""


def register() -> None:
    """Connect the publish stage to Pelican's signals."""
    from pelican import signals

    from .publish import feeds, order, readers, report, taxonomy

    signals.initialized.connect(order.configure)
    signals.readers_init.connect(readers.install)
    signals.get_generators.connect(taxonomy.generators)
    signals.get_generators.connect(feeds.generators)
    signals.article_generator_init.connect(report.reset_counters)
    signals.finalized.connect(report.ner_summary)
