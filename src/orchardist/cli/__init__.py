"""The ``orchardist`` command line: parse, call one service, print."""
