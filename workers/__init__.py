"""Background work on arq: settings and thin jobs that call server.domain."""
