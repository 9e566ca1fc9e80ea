"""`ketamine-evidence review`: serve the review page (``ketamine_evidence/review/``) and print its URL.

Loopback only (127.0.0.1) by default; ``--host`` for any other address is refused unless ``--token`` is
given, and then every request must carry the token (the printed URL does, once; a cookie after that).
``--port 0`` picks a free port. Stops on Ctrl-C.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from ketamine_evidence.base import paths
from ketamine_evidence.base.config import Config
from ketamine_evidence.base.errors import ConfigError

LOOPBACK = "127.0.0.1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, help="store file (default: config store.path, "
                                                   "data/ketamine-evidence.sqlite)")
    parser.add_argument("--tables", type=Path, metavar="DIR",
                        help="the extraction tables the machine's values come from (default data/processed/)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    parser.add_argument("--host", default=LOOPBACK,
                        help="address to listen on (default 127.0.0.1; any other needs --token)")
    parser.add_argument("--token", help="a secret every request must carry (required with a non-loopback --host)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace, config: Config) -> int:
    from ketamine_evidence.review.server import serve  # Flask is only imported when the page is served

    if not _is_loopback(args.host) and not args.token:
        raise ConfigError(f"--host {args.host} is not a loopback address: give --token SECRET as well "
                          "(every request will then need it)")
    if args.token is not None and len(args.token) < 8:
        raise ConfigError("--token must be at least 8 characters")
    if not 0 <= args.port <= 65535:
        raise ConfigError(f"--port must be 0-65535, got {args.port}")
    serve(store_path=args.store or config.store_path, tables_dir=args.tables or paths.processed_dir(),
          intervention=config.intervention, host=args.host, port=args.port, token=args.token,
          announce=lambda url: print(f"review page: {url} (Ctrl-C to stop)", flush=True, file=sys.stdout))
    return 0
