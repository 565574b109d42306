"""ETL for the trade, FDI and rail figures quoted in Chinese news articles.

Stages, one module each: sources (what to read), text (offsets-safe cleaning
and sentences), numbers, periods, entities, extract (figures from one article),
load (atomic CSV output), site (the static site), pipeline (all of it).
"""
