"""Checks for lesson 16, exercise 3: let Swagger UI log in."""

from typing import Any

from lessons.kit import ANY, CheckFailed, Checks, Client

checks = Checks()
PASSWORD = "a long enough password"  # noqa: S105 - the checks' own test member
# What Swagger UI's "Authorize" dialog posts for the password flow.
FORM = {"grant_type": "password", "username": "rosa", "password": PASSWORD, "scope": ""}


def log_in(client: Client, password: str = PASSWORD) -> Any:
    client.post("/register", json={"username": "rosa", "password": PASSWORD})
    return client.post("/token", data={**FORM, "password": password})


@checks.add("the OpenAPI document has an oauth2 password flow whose tokenUrl is /token")
def openapi_names_the_token_url(client: Client) -> None:
    reply = client.get("/schema/openapi.json")
    schemes = reply.json().get("components", {}).get("securitySchemes", {})
    flows = [s.get("flows", {}).get("password", {}) for s in schemes.values()]
    if not any(flow.get("tokenUrl") == "/token" for flow in flows):
        raise CheckFailed(
            request=reply.request,
            expected='a securityScheme of type oauth2 with flows.password.tokenUrl "/token"',
            received=f"securitySchemes {schemes}",
        )


@checks.add("POST /token with Swagger UI's form answers access_token and token_type bearer")
def form_gets_a_token(client: Client) -> None:
    log_in(client).expect(
        (200, 201),
        json_has={"access_token": ANY, "token_type": "bearer"},
        nudge="Swagger UI posts a form (application/x-www-form-urlencoded), not JSON",
    )


@checks.add("that token, as Authorization: Bearer, opens GET /me", needs=form_gets_a_token)
def token_opens_me(client: Client) -> None:
    access_token = log_in(client).json()["access_token"]
    client.get("/me", headers={"Authorization": f"Bearer {access_token}"}).expect(
        200, json_has={"username": "rosa"}
    )


@checks.add("POST /token with a wrong password is 401", needs=form_gets_a_token)
def wrong_password_is_401(client: Client) -> None:
    log_in(client, password="not the password").expect(401)  # noqa: S106 - a test value


@checks.add("POST /token sets no cookie: the token is in the body only", needs=form_gets_a_token)
def no_cookie(client: Client) -> None:
    reply = log_in(client)
    if "set-cookie" in reply.headers:
        raise CheckFailed(
            request=reply.request,
            expected="no Set-Cookie header (a cookie the browser resends needs CSRF protection)",
            received=f"set-cookie: {reply.headers['set-cookie'][:60]}…",
        )


@checks.add("GET /me without a token is 401", needs=openapi_names_the_token_url)
def anonymous_is_401(client: Client) -> None:
    client.get("/me").expect(401)
