"""Step 05: OAuth2PasswordBearerAuth: a form posted to the token URL, and what OpenAPI says."""

import json

from litestar.testing import TestClient

from lessons.l16_sessions.step05_swagger import app, oauth2
from tests.lessons.l16_sessions.support import PASSWORD
from tests.transcripts import MakeTranscript, render_exchange

FORM = {"grant_type": "password", "username": "ada", "password": PASSWORD, "scope": ""}


def test_swagger_ui_posts_a_form_and_gets_a_bearer_token(transcript: MakeTranscript) -> None:
    record = transcript("l16_sessions/token")
    with TestClient(app) as client:
        record(client.post("/register", json={"username": "ada", "password": PASSWORD}))
        response = client.post("/token", data=FORM)
        token = response.json()["access_token"]
        me = client.get("/me", headers={"Authorization": f"Bearer {token}"})
        for exchange in (response, me):  # a token changes every second: cut to its first part
            record.add_text(render_exchange(exchange).replace(token, token.split(".")[0] + ".…"))
    assert response.status_code == 200
    assert response.json() == {"access_token": token, "token_type": "bearer", "expires_in": 900}
    assert "set-cookie" not in response.headers  # a bearer token only: nothing a browser resends
    assert me.json() == {"username": "ada", "roles": ["member"]}


def test_the_token_url_wants_a_form_not_json() -> None:
    with TestClient(app) as client:
        client.post("/register", json={"username": "ada", "password": PASSWORD})
        as_json = client.post("/token", json=FORM)
        wrong = client.post("/token", data={**FORM, "password": "wrong"})
        # Swagger UI adds client_id and client_secret when they are filled in: ignored.
        with_client = client.post("/token", data={**FORM, "client_id": "ui", "client_secret": ""})
    assert as_json.status_code == 400
    assert wrong.status_code == 401
    assert with_client.status_code == 200


def test_the_openapi_document_describes_the_password_flow(transcript: MakeTranscript) -> None:
    schema = app.openapi_schema.to_schema()
    assert schema["components"]["securitySchemes"] == {
        "BearerToken": {
            "type": "oauth2",
            "description": "OAUTH2 password bearer authentication and authorization.",
            "name": "Authorization",
            "in": "header",
            "scheme": "Bearer",
            "bearerFormat": "JWT",
            "flows": {"password": {"tokenUrl": "/token"}},
        }
    }
    assert schema["security"] == [{"BearerToken": []}]
    body = schema["paths"]["/token"]["post"]["requestBody"]["content"]
    assert list(body) == ["application/x-www-form-urlencoded"]
    assert schema["components"]["schemas"]["PasswordForm"]["required"] == [
        "password",
        "username",
    ]
    with TestClient(app) as client:
        record = transcript("l16_sessions/openapi-oauth2")
        document = client.get("/schema/openapi.json")
        record.add_text(
            "$ curl -s http://127.0.0.1:8000/schema/openapi.json | jq .components.securitySchemes\n"
            + json.dumps(document.json()["components"]["securitySchemes"], indent=2)
        )


def test_swagger_ui_is_served() -> None:
    with TestClient(app) as client:
        response = client.get("/schema/swagger")
    assert response.status_code == 200
    assert "swagger-ui" in response.text


# --8<-- [start:pitfall-login-cookie]
def test_oauth2_login_also_sets_a_cookie_that_logs_in() -> None:
    response = oauth2.login(identifier="ada")
    (cookie,) = response.cookies
    assert (cookie.key, cookie.httponly, cookie.secure) == ("token", True, None)
    with TestClient(app) as client:
        client.post("/register", json={"username": "ada", "password": PASSWORD})
        # The middleware reads the header *or* this cookie: a browser resends the cookie by
        # itself, so an app that calls login() is a cookie app, open to CSRF like step 3.
        me = client.get("/me", headers={"cookie": f"token={cookie.value}"})
    assert me.status_code == 200


# --8<-- [end:pitfall-login-cookie]
