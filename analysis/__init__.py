"""Analysis: store -> parse -> extract -> tables -> reports."""
