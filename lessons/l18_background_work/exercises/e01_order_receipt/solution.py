"""Order receipt: answer first, send the receipt afterwards."""

import asyncio
from dataclasses import dataclass

from litestar import Litestar, Response, post
from litestar.background_tasks import BackgroundTask
from litestar.params import JSONBody

SECONDS_TO_SEND = 1.0  # a slow mail server; the checks set it to 0
SENT: list[str] = []


@dataclass
class Order:
    id: int
    email: str
    total: int


async def send_receipt(email: str, order_id: int) -> None:
    await asyncio.sleep(SECONDS_TO_SEND)
    SENT.append(f"receipt for order {order_id} to {email}")


@post("/orders")
async def place_order(data: JSONBody[Order]) -> Response[Order]:
    # The function and its arguments: Litestar calls it once the response is out,
    # so the client never waits for the mail server.
    receipt = BackgroundTask(send_receipt, data.email, data.id)
    return Response(data, status_code=201, background=receipt)


app = Litestar(route_handlers=[place_order])
