"""``python -m pipeline``: the same as the ``pipeline`` command."""

from pipeline.launch import main

main()
