"""Dates handed from the Simplified build to the Traditional one (debtkb.editions.page_dates)."""

import threading
import time

import pytest

from debtkb.editions import page_dates


def test_the_reader_waits_for_the_whole_file(tmp_path):
    path = str(tmp_path / "dates.json")
    timer = threading.Timer(0.2, page_dates.write, args=(path, {"a.md": {"git_revision_date_localized": "2026-12-01"}}))
    timer.start()
    started = time.monotonic()
    assert page_dates.wait_for(path, timeout=10) == {"a.md": {"git_revision_date_localized": "2026-12-01"}}
    assert time.monotonic() - started >= 0.15
    assert not (tmp_path / "dates.json.part").exists()


def test_a_build_that_never_writes_them_is_an_error(tmp_path):
    with pytest.raises(TimeoutError, match="did not write the pages' dates within 0 s"):
        page_dates.wait_for(str(tmp_path / "none.json"), timeout=0.1)
