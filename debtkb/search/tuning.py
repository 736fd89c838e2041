"""Make more of the text findable, and phrases rank first, without changing what results display.

Material indexes each section's text as jieba segmented it (accurate mode). Its search box splits
a typed Chinese query greedily into the longest indexed tokens that are *proper prefixes* of what
is left (never the whole query, so the last character is never used), then adds a trailing
wildcard to each piece. So:
- parts of a longer word (本息 inside 等额本息, once 等额本息 is one word) are not found;
- two words typed together (金融生态) shrink to their first word (金融*), and the page holding
  the phrase ranks below every page with many 金融… words.
``tune_index`` adds to each section:
- every suffix (two characters or more; for glossary terms, down to one) of each word of three
  or more characters in the section's title and text, so any part of a word is the start of
  some token and prefix matching finds it;
- for each pair of adjacent words (金融生态) and each long word, that phrase minus its last
  character (金融生), which is what the query 金融生态 becomes (金融生*): it then matches the
  phrase rather than everything with 金融. When several phrases share that prefix (还款方式,
  还款方案), it goes only to sections holding the one most used on the site, so the common phrase
  ranks first; each of the others is added whole, so it is still found.
The tokens go into a hidden paragraph at the end of the section's text: the worker indexes every
text node, and a result teaser that would show that paragraph keeps its ``hidden`` attribute, so
readers never see it.
"""

from __future__ import annotations

import re
from collections import Counter

from debtkb.text import HAN

_TAG = re.compile(r"<[^>]+>")
_ZWSP = "\u200b"  # Material joins jieba's words with it
_HAN_RUN = re.compile(f"[{HAN}][{HAN}\u200b]*")
HIDDEN_OPEN = '<p hidden data-search-extra="">'


def visible_tokens(text: str, separator: re.Pattern) -> set[str]:
    return {t.lower() for t in separator.split(_TAG.sub(" ", text)) if t}


def candidates(text: str, cut, added: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(parts, whole) for one section: word suffixes; phrases and long words typed in full.

    Material has already segmented the text with jieba (words joined by U+200B): those words are
    reused, which keeps this step cheap on large sites (a second jieba pass cost 8 ms a page).
    ``cut`` segments text that arrives unsegmented."""
    plain = _TAG.sub(" ", text)
    segmented = _ZWSP in plain
    parts: dict[str, None] = {}  # insertion-ordered sets: deterministic output
    whole: dict[str, None] = {}
    for run in _HAN_RUN.findall(plain):
        words = [w for w in run.split(_ZWSP) if w] if segmented else list(cut(run))
        for word in words:
            if len(word) >= 3:
                whole.setdefault(word)
                # Suffixes of two characters or more; of a word added to jieba (a glossary term),
                # down to its last character, which plain jieba may have found alone (砍头息 → 息).
                for start in range(1, len(word) - (word not in added)):
                    parts.setdefault(word[start:])
        for left, right in zip(words, words[1:]):
            if len(left) >= 2 and len(right) >= 2:
                whole.setdefault(left + right)
    return list(parts), list(whole)


def tune_index(index: dict, cut, skip: tuple[str, ...] = (), added: frozenset[str] = frozenset()) -> tuple[dict, int]:
    """Add the hidden paragraph to every section of a Material ``search_index.json`` (except
    those whose location starts with one of ``skip``); returns the index and the number of tokens
    added. Running it twice adds nothing the second time."""
    separator = re.compile(index["config"]["separator"])
    docs = [d for d in index["docs"] if d.get("text") and HIDDEN_OPEN not in d["text"] and not d["location"].startswith(skip)]
    found = [candidates(f"{d.get('title', '')} {d['text']}", cut, added) for d in docs]  # a heading's words too
    uses = Counter(w for _, whole in found for w in whole)
    owner: dict[str, str] = {}  # query prefix → the phrase it is given to
    contested: set[str] = set()  # prefixes that more than one phrase shares
    for word in sorted(uses, key=lambda w: (-uses[w], w)):
        if owner.setdefault(word[:-1], word) != word:
            contested.add(word[:-1])
    added = 0
    for doc, (parts, whole) in zip(docs, found):
        have = visible_tokens(doc["text"], separator)
        extra: dict[str, None] = dict.fromkeys(parts)
        for word in whole:
            prefix = word[:-1]
            if owner[prefix] == word:
                extra.setdefault(prefix)  # alone it makes the phrase findable: 金融生* matches 金融生
            if owner[prefix] != word or prefix in contested:
                # A phrase whose prefix went to another one needs its own token to be found; the
                # owner of a shared prefix gets one too, so it outranks the others (两 matches, not 1).
                extra.setdefault(word)
        tokens = [t for t in extra if t.lower() not in have]
        if tokens:
            doc["text"] = f"{doc['text']}{HIDDEN_OPEN}{' '.join(tokens)}</p>"
            added += len(tokens)
    return index, added
