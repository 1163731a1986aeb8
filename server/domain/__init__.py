"""Business operations; callable from web handlers, API handlers, jobs and tests alike."""
