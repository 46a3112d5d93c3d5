"""samefact: read one news story as told by several outlets, fact by fact."""

__version__ = "0.1.0"
