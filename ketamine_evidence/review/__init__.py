"""The review page: a small Flask app beside the CLI (``ketamine-evidence review``)."""
