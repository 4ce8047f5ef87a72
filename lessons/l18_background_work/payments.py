"""Stand-ins for the outside services step 5's job calls: a payment provider and a receipt mailer.

They live in the app's memory, which the in-process worker shares; real ones are other
services, reached over the network from whichever process runs the job.
"""

# --8<-- [start:provider]
from typing import Any


class PaymentProvider:
    """Charges cards. Like most payment APIs, it takes an idempotency key."""

    def __init__(self) -> None:
        self.charges: dict[str, dict[str, Any]] = {}

    def charge(self, invoice: int, amount: int, *, idempotency_key: str) -> str:
        # A key it has seen is the same request again: it answers with the first
        # charge instead of making a second one.
        if idempotency_key not in self.charges:
            number = len(self.charges) + 1
            self.charges[idempotency_key] = {
                "id": f"ch_{number}",
                "invoice": invoice,
                "amount": amount,
            }
        return str(self.charges[idempotency_key]["id"])

    def made(self) -> list[dict[str, Any]]:
        return list(self.charges.values())


PAYMENTS = PaymentProvider()
RECEIPT_OUTAGES = {"calls": 1}  # how many calls the receipt service fails; the tests set it


async def send_receipt(invoice: int) -> None:
    if RECEIPT_OUTAGES["calls"] > 0:
        RECEIPT_OUTAGES["calls"] -= 1
        raise ConnectionError(f"the receipt service timed out for invoice {invoice}")


# --8<-- [end:provider]
