"""Load and validate the term list. Every problem names the file, the entry and the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from debtkb import yamlfile
from debtkb.problems import LocatedProblems

REQUIRED = ("term", "aliases", "english", "definition", "related", "legal")
OPTIONAL = ("sources", "not_in", "everyday")
MAX_DEFINITION = 200


class GlossaryError(LocatedProblems):
    """Bad glossary data; ``problems`` holds ``(line, message)``, ``str()`` is ``file:line: message`` lines."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""


@dataclass(frozen=True)
class Term:
    term: str
    aliases: tuple[str, ...]
    english: str
    definition: str
    related: tuple[str, ...]
    legal: bool
    sources: tuple[Source, ...] = ()
    not_in: tuple[str, ...] = ()
    everyday: tuple[str, ...] = ()  # readers' own words for it (老赖 for 失信被执行人): search finds the term's pages
    line: int = 0

    @property
    def anchor(self) -> str:
        """Stable id of the entry on the glossary page: the term itself (as heading ids keep Chinese)."""
        return self.term

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)

    def by_term(self) -> dict[str, Term]:
        return {t.term: t for t in self.terms}


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def parse(text: str, path: str = "data/glossary.yml") -> Glossary:
    """Parse and validate; raise ``GlossaryError`` listing every problem found."""
    data = yamlfile.parse(text, path, GlossaryError)
    if not isinstance(data, list) or not data:
        raise GlossaryError(path, [(1, "the glossary must be a YAML list of entries (each starting with '- term: …')")])

    problems: list[tuple[int, str]] = []
    terms: list[Term] = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            problems.append((1, f"entry {number} is not a mapping of fields"))
            continue
        line = entry.pop(yamlfile.LINE, 1)
        name = entry.get("term")
        label = f"entry '{name}'" if isinstance(name, (str, int)) else f"entry {number}"
        before = len(problems)
        for key in REQUIRED:
            if key not in entry:
                problems.append((line, f"{label}: missing field '{key}'"))
        for key in sorted(set(entry) - set(REQUIRED) - set(OPTIONAL)):
            problems.append((line, f"{label}: unknown field '{key}' (allowed: {', '.join(REQUIRED + OPTIONAL)})"))
        if len(problems) > before:
            continue
        term = str(name).strip() if isinstance(name, (str, int)) else ""
        if not term:
            problems.append((line, f"{label}: 'term' must be a non-empty string"))
            continue
        if not _strings(entry["aliases"]) and entry["aliases"] != []:
            problems.append((line, f"{label}: 'aliases' must be a list of strings ([] if none)"))
        if not _strings(entry["related"]) and entry["related"] != []:
            problems.append((line, f"{label}: 'related' must be a list of terms ([] if none)"))
        for key in ("english", "definition"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                problems.append((line, f"{label}: '{key}' must be a non-empty string"))
        if isinstance(entry["definition"], str) and len(entry["definition"]) > MAX_DEFINITION:
            problems.append((line, f"{label}: 'definition' is {len(entry['definition'])} characters; keep it to one or two sentences (at most {MAX_DEFINITION})"))
        if not isinstance(entry["legal"], bool):
            problems.append((line, f"{label}: 'legal' must be true or false"))
        sources = entry.get("sources", [])
        parsed_sources: list[Source] = []
        if not isinstance(sources, list):
            problems.append((line, f"{label}: 'sources' must be a list of {{title, url}}"))
            sources = []
        for source in sources:
            if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source["title"].strip():
                problems.append((line, f"{label}: each source needs a 'title' (law and article, or document name and number)"))
                continue
            url = source.get("url", "")
            extra = sorted(set(source) - {"title", "url", yamlfile.LINE})
            if extra:
                problems.append((source.get(yamlfile.LINE, line), f"{label}: unknown source field(s) {extra}"))
            if url and not (isinstance(url, str) and url.startswith("https://")):
                problems.append((source.get(yamlfile.LINE, line), f"{label}: source url must start with https://"))
            parsed_sources.append(Source(source["title"].strip(), url or ""))
        if entry["legal"] is True and not parsed_sources:
            problems.append((line, f"{label}: a legal or regulatory term needs 'sources' (law and article, or regulator document)"))
        not_in = entry.get("not_in", [])
        if not _strings(not_in) and not_in != []:
            problems.append((line, f"{label}: 'not_in' must be a list of strings"))
            not_in = []
        elif any(term not in n for n in not_in):
            problems.append((line, f"{label}: every 'not_in' word must contain the term '{term}'"))
        everyday = entry.get("everyday", [])
        if not _strings(everyday) and everyday != []:
            problems.append((line, f"{label}: 'everyday' must be a list of strings"))
            everyday = []
        if len(problems) == before:
            terms.append(
                Term(
                    term=term,
                    aliases=tuple(a.strip() for a in entry["aliases"]),
                    english=entry["english"].strip(),
                    definition=entry["definition"].strip(),
                    related=tuple(r.strip() for r in entry["related"]),
                    legal=entry["legal"],
                    sources=tuple(parsed_sources),
                    not_in=tuple(not_in),
                    everyday=tuple(w.strip() for w in everyday),
                    line=line,
                )
            )

    problems += _cross_check(terms)
    if problems:
        raise GlossaryError(path, problems)
    return Glossary(terms)


def _cross_check(terms: list[Term]) -> list[tuple[int, str]]:
    """Duplicates, aliases that are other terms, related terms that do not exist."""
    problems = []
    names = {}
    for t in terms:
        if t.term in names:
            problems.append((t.line, f"entry '{t.term}': duplicate term (also on line {names[t.term]})"))
        else:
            names[t.term] = t.line
    spelled: dict[str, tuple[str, int]] = {}
    everyday_of: dict[str, str] = {}
    for t in terms:
        for alias in t.aliases:
            if alias in names:
                problems.append((t.line, f"entry '{t.term}': alias '{alias}' is itself a term (line {names[alias]})"))
            elif alias in spelled:
                owner, line = spelled[alias]
                problems.append((t.line, f"entry '{t.term}': duplicate alias '{alias}' (also an alias of '{owner}', line {line})"))
            else:
                spelled[alias] = (t.term, t.line)
        for word in t.everyday:
            if word in names or word in t.aliases:
                problems.append((t.line, f"entry '{t.term}': everyday word '{word}' is a term or alias; list it there once"))
            elif word in everyday_of and everyday_of[word] != t.term:
                problems.append((t.line, f"entry '{t.term}': everyday word '{word}' is also listed for '{everyday_of[word]}'; a reader's word must lead to one term"))
            everyday_of.setdefault(word, t.term)
        if len(set(t.everyday)) != len(t.everyday):
            problems.append((t.line, f"entry '{t.term}': an everyday word is listed twice"))
        if len(set(t.aliases)) != len(t.aliases):
            problems.append((t.line, f"entry '{t.term}': an alias is listed twice"))
        for related in t.related:
            if related == t.term:
                problems.append((t.line, f"entry '{t.term}': lists itself as related"))
            elif related not in names:
                problems.append((t.line, f"entry '{t.term}': related term '{related}' does not exist; add it or fix the spelling"))
    return problems


def load(path: str | Path, display_path: str | None = None) -> Glossary:
    shown = display_path or str(path)
    return parse(yamlfile.read(path, shown, GlossaryError), shown)
