"""The one error type for "the user asked for something that isn't there"."""


class UserError(Exception):
    """A request that cannot be answered as asked; `message` says why and what works.

    The command layer turns it into an ephemeral reply; the console prints it.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
