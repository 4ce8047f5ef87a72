"""The rules of the task API, independent of HTTP."""
