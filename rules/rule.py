"""A grammar rule: a named pattern with the real lines it reads and refuses.

Every pattern of the plan's grammar is a ``Rule`` in a module of this package,
its examples beside it as data; ``tests/test_rules.py`` runs every example of
every rule, so adding a variant is one edit in one place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Union

import regex

from .text import canonical, normalize_text

# An example: the line as printed, or (printed, {group: value}) when the
# groups it yields matter (the tidy text of each group).
Example = Union[str, tuple[str, Mapping[str, str | None]]]
# Which text a rule reads: canonical with layout spaces kept, or tidy (spaces
# next to Japanese removed); see rules.text.
FORMS = {"spaced": canonical, "tidy": normalize_text}


@dataclass(frozen=True)
class Rule:
    pattern: regex.Pattern
    examples: tuple[Example, ...]
    refuses: tuple[str, ...] = ()  # printed lines it must not read (the near misses seen)
    form: str = "tidy"
    how: str = "match"  # match | search | fullmatch: how the callers apply it

    def match(self, text: str, *args):
        return self.pattern.match(text, *args)

    def search(self, text: str, *args):
        return self.pattern.search(text, *args)

    def fullmatch(self, text: str, *args):
        return self.pattern.fullmatch(text, *args)

    def sub(self, repl, text: str, *args):
        return self.pattern.sub(repl, text, *args)

    def on(self, spaced: str, tidy: str):
        """The rule applied to a line whose two forms are already made."""
        return getattr(self.pattern, self.how)(spaced if self.form == "spaced" else tidy)

    def reads(self, printed: str):
        """The rule applied as its callers apply it, to a line as printed."""
        return getattr(self.pattern, self.how)(FORMS[self.form](printed))


def rule(pattern: str, examples: tuple[Example, ...], refuses: tuple[str, ...] = (),
         form: str = "tidy", how: str = "match") -> Rule:
    return Rule(regex.compile(pattern), examples, refuses, form, how)
