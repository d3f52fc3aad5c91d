"""Clippings: scraped news pages → a clean, tagged, static Pelican archive.

Pelican calls ``register()``; everything Pelican-specific lives in ``clippings.publish`` and is
imported only then, so ``import clippings`` (the CLI, the tests of the stages) stays light.
"""


def register() -> None:
    """Connect the publish stage to Pelican's signals."""
    from pelican import signals

    from .publish import (
        archives,
        feeds,
        images,
        order,
        provenance,
        readers,
        report,
        search,
        sitemap,
        sources,
        tagging,
        taxonomy,
    )

    signals.initialized.connect(order.configure)
    signals.readers_init.connect(readers.install)
    signals.get_generators.connect(taxonomy.generators)
    signals.get_generators.connect(feeds.generators)
    signals.feed_generated.connect(feeds.own_ids)
    signals.get_generators.connect(archives.generators)
    signals.get_generators.connect(sources.generators)
    signals.get_generators.connect(provenance.generators)
    signals.get_generators.connect(search.generators)
    signals.content_written.connect(sitemap.remember)
    signals.finalized.connect(sitemap.write)
    signals.article_generator_init.connect(report.reset_counters)
    # Tagged in one batch once every article is read, before the generators that list them.
    signals.article_generator_pretaxonomy.connect(tagging.tag_articles)
    signals.page_generator_finalized.connect(tagging.tag_articles)
    signals.article_generator_finalized.connect(images.show_local_images)
    signals.finalized.connect(report.ner_summary)
