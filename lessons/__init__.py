"""Numbered Litestar lessons. Each step module is a complete app with a module-level ``app``.

Run ``python -m lessons list`` to see them all.
"""
