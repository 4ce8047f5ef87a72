"""The capstone: a task API built from the lessons' pieces, ready to deploy.

Where to look:
    app.py       where a request enters: the app is assembled here from the parts below
    config.py    settings from environment variables, with safe development defaults
    http/        the HTTP surface: routes, request and response shapes, auth, errors, events
    domain/      the rules: what a task is allowed to become, who may see it
    storage/     where data lives: tables, migrations, the database connection

Imports point one way, app -> http -> domain -> storage (tests/capstone/test_layers.py).
"""
