"""The Traditional edition's converter: OpenCC ``s2tw`` with the project's own phrases first.

OpenCC picks one Traditional form where a Simplified character has several, by its phrase
dictionary; in this site's vocabulary some picks are wrong (发卡银行 → 髮卡銀行, "hair-clip bank";
银发〔2003〕 → 銀髮〔2003〕). ``data/conversions.yml`` lists the project's phrases; they are applied
through OpenCC's own mechanism: a configuration made from ``s2tw.json`` (so OpenCC updates keep
flowing in) whose segmentation and first conversion step start with the project's text dictionary.

Segmentation also reads a vocabulary (jieba's common words and the glossary's words, as
segments only: each segment is still converted by OpenCC's phrases and characters). OpenCC cuts
text by longest match against its phrase list alone, and that list holds only phrases that need
converting, so without words around them its phrases fire across word boundaries: 不是只有 →
不是隻有 (是只, "is one [animal]"), 资金发放 → 資金髮放 (金发, "blond"), 包括发短信 → 包括髮短信.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from debtkb import yamlfile
from debtkb.editions.ambiguous import spells
from debtkb.problems import LocatedProblems
from debtkb.text import HAN, opencc_files, t2s

SHOWN = "data/conversions.yml"
"""The phrase dictionary, relative to the project (the folder of mkdocs.yml)."""
GLOSSARY = "data/glossary.yml"
BASE_CONFIG = "s2tw.json"
DOCUMENT_BRACKETS = "〔[［(（【﹝"
"""What follows an issuing body's code in a document number: 银发〔2003〕251号, 银发[2003]…"""
VOCABULARY_MIN_FREQUENCY = 50
"""jieba's words seen at least this often in its corpus (about 46,000 words) cut the text."""
FIELDS = ("simplified", "traditional", "why")
SECTIONS = ("phrases", "document_numbers")


class ConversionsError(LocatedProblems):
    """Bad data/conversions.yml; ``str()`` is ``file:line: message`` lines."""


@dataclass(frozen=True)
class Phrase:
    simplified: str
    traditional: str
    why: str
    line: int
    document: bool = False  # an issuing body's code: converted only before a bracket

    def entries(self) -> list[tuple[str, str]]:
        """The dictionary entries: the phrase, or the code followed by each bracket."""
        if not self.document:
            return [(self.simplified, self.traditional)]
        return [(self.simplified + b, self.traditional + b) for b in DOCUMENT_BRACKETS]


def parse(text: str, path: str = SHOWN) -> list[Phrase]:
    """Validate and return the phrases; ``ConversionsError`` listing every problem found."""
    data = yamlfile.parse(text, path, ConversionsError)
    if not isinstance(data, dict) or not set(data) - {yamlfile.LINE} <= set(SECTIONS):
        raise ConversionsError(path, [(1, f"the file must be a mapping with the sections {', '.join(SECTIONS)}")])
    problems: list[tuple[int, str]] = []
    phrases: list[Phrase] = []
    seen: dict[tuple[str, bool], int] = {}
    for section in SECTIONS:
        entries = data.get(section) or []
        if not isinstance(entries, list):
            problems.append((data.get(yamlfile.LINE, 1), f"'{section}' must be a list of entries"))
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                problems.append((1, f"{section}: an entry is not a mapping of {', '.join(FIELDS)}"))
                continue
            line = entry.pop(yamlfile.LINE, 1)
            missing = [f for f in FIELDS if not (isinstance(entry.get(f), str) and entry[f].strip())]
            unknown = sorted(set(entry) - set(FIELDS))
            if missing or unknown:
                problems += [(line, f"{section}: missing or empty field '{f}'") for f in missing]
                problems += [(line, f"{section}: unknown field '{f}'") for f in unknown]
                continue
            simplified, traditional = entry["simplified"].strip(), entry["traditional"].strip()
            document = section == "document_numbers"
            if len(simplified) != len(traditional):
                problems.append((line, f"'{simplified}' → '{traditional}': both must have the same number of characters"))
            elif not spells(simplified, traditional):
                problems.append((line, f"'{traditional}' is not a Traditional spelling of '{simplified}' (OpenCC reads it back as '{t2s().convert(traditional)}')"))
            if (simplified, document) in seen:
                problems.append((line, f"'{simplified}' is listed twice (first on line {seen[simplified, document]})"))
            seen.setdefault((simplified, document), line)
            phrases.append(Phrase(simplified, traditional, entry["why"].strip(), line, document))
    if problems:
        raise ConversionsError(path, problems)
    return phrases


def load(path: Path, shown: str = SHOWN) -> list[Phrase]:
    return parse(yamlfile.read(path, shown, ConversionsError), shown)


def vocabulary(extra: tuple[str, ...] = ()) -> list[str]:
    """Words that cut the text before OpenCC's phrases apply: jieba's common Chinese words of two
    or more characters, and ``extra`` (the glossary's terms)."""
    import jieba  # only for where its dictionary is: nothing is cut here

    han = re.compile(f"[{HAN}]{{2,}}")
    words = set(w for w in extra if han.fullmatch(w))
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, frequency, *_ = line.split()
            if int(frequency) >= VOCABULARY_MIN_FREQUENCY and han.fullmatch(word):
                words.add(word)
    return sorted(words)


def config(folder: Path, phrases: list[Phrase], words: list[str]) -> Path:
    """Write the OpenCC configuration (s2tw's, the project's dictionary chained first) and its
    text dictionaries into ``folder``; return the configuration's path."""
    share = opencc_files() / "share" / "opencc"
    base = json.loads((share / BASE_CONFIG).read_text(encoding="utf-8"))

    def absolute(node):  # the copied configuration lives elsewhere: point at OpenCC's files
        if isinstance(node, dict):
            if node.get("type") == "ocd2":
                node["file"] = str(share / node["file"])
            for value in node.values():
                absolute(value)
        elif isinstance(node, list):
            for value in node:
                absolute(value)

    absolute(base)
    entries = sorted({s: t for p in phrases for s, t in p.entries()}.items())
    (folder / "phrases.txt").write_text("".join(f"{s}\t{t}\n" for s, t in entries), encoding="utf-8")
    (folder / "vocabulary.txt").write_text("".join(f"{w}\t{w}\n" for w in words), encoding="utf-8")
    project = {"type": "text", "file": str(folder / "phrases.txt")}
    segments = {"type": "text", "file": str(folder / "vocabulary.txt")}
    cut = base["segmentation"]["dict"]
    base["segmentation"]["dict"] = {"type": "group", "match_policy": "union", "dicts": [project, segments, cut]}
    first = base["conversion_chain"][0]["dict"]
    base["conversion_chain"][0]["dict"] = {"type": "group", "match_policy": "short_circuit", "dicts": [project, first]}
    base["name"] = "s2tw with debtkb's phrases (data/conversions.yml)"
    path = folder / "s2tw-debtkb.json"
    path.write_text(json.dumps(base, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def build(phrases: list[Phrase], words: list[str], shown: str = SHOWN):
    """An OpenCC converter applying ``phrases``; ``ConversionsError`` for a phrase it does not
    convert as written (OpenCC's later steps change it, or a longer phrase wins)."""
    import opencc

    with tempfile.TemporaryDirectory(prefix="debtkb-opencc-") as folder:
        converter = opencc.OpenCC(str(config(Path(folder), phrases, words)))  # reads its files now
    wrong = []
    for p in phrases:
        for s, t in p.entries():
            got = converter.convert(s)
            if got != t:
                wrong.append((p.line, f"'{s}' converts to '{got}', not '{t}': write the converter's result, or a longer phrase"))
    if wrong:
        raise ConversionsError(shown, wrong)
    return converter


@lru_cache(maxsize=2)
def converter(root: str):
    """The edition's converter for the project at ``root``, built once per process from its
    data/conversions.yml (and its glossary's words)."""
    from debtkb.glossary.model import load as load_glossary

    glossary = Path(root) / GLOSSARY
    words = tuple(s for t in load_glossary(glossary, GLOSSARY).terms for s in t.spellings) if glossary.is_file() else ()
    return build(load(Path(root) / SHOWN), vocabulary(words))
