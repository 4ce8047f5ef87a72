"""Lesson 21: settings, workers, proxies, shutdown, probes, migrations and an image."""
