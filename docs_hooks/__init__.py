"""MkDocs hooks for the docs site (listed under `hooks:` in mkdocs.yml) and the engine report."""
