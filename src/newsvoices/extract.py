"""Quotation extraction and speaker attribution for one article.

This module defines the records the rest of newsvoices consumes. ``extract``
returns, for one :class:`~newsvoices.model.Article`:

* ``quotes``: each direct quotation (offsets enclose the words inside the marks)
  or reported speech (offsets enclose the reported content), with its cue and the
  mention of the speaker at this quote;
* ``entities``: the people and organisations of the article, each resolved to one
  canonical name (``Robert Bates`` for "Robert Bates", "Mr Bates", "Bates", "he");
* ``mentions``: every mention of an entity, quoted or not, with offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Article


@dataclass
class Entity:
    """A person, organisation or unnamed source within one article.

    Attributes:
        key: id within the article (``e1``, ``e2`` ...).
        name: canonical name ("Robert Bates", "Home Office", "one civil servant").
        kind: ``person``, ``organisation``, ``anonymous`` or ``group``.
        description: appositive or role ("founder of the Centre for Migration Control").
        organisation: organisation the entity belongs to or speaks for.
    """

    key: str
    name: str
    kind: str = "person"
    description: str | None = None
    organisation: str | None = None


@dataclass
class Mention:
    """One mention of an entity in the text."""

    entity: str
    start: int
    end: int
    text: str
    kind: str = "name"  # name | surname | pronoun | role | nominal


@dataclass
class Quote:
    """A quotation or reported speech with its attribution."""

    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    entity: str | None = None  # Entity.key of the resolved speaker
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass
class Extraction:
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


_PAIR = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_SAID = re.compile(r"\b([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*) (?:said|says|told)\b")


def extract(article: Article) -> Extraction:
    """Find quotations in ``article`` and attribute them to speakers.

    Placeholder: pairs double quotation marks within a paragraph and attributes
    them to a capitalised name before "said" in the same paragraph.
    """
    text = article.text
    out = Extraction()
    keys: dict[str, str] = {}
    for ps, pe in article.paragraphs:
        para = text[ps:pe]
        m_said = _SAID.search(para)
        for m in _PAIR.finditer(para):
            q = Quote(ps + m.start(1), ps + m.end(1), m.group(1), "direct")
            if m_said:
                name = m_said.group(1)
                if name not in keys:
                    keys[name] = f"e{len(keys) + 1}"
                    out.entities.append(Entity(keys[name], name))
                q.entity = keys[name]
                q.speaker_mention = name
                q.speaker_start, q.speaker_end = ps + m_said.start(1), ps + m_said.end(1)
                out.mentions.append(Mention(keys[name], q.speaker_start, q.speaker_end, name))
            out.quotes.append(q)
    return out
