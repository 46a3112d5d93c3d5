"""The panes of the reader."""
