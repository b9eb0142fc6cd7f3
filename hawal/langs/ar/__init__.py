"""The ar language: its facts and rules live in this folder."""
