"""The one error type a build reports: a one-line message naming file and cause."""


class BuildError(Exception):
    """A failure the user can act on; build.py prints it on one line and exits 1."""
