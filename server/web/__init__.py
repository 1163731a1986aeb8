"""HTML endpoints: parse input, call one domain function, render."""
