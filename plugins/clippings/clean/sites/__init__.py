"""Per-site rules as data: one small text file per site in this folder, named for its host.

The format (see rules.py) and the matching (see match.py) follow FiveFilters' ftr-site-config,
with CSS selectors. Write a rule only where the general finder fails for a reason of that site's
own; each rule file has a fixture page and a test (tests/test_sites.py). A rule picks the article
container and strips elements, but everything after that (in-article chrome removal, figures,
the sanitizer) still runs: a rule never lets markup through unchecked.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .apply import article, fields, masthead, strip
from .match import find, host_of
from .rules import Rule, RuleError, read

DIRECTORY = Path(__file__).parent
NO_RULE = Rule()

__all__ = ["DIRECTORY", "NO_RULE", "Rule", "RuleError", "article", "fields", "host_of",
           "masthead", "rule_for", "strip"]


def rule_for(url: str | None, where: str, warnings: list[str],
             directory: Path | None = None) -> Rule:
    """The rule for the page at ``url`` (NO_RULE when there is none). A rule file that cannot
    be used adds a warning naming it and counts as no rule: a bad file never stops a build."""
    path = find(url, directory or DIRECTORY)
    if path is None:
        return NO_RULE
    rule = _load(path)
    if isinstance(rule, RuleError):
        warnings.append(f"{where}: {rule}; the file is ignored")
        return NO_RULE
    return rule


@cache
def _load(path: Path) -> Rule | RuleError:
    # Read once per run; a bad file is remembered as its error, reported for each page it covers.
    try:
        return read(path)
    except RuleError as error:
        return error
