"""Live task events, as the layers above use them: the channels and their history.

They are kept by storage/channels.py (memory, or Redis when configured); this is the
domain's name for them, so that http/ depends on the domain only.
"""

from capstone.storage.channels import LiveEvents, event_order, split_event

__all__ = ["LiveEvents", "event_order", "split_event"]
