"""Errors a user can act on: their message is one French sentence, shown as is."""


class UserError(Exception):
    """A problem with the user's input or environment, explained in French."""


class JobCancelled(Exception):
    """Raised inside long work when the user cancelled it; nothing was written."""


class IdentityConflict(UserError):
    """A record born elsewhere (another UUID) would replace a local record with its reference."""
