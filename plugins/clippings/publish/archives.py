"""archives.html and one page per year, per month and for the undated articles.

archives/<year>.html, archives/<year>-<month>.html and archives/undated.html: files, never
folders, so every link names the file it opens (file:// has no index pages). A date's year and
month are those it was given in (an article dated 31 December 23:30 at UTC-5 is December's).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import Generator

from .order import newest_first
from .readers import MONTHS

FOLDER = "archives"


@dataclass
class Period:
    """A year, a month of a year, or the undated articles, with its articles newest first."""

    title: str
    url: str
    articles: list[Any] = field(default_factory=list)
    months: list[Period] = field(default_factory=list)  # a year's months, newest first


def periods(articles: list[Any]) -> tuple[list[Period], Period | None]:
    """The years (newest first, each with its months) and the undated period (None if empty)."""
    by_month: dict[tuple[int, int], list[Any]] = defaultdict(list)
    undated = []
    for article in sorted(articles, key=newest_first):
        if getattr(article, "undated", False):
            undated.append(article)
        else:
            by_month[(article.date.year, article.date.month)].append(article)
    years: dict[int, Period] = {}
    for year, month in sorted(by_month, reverse=True):
        if year not in years:
            years[year] = Period(str(year), f"{FOLDER}/{year:04d}.html")
        month_articles = by_month[(year, month)]
        years[year].months.append(Period(f"{MONTHS[month - 1]} {year}",
                                         f"{FOLDER}/{year:04d}-{month:02d}.html", month_articles))
        years[year].articles.extend(month_articles)
    rest = Period("Undated", f"{FOLDER}/undated.html", undated) if undated else None
    return list(years.values()), rest


class ArchivesGenerator(Generator):
    """archives.html (the periods with their counts) and a page per period."""

    def generate_context(self) -> None:
        years, undated = periods(self.context.get("articles", []))
        self.context["archive_years"] = years
        self.context["archive_undated"] = undated

    def generate_output(self, writer: Any) -> None:
        relative = self.settings.get("RELATIVE_URLS", False)
        template = self.get_template("period")
        years, undated = self.context["archive_years"], self.context["archive_undated"]
        pages = [(year, "year") for year in years]
        pages += [(month, "month") for year in years for month in year.months]
        pages += [(undated, "undated")] if undated else []
        for period, kind in pages:
            writer.write_file(period.url, template, self.context, relative_urls=relative,
                              url=period.url, period=period, period_kind=kind,
                              articles=period.articles, template_name="period")


def generators(pelican: Any) -> type[Generator]:
    """get_generators: the period pages."""
    return ArchivesGenerator
