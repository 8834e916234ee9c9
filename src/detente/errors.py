"""Errors Detente raises on purpose, each with a stable code and a way out.

Every error the user can cause is a ``DetenteError``: the CLI prints its
message on one line and exits non-zero, never with a traceback. The code
(``[E101]``) stays the same across versions so it can be searched for.
"""


class DetenteError(Exception):
    """Base class: ``code`` is stable, ``message`` says what and how to fix."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(DetenteError):
    """The input (a path, a URL, a text, a JSONL line) cannot be used."""

    code = "E100"


class EmptyTextError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class NoMainTextError(InputError):
    code = "E104"


class FetchError(InputError):
    code = "E105"


class RecordError(InputError):
    """One line or record of a corpus is malformed; others still go on."""

    code = "E106"


class TextTooLongError(InputError):
    """A text (or raw input) is longer than DETENTE_MAX_TEXT_CHARS allows."""

    code = "E107"


class OptionError(DetenteError):
    """A command-line option or setting has a value that cannot be used."""

    code = "E200"


class ModelError(DetenteError):
    """The spaCy pipeline named by the settings cannot be loaded."""

    code = "E300"


class EventModelError(ModelError):
    """The learned event coder's model files or run-time libraries are missing."""

    code = "E310"


class DataError(DetenteError):
    """A packaged data file (dictionary, code table) is missing or malformed."""

    code = "E400"


class StorageError(DetenteError):
    """The database cannot be reached or refused a write."""

    code = "E500"


class NotFoundError(DetenteError):
    """An actor, dyad, event or article named by the user does not exist."""

    code = "E600"


class MissingDependencyError(DetenteError):
    """A command needs a library the slim install (detente-core) leaves out."""

    code = "E700"
