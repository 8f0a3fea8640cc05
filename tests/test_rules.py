"""Every example of every rule in rules/: the lines it must read (with the
groups it must yield) and the near misses it must refuse. Adding a variant is
adding its example beside its rule."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import rules
from rules.rule import Rule
from rules.text import normalize_text


def _found(name: str, value):
    """Rules held by a module attribute, also inside dicts and tuples (EVIDENCE)."""
    if isinstance(value, Rule):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _found(f"{name}[{key}]", item)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _found(f"{name}[{i}]", item)


def _rules():
    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"rules.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("_"):
                yield from _found(f"{info.name}.{name}", value)


RULES = dict(_rules())
READS = [(name, ex) for name, r in RULES.items() for ex in r.examples]
REFUSES = [(name, printed) for name, r in RULES.items() for printed in r.refuses]


def test_every_rule_has_examples():
    assert RULES and all(r.examples for r in RULES.values())


@pytest.mark.parametrize("name, example", READS, ids=[f"{n}:{e if isinstance(e, str) else e[0]}" for n, e in READS])
def test_rule_reads_its_example(name, example):
    printed, groups = (example, {}) if isinstance(example, str) else example
    m = RULES[name].reads(printed)
    assert m, f"{name} does not read {printed!r}"
    for group, value in groups.items():
        got = m.group(group)
        assert (got if got is None else normalize_text(got)) == value, (group, got)


@pytest.mark.parametrize("name, printed", REFUSES, ids=[f"{n}:{p}" for n, p in REFUSES])
def test_rule_refuses_its_near_miss(name, printed):
    assert not RULES[name].reads(printed), f"{name} reads {printed!r}"


MODULES = [info.name for info in pkgutil.iter_modules(rules.__path__)]


@pytest.mark.parametrize("module", MODULES)
def test_the_doc_examples_of_the_rules_functions(module):
    """The small functions beside the rules show their real cases as doc examples."""
    import doctest
    failed, _ = doctest.testmod(importlib.import_module(f"rules.{module}"))
    assert failed == 0
