"""Topic tags by rule: which of extra.guide.topics an article is about, from the words it uses.

The rules live in data/topics.yml (one entry per topic: words, and how often they must occur); a
word that is a glossary term brings its aliases with it. ``Rules.tags(text)`` applies every rule
to a text; ``load`` validates the file against the site's topic list and the glossary, with the
line of every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from debtkb.glossary.model import Glossary
from debtkb.problems import LocatedProblems


class TopicsError(LocatedProblems):
    pass


@dataclass(frozen=True)
class Rule:
    topic: str
    words: tuple[str, ...]  # every spelling that counts (glossary aliases included)
    min: int

    @property
    def pattern(self) -> re.Pattern:
        # Longest first, so 协商还款 counts once, not also as 协商.
        return _pattern(self.words)

    def score(self, text: str) -> int:
        return len(self.pattern.findall(text))


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    max: int
    fallback: str

    def tags(self, text: str) -> list[str]:
        """The topics whose words the text uses often enough, most used first (ties: file order)."""
        text = re.sub(r"\s+", "", text)
        scored = [(rule.score(text), -k, rule.topic) for k, rule in enumerate(self.rules)]
        chosen = [topic for score, _, topic in sorted(scored, reverse=True) if score >= self.rules[self._index(topic)].min]
        return chosen[: self.max] or [self.fallback]

    def _index(self, topic: str) -> int:
        return next(k for k, r in enumerate(self.rules) if r.topic == topic)


def parse(text: str, path: str, topics: tuple[str, ...], glossary: Glossary) -> Rules:
    def line(pattern: str) -> int:
        m = re.search(pattern, text, re.M)
        return text[: m.start()].count("\n") + 1 if m else 1

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise TopicsError(path, [((mark.line + 1) if mark else 1, f"not valid YAML: {getattr(e, 'problem', e)}")]) from None
    problems = []
    spellings = {t.term: t.spellings for t in glossary.terms}
    rules = []
    for topic, rule in (data.get("topics") or {}).items():
        where = line(rf"^\s+{re.escape(str(topic))}\s*:")
        if topic not in topics:
            problems.append((where, f"topic '{topic}' is not in extra.guide.topics ({'、'.join(topics)})"))
            continue
        if not isinstance(rule, dict) or not isinstance(rule.get("words"), list) or not rule["words"]:
            problems.append((where, f"topic '{topic}' needs `words:`, a list of terms or everyday words"))
            continue
        minimum = rule.get("min", 2)
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
            problems.append((where, f"topic '{topic}': min must be a whole number of 1 or more"))
            continue
        words = []
        for word in rule["words"]:
            words += spellings.get(str(word), (str(word),))
        rules.append(Rule(str(topic), tuple(dict.fromkeys(words)), minimum))
    fallback = data.get("fallback")
    if fallback not in topics:
        problems.append((line(r"^fallback\s*:"), f"fallback must be one of extra.guide.topics, got {fallback!r}"))
    maximum = data.get("max", 4)
    if isinstance(maximum, bool) or not isinstance(maximum, int) or maximum < 1:
        problems.append((line(r"^max\s*:"), f"max must be a whole number of 1 or more, got {maximum!r}"))
    if problems:
        raise TopicsError(path, problems)
    return Rules(tuple(rules), maximum, fallback)


def load(path: Path, topics: tuple[str, ...], glossary: Glossary, shown: str = "data/topics.yml") -> Rules:
    if not path.is_file():
        raise TopicsError(shown, [(1, "the topic rules file does not exist")])
    return parse(path.read_text(encoding="utf-8"), shown, topics, glossary)
