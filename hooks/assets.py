"""Publish the site's own JS and CSS minified (logic: debtkb.assets)."""

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from debtkb import assets
from debtkb.timing import instrument


@event_priority(-10)  # after the Traditional edition has converted the calculator's words
def on_files(files, config):
    for file in [f for f in files if assets.is_asset(f.src_uri)]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=assets.minify(file.src_uri, file.content_string)))
    return files


instrument(globals())  # timings for scripts/bench_scale.py; no-op unless DEBTKB_HOOK_TIMINGS is set
