"""``python -m lessons``: the lesson runner (see lessons/runner.py)."""

from lessons.runner import main

raise SystemExit(main())
