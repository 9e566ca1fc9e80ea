"""What every stage shares: the exception hierarchy with exit codes, configuration, default paths."""
