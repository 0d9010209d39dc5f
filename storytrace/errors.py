"""One exception tree for storytrace; the CLI and API translate these at their edges."""


class StorytraceError(Exception):
    """Base of every error storytrace raises on purpose."""


class IngestError(StorytraceError):
    """An input could not be read or parsed into articles."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ExtractionRejected(IngestError):
    """An input was read, but holds no usable English article (empty, binary, boilerplate only, other language)."""


class StoreError(StorytraceError):
    """The database could not be opened, migrated or written."""


class PipelineError(StorytraceError):
    """The pipeline was assembled wrongly (a stage needs what no earlier stage assigns)."""


class BenchError(StorytraceError):
    """A benchmark could not read its data."""


class DuplicateArticle(IngestError):
    """Not a failure: the article is already stored, or appeared earlier in the same batch."""
