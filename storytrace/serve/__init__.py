"""The ways out of the library: CLI, REST API, web UI and static report."""

# What every view shows for a date that is not known (an article without a publication date or dateline, a story
# of such articles): the fact, never a made-up date.
DATE_UNKNOWN = "date unknown"
