"""The en language: its facts and rules live in this folder."""
