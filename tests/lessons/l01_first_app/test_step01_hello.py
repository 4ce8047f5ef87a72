"""Your first test: call the app in-process with Litestar's TestClient."""

# --8<-- [start:first-test]
from litestar.testing import TestClient

from lessons.l01_first_app.step01_hello import app


def test_hello_says_hello() -> None:
    # `with` runs the app's start-up and shutdown hooks, as a real server would.
    with TestClient(app=app) as client:
        response = client.get("/")

    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Litestar!"}


# --8<-- [end:first-test]
