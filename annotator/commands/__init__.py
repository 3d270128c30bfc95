"""One module per subcommand of ``annotator``; each has ``register(subparsers)``."""
