"""The repayment calculator's build-time side: find ```repayment-calculator blocks in Markdown,
validate their options, and render the widget's static HTML shell. The arithmetic itself lives in
``docs/javascripts/repayment/core.js`` and runs in the reader's browser."""
