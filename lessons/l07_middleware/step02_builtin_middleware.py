"""Built-in middleware switched on by configuration: CORS, gzip, rate limits, logging."""

# --8<-- [start:app]
from litestar import Litestar, get
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.middleware.logging import LoggingMiddlewareConfig
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.params import FromPath

# --8<-- [start:cors]
# Only the front end we know may call this API from a browser.
cors = CORSConfig(
    allow_origins=["https://app.example.com"],
    allow_methods=["GET", "POST"],
    allow_headers=["Authorization", "X-Request-ID"],
    max_age=3600,  # browsers may cache the preflight answer for an hour
)
# --8<-- [end:cors]

# --8<-- [start:compression]
# gzip ships with Python; "brotli" would need the litestar[brotli] extra.
compression = CompressionConfig(backend="gzip", minimum_size=500)  # small bodies stay as they are
# --8<-- [end:compression]

# --8<-- [start:rate-limit]
# Five requests a minute per client address; /health is never limited.
rate_limit = RateLimitConfig(rate_limit=("minute", 5), exclude=["^/health$"])
# --8<-- [end:rate-limit]

# --8<-- [start:logging]
# Log what helps debugging, not what leaks: no bodies, no cookies, secret headers masked.
request_logging = LoggingMiddlewareConfig(
    request_log_fields=("method", "path", "query", "headers"),
    response_log_fields=["status_code"],
    request_headers_to_obfuscate={"Authorization", "X-API-Key", "Cookie"},
)
# --8<-- [end:logging]


@get("/products")
async def list_products() -> list[dict[str, object]]:
    # Big enough (over 500 bytes of JSON) for compression to be worth it.
    return [{"id": number, "name": f"Product {number}", "in_stock": True} for number in range(20)]


@get("/products/{product_id:int}")
async def get_product(product_id: FromPath[int]) -> dict[str, object]:
    return {"id": product_id, "name": f"Product {product_id}", "in_stock": True}


@get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


app = Litestar(
    route_handlers=[list_products, get_product, health],
    cors_config=cors,  # CORS and compression have their own arguments
    compression_config=compression,
    # The first middleware in the list is the outermost: logging comes before the rate
    # limit so that refused requests are logged too.
    middleware=[request_logging.middleware, rate_limit.middleware],
)
# --8<-- [end:app]
