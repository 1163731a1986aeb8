"""The JSON API (v1): the same domain functions as the pages, JSON in and out."""
