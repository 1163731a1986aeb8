"""The one error a channel raises, whatever went wrong underneath."""


class ChannelError(Exception):
    """Sending failed; the message says why, for the outbox row and the admin page."""
