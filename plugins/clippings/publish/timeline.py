"""A timeline of mentions by month, as an inline SVG bar chart (and the rows of its text twin).

Only dated articles count: an undated article has no month, and we never invent one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from .svg import figure, number

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WIDTH, HEIGHT = 600, 120
TOP, BASE = 16, 96  # the tallest bar reaches TOP; bars stand on BASE; year labels below it
LEFT, RIGHT = 4, 4
LABEL_WIDTH = 40  # room a year label needs

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Timeline:
    svg: Markup
    rows: list[tuple[str, int]]  # ("Mar 2015", mentions) for each month with any


def timeline(ident: str, name: str, counts: Iterable[tuple[Month, int]]) -> Timeline | None:
    """Mentions per month from the first month to the last; None without a dated mention."""
    by_month: Counter[Month] = Counter()
    for month, count in counts:
        by_month[month] += count
    if not by_month:
        return None
    months = _span(min(by_month), max(by_month))
    tallest = max(by_month.values())
    step = (WIDTH - LEFT - RIGHT) / len(months)
    gap = step * 0.15 if step > 3 else 0
    parts = [f'<line class="axis" x1="{LEFT}" y1="{BASE}" x2="{WIDTH - RIGHT}" y2="{BASE}"/>',
             f'<text class="label" x="{LEFT}" y="{TOP - 4}">{tallest} a month at most</text>']
    last_label = -LABEL_WIDTH
    for i, month in enumerate(months):
        x = LEFT + i * step
        count = by_month.get(month, 0)
        if count:
            height = max(1.0, (BASE - TOP) * count / tallest)
            parts.append(f'<rect class="bar" x="{number(x + gap / 2)}" '
                         f'y="{number(BASE - height)}" width="{number(max(step - gap, 0.6))}" '
                         f'height="{number(height)}"><title>{_label(month)}: {count} '
                         f'mention{"" if count == 1 else "s"}</title></rect>')
        # A year is labelled where it starts, unless that would run into the previous label.
        if (i == 0 or month[1] == 1) and x - last_label >= LABEL_WIDTH:
            last_label = x
            parts.append(f'<text class="label" x="{number(x)}" y="{BASE + 16}">{month[0]}</text>')
    rows = [(_label(m), by_month[m]) for m in months if by_month.get(m)]
    first, last = _label(months[0]), _label(months[-1])
    desc = (f"Bars per month from {first} to {last}; the busiest month has {tallest} "
            f"mention{'' if tallest == 1 else 's'}. The table below lists every month.")
    svg = figure(ident, "timeline", f"0 0 {WIDTH} {HEIGHT}",
                 f"Mentions of {name} by month", desc, parts)
    return Timeline(svg, rows)


def month_of(date: object) -> Month:
    return (date.year, date.month)  # type: ignore[attr-defined]


def _span(first: Month, last: Month) -> list[Month]:
    months, (year, month) = [], first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _label(month: Month) -> str:
    return str(escape(f"{MONTHS[month[1] - 1]} {month[0]}"))
