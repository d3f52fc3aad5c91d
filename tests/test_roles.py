"""tag/roles.py: the role a text gives a person, from general shapes of prose (no names)."""

from __future__ import annotations

import pytest
from clippings.model import Mention
from clippings.tag.roles import roles, roles_at


def at(text: str, name: str) -> list[str]:
    start = text.index(name)
    return roles_at(text, start, start + len(name))


@pytest.mark.parametrize(("text", "name", "expected"), [
    # a title straight before the name
    ("Yesterday President Obrador spoke.", "Obrador", ["President"]),
    ("It met Japanese Prime Minister Kenji Sato in May.", "Kenji Sato",
     ["Japanese Prime Minister"]),
    ("Deputy Foreign Minister Ana Lopez said so.", "Ana Lopez", ["Deputy Foreign Minister"]),
    ("U.S. Secretary of State Jo Kerr arrived.", "Jo Kerr", ["U.S. Secretary of State"]),
    ("Attorney General Jo Kerr said", "Jo Kerr", ["Attorney General"]),
    # an appositive after the name, caption asides and ages skipped
    ("Lin Wei, left, party chief of Anhui Province, talks.", "Lin Wei",
     ["party chief of Anhui Province"]),
    ("Lena Vogt, 56, a retired teacher, said so.", "Lena Vogt", ["retired teacher"]),
    ("Ana Lopez, a lawyer who represents the family, said", "Ana Lopez", ["lawyer"]),
    ("Lin, one of Hu's closest aides, is seen", "Lin", ["one of Hu's closest aides"]),
    ("Dan Ode, another vice secretary-general of the group, said", "Dan Ode",
     ["vice secretary-general of the group"]),
    # an appositive before the name
    ("After the Danish ambassador to Chile, Ole Berg, left the hall", "Ole Berg",
     ["Danish ambassador to Chile"]),
    ("Freedonia's foreign minister, Ana Lopez, said no.", "Ana Lopez",
     ["Freedonia's foreign minister"]),
    ("said the company's chief executive, Tim Roe.", "Tim Roe", ["chief executive"]),
])
def test_roles_found(text, name, expected):
    assert at(text, name) == expected


@pytest.mark.parametrize(("text", "name"), [
    ("Speaking to the minister, Lena Vogt said the plan works.", "Lena Vogt"),  # not closed
    ("Lena Vogt, 56, said so.", "Lena Vogt"),
    ("Ana Lopez, who leads the group, said", "Ana Lopez"),
    ("Ana Lopez, the daughter of a miner, said", "Ana Lopez"),  # no role word
    ("The talks with Mr. Koba went well.", "Koba"),  # an honorific is no role
    ("Speaking to the students, Wang Li, said", "Wang Li"),
    ("In Paris, Ana Lopez, said", "Ana Lopez"),
])
def test_no_role_where_the_text_gives_none(text, name):
    assert at(text, name) == []


def test_roles_of_all_mentions_in_order_each_once():
    text = ("Governor Ada Quill opened the bridge. Quill, the governor of Gotham, cut the tape. "
            "Later Governor Quill left.")
    mentions = [Mention(m, m + len(t), t) for t, m in (
        ("Ada Quill", text.index("Ada Quill")), ("Quill", text.index("Quill,")),
        ("Quill", text.rindex("Quill")))]
    assert roles(text, mentions) == ["Governor", "governor of Gotham"]
