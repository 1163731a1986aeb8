"""Passwords, sessions, CSRF, rate limits and API tokens."""
