"""Hook timings for the scale benchmark: off by default, and wrapping keeps MkDocs' priority."""

import json

from debtkb import timing


def test_instrument_changes_nothing_unless_asked(monkeypatch):
    monkeypatch.delenv(timing.ENV, raising=False)

    def on_page_content(html):
        return html

    namespace = {"__file__": "hooks/example.py", "on_page_content": on_page_content}
    timing.instrument(namespace)
    assert namespace["on_page_content"] is on_page_content


def test_instrument_times_each_event_and_keeps_its_priority(monkeypatch, tmp_path):
    out = tmp_path / "timings.jsonl"
    monkeypatch.setenv(timing.ENV, str(out))
    monkeypatch.setattr(timing, "_totals", {})
    monkeypatch.setattr(timing, "_registered", ["already"])  # no atexit handler from a test

    def on_page_context(context):
        return context + 1

    on_page_context.mkdocs_priority = 40
    namespace = {"__file__": "/x/hooks/example.py", "on_page_context": on_page_context, "helper": len}
    timing.instrument(namespace)
    wrapped = namespace["on_page_context"]
    assert wrapped is not on_page_context and wrapped.mkdocs_priority == 40 and namespace["helper"] is len
    assert wrapped(1) == 2 and wrapped(2) == 3
    timing._write(str(out))
    record = json.loads(out.read_text())
    assert record["edition"] == "zh-Hans" and record["events"]["example.on_page_context"][1] == 2
