"""Choose the documentation UIs with render plugins; the first one answers at /schema."""

# --8<-- [start:app]
from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import (
    RedocRenderPlugin,
    ScalarRenderPlugin,
    SwaggerRenderPlugin,
    YamlRenderPlugin,
)

from lessons.l11_openapi.step01_config import openapi_config as described
from lessons.l11_openapi.step03_responses import route_handlers

# --8<-- [start:config]
openapi_config = OpenAPIConfig(
    # The same description of the API as before, field by field.
    title=described.title,
    version=described.version,
    description=described.description,
    contact=described.contact,
    license=described.license,
    servers=described.servers,
    tags=described.tags,
    use_handler_docstrings=True,
    # Only these UIs are served, each at its own path under /schema. The first
    # one is also served at /schema itself. /schema/openapi.json is always there;
    # the YAML file is served only when its plugin is listed.
    render_plugins=[
        ScalarRenderPlugin(),  # /schema and /schema/scalar
        SwaggerRenderPlugin(),  # /schema/swagger
        RedocRenderPlugin(),  # /schema/redoc
        YamlRenderPlugin(),  # /schema/openapi.yaml and /schema/openapi.yml
    ],
)
# --8<-- [end:config]

app = Litestar(route_handlers=route_handlers, openapi_config=openapi_config)
# --8<-- [end:app]
