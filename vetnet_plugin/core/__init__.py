"""
What every VETNet feature shares: who is acting and what they may do, course
keys, rate limits, pagination, Markdown, languages, machine translation and
the VET vocabularies. It knows no feature.
"""
